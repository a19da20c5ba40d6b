// Server command-line parsing: Tango's serialised options, defaults, version check, bad values.
import { describe, expect, it } from 'vitest';
import { AdbScrcpyOptionsLatest } from '@yume-chan/adb-scrcpy';
import { DefaultServerOptions, parseServerArgs, socketNameFor } from './serverOptions.ts';
import { computeVideoSize } from './videoSize.ts';

describe('parseServerArgs', () => {
  it('reads what AdbScrcpyOptionsLatest serialises', () => {
    const tango = new AdbScrcpyOptionsLatest({
      scid: '1f', tunnelForward: true, audio: false, maxSize: 480, maxFps: 15, videoBitRate: 800_000,
      stayAwake: true, powerOn: false, cleanup: false, clipboardAutosync: false, logLevel: 'warn',
    });
    const parsed = parseServerArgs([tango.version, ...tango.serialize()], '3.3.3');
    expect(parsed).toEqual({
      ok: true,
      warnings: [],
      options: {
        ...DefaultServerOptions, scid: 0x1f, tunnelForward: true, audio: false, maxSize: 480, maxFps: 15,
        videoBitRate: 800_000, stayAwake: true, powerOn: false, cleanup: false, clipboardAutosync: false, logLevel: 'warn',
      },
    });
  });

  it('defaults match Tango defaults (nothing serialised means the same options)', () => {
    const tango = new AdbScrcpyOptionsLatest({});
    expect(tango.serialize()).toEqual([]);
    expect(parseServerArgs(['3.3.3'], '3.3.3')).toEqual({ ok: true, options: DefaultServerOptions, warnings: [] });
  });

  it('refuses another client version with the real message', () => {
    expect(parseServerArgs(['2.7', 'scid=1'], '3.3.3')).toEqual({ ok: false, error: 'The server version (3.3.3) does not match the client (2.7)' });
  });

  it('warns on unknown keys and accepts known ones it does not act on', () => {
    const parsed = parseServerArgs(['3.3.3', 'frobnicate=1', 'display_id=0', 'video_codec_options=profile=1'], '3.3.3');
    expect(parsed).toMatchObject({ ok: true, warnings: ['Unknown server option: frobnicate'] });
  });

  it('rejects malformed values and unsupported codecs', () => {
    expect(parseServerArgs(['3.3.3', 'max_size=big'], '3.3.3').ok).toBe(false);
    expect(parseServerArgs(['3.3.3', 'scid=-5'], '3.3.3').ok).toBe(false);
    expect(parseServerArgs(['3.3.3', 'scid=zz'], '3.3.3').ok).toBe(false);
    expect(parseServerArgs(['3.3.3', 'noequals'], '3.3.3')).toEqual({ ok: false, error: 'Invalid key=value pair: "noequals"' });
    expect(parseServerArgs(['3.3.3', 'video_codec=vp9'], '3.3.3')).toEqual({ ok: false, error: 'Video codec vp9 not supported' });
    expect(parseServerArgs(['3.3.3', 'video_codec=h265'], '3.3.3').ok).toBe(false);
    expect(parseServerArgs(['3.3.3', 'video_codec=h265', 'video=false'], '3.3.3').ok).toBe(true);
    expect(parseServerArgs(['3.3.3', 'log_level=loud'], '3.3.3').ok).toBe(false);
  });

  it('rounds max_size down to a multiple of 8 like the real server', () => {
    expect(parseServerArgs(['3.3.3', 'max_size=1285'], '3.3.3')).toMatchObject({ ok: true, options: { maxSize: 1280 } });
  });
});

describe('socketNameFor', () => {
  it('formats scid as scrcpy_%08x, or plain scrcpy without one', () => {
    expect(socketNameFor(0x1a2b)).toBe('scrcpy_00001a2b');
    expect(socketNameFor(0x7fffffff)).toBe('scrcpy_7fffffff');
    expect(socketNameFor(-1)).toBe('scrcpy');
  });
});

describe('computeVideoSize', () => {
  it('limits the longer side, keeps the aspect, rounds to multiples of 8', () => {
    expect(computeVideoSize({ width: 720, height: 1600 }, 480)).toEqual({ width: 216, height: 480 });
    expect(computeVideoSize({ width: 720, height: 1600 }, 1280)).toEqual({ width: 576, height: 1280 });
    expect(computeVideoSize({ width: 1600, height: 720 }, 480)).toEqual({ width: 480, height: 216 });
    expect(computeVideoSize({ width: 1080, height: 2400 }, 0)).toEqual({ width: 1080, height: 2400 });
    expect(computeVideoSize({ width: 1080, height: 2340 }, 1024)).toEqual({ width: 472, height: 1024 });
    expect(computeVideoSize({ width: 721, height: 1603 }, 0)).toEqual({ width: 720, height: 1600 });
  });
});
