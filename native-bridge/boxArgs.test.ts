// Command-line parsing of the box: defaults, repeated flags, and one clear error per mistake.
import { describe, expect, test } from 'vitest';
import { parseBoxArgs, parseHostPort } from './boxArgs.ts';

const home = '/home/op';

describe('parseBoxArgs', () => {
  test('defaults: loopback 7100, adb server on 5037, data under ~/.phonewall/box', () => {
    const parsed = parseBoxArgs([], {}, home, '/nowhere');
    expect(parsed).toMatchObject({
      ok: true,
      config: { listen: { host: '127.0.0.1', port: 7100 }, adbServer: { host: '127.0.0.1', port: 5037 }, dataDir: '/home/op/.phonewall/box', simulate: 0, rendererDir: null },
    });
  });

  test('PHONEWALL_DATA and --data override the data folder, in that order', () => {
    expect(parseBoxArgs([], { PHONEWALL_DATA: '/srv/pw' }, home)).toMatchObject({ config: { dataDir: '/srv/pw' } });
    expect(parseBoxArgs(['--data', '/d'], { PHONEWALL_DATA: '/srv/pw' }, home)).toMatchObject({ config: { dataDir: '/d' } });
  });

  test('repeated flags and --no-adb', () => {
    const parsed = parseBoxArgs(
      ['--simulate', '4', '--connect', '10.0.0.5:5600', '--connect', '[::1]:6000', '--no-adb', '--allow-origin', 'https://ops.example:8443/', '--allow-origin', 'app://phonewall'],
      {},
      home,
    );
    expect(parsed).toMatchObject({
      ok: true,
      config: {
        simulate: 4,
        adbServer: null,
        connect: [{ host: '10.0.0.5', port: 5600 }, { host: '::1', port: 6000 }],
        allowOrigins: ['https://ops.example:8443', 'app://phonewall'],
      },
    });
  });

  test('scheduled posting: on by default, a time zone, or off', () => {
    expect(parseBoxArgs([], {}, home)).toMatchObject({ ok: true, config: { posting: {} } });
    expect(parseBoxArgs(['--time-zone', 'Asia/Shanghai'], {}, home)).toMatchObject({ ok: true, config: { posting: { zone: 'Asia/Shanghai' } } });
    expect(parseBoxArgs(['--no-posting'], {}, home)).toMatchObject({ ok: true, config: { posting: false } });
  });

  test.each([
    [['--time-zone', 'Mars/Olympus'], /--time-zone expects an IANA time zone/],
    [['--time-zone', 'UTC', '--no-posting'], /cannot be used together/],
    [['--simulate', '-1'], /--simulate/],
    [['--simulate', '65'], /--simulate/],
    [['--listen', '192.168.1.2:7100'], /TLS|tls/],
    [['--listen', 'localhost:70000'], /out of range/],
    [['--tls-cert', 'a.pem'], /together/],
    [['--allow-origin', 'not a url'], /--allow-origin/],
    [['--renderer', '/definitely/not/here'], /--renderer/],
    [['--scrcpy-server', '/definitely/not/here.jar'], /--scrcpy-server/],
    [['extra'], /positional|Unexpected/i],
  ])('%j is refused with one line', (args, message) => {
    const parsed = parseBoxArgs(args, {}, home);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.error).not.toContain('\n');
    }
  });

  test('token management actions', () => {
    expect(parseBoxArgs(['--issue-token', 'desk-1:operator'], {}, home)).toMatchObject({ ok: true, action: { kind: 'issueToken', name: 'desk-1', role: 'operator' } });
    expect(parseBoxArgs(['--revoke-token', 'desk-1'], {}, home)).toMatchObject({ ok: true, action: { kind: 'revokeToken', name: 'desk-1' } });
    expect(parseBoxArgs(['--issue-token', 'desk-1:root'], {}, home).ok).toBe(false);
    expect(parseBoxArgs([], {}, home)).toMatchObject({ ok: true, action: { kind: 'serve' } });
  });

  test('host:port parsing', () => {
    expect(parseHostPort('127.0.0.1:0', '--listen')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(typeof parseHostPort('127.0.0.1', '--listen')).toBe('string');
  });
});
