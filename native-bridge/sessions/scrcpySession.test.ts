import { describe, expect, it } from 'vitest';
import type { ScrcpyMediaStreamPacket } from '@yume-chan/scrcpy';
import { ReadableStream } from '@yume-chan/stream-extra';
import { createScrcpyOptions, describeStartFailure } from './scrcpySession.ts';
import { AdbScrcpyExitedError } from '@yume-chan/adb-scrcpy';
import { defaultStreamProfiles } from './streamProfile.ts';

function packet(flags: bigint, pts: bigint, payload: number[], declared = payload.length): Uint8Array {
  const bytes = new Uint8Array(12 + payload.length);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, flags | pts, false);
  view.setUint32(8, declared, false);
  bytes.set(payload, 12);
  return bytes;
}

async function parse(chunks: Uint8Array[]): Promise<{ packets: ScrcpyMediaStreamPacket[]; error: unknown }> {
  const options = createScrcpyOptions(defaultStreamProfiles.grid, 1, true);
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const reader = source.pipeThrough(options.createMediaStreamTransformer()).getReader();
  const packets: ScrcpyMediaStreamPacket[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { packets, error: null };
      packets.push(value);
    }
  } catch (error) {
    return { packets, error };
  }
}

describe('createScrcpyOptions', () => {
  it('serialises the profile, scid, forward tunnel and no audio for server 3.3.3', () => {
    const options = createScrcpyOptions(defaultStreamProfiles.grid, 0x1234abc, true);
    const args = options.serialize();
    expect(options.version).toBe('3.3.3');
    for (const expected of ['scid=1234abc', 'max_size=480', 'max_fps=15', 'video_bit_rate=800000', 'audio=false', 'tunnel_forward=true', 'stay_awake=true']) {
      expect(args).toContain(expected);
    }
    expect(args.some((a) => a.startsWith('clipboard_autosync'))).toBe(false); // true is the server default
    const focus = createScrcpyOptions(defaultStreamProfiles.focus, 7, false).serialize();
    expect(focus).toEqual(expect.arrayContaining(['max_size=1280', 'max_fps=30', 'video_bit_rate=6000000', 'clipboard_autosync=false']));
  });

  it("parses config and frames with Tango's parser and the size guard in front of it", async () => {
    const config = packet(1n << 63n, 0n, [0, 0, 0, 1, 0x67]);
    const key = packet(1n << 62n, 1_000n, [0, 0, 0, 1, 0x65, 1, 2]);
    const delta = packet(0n, 34_000n, [0, 0, 0, 1, 0x41]);
    const whole = new Uint8Array([...config, ...key, ...delta]);
    const { packets, error } = await parse([whole.subarray(0, 5), whole.subarray(5, 20), whole.subarray(20)]);
    expect(error).toBeNull();
    expect(packets.map((p) => (p.type === 'configuration' ? 'config' : `${p.keyframe ? 'key' : 'delta'}@${p.pts}`))).toEqual(['config', 'key@1000', 'delta@34000']);
  });

  it('ends the stream instead of allocating for a forged 4 GiB packet', async () => {
    const { packets, error } = await parse([packet(1n << 62n, 1n, [1, 2, 3]), packet(0n, 2n, [], 0xffff_ffff)]);
    expect(packets).toHaveLength(1);
    expect(String(error)).toMatch(/exceeds/);
  });
});

describe('describeStartFailure', () => {
  it("prefers the server's error line", () => {
    const error = new AdbScrcpyExitedError(['[server] INFO: Device: x', '[server] ERROR: The server version (3.3.3) does not match the client (3.1)']);
    expect(describeStartFailure(error)).toBe('scrcpy server exited: [server] ERROR: The server version (3.3.3) does not match the client (3.1)');
    expect(describeStartFailure(new Error('closed'))).toBe('scrcpy server failed to start: closed');
  });
});
