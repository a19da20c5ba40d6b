// Seeded fuzzing of the phone shell: random command lines never throw, always end with an exit code, never hang.
import { expect, test } from 'vitest';
import { parseCommandLine } from '../../native-bridge/simphone/shell/commandLine.ts';
import { createPhoneShell } from '../../native-bridge/simphone/shell/phoneShell.ts';
import { MemoryFiles } from '../../native-bridge/simphone/storage/memoryFiles.ts';
import type { ShellIo } from '../../native-bridge/simphone/types.ts';
import { FakeScrcpy, FakeScreen } from '../testing/adbFakes.ts';

function random(seed: number) {
  let state = seed >>> 0;
  return (max: number) => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    state ^= state >>> 13;
    return (state >>> 0) % max;
  };
}

const WORDS = [
  'getprop', 'wm', 'size', 'density', 'screencap', '-p', 'uiautomator', 'dump', '/dev/tty', 'am', 'start', 'broadcast', '-n', '-a', '-d',
  'com.phonewall.chat/.Main', 'android.intent.action.MEDIA_SCANNER_SCAN_FILE', 'file:///sdcard/DCIM/Camera/a.png', 'file://%zz',
  'monkey', '-p', '1', 'force-stop', 'input', 'tap', 'swipe', 'text', 'keyevent', 'KEYCODE_ENTER', '--longpress', 'ls', '-l', '-la', 'rm',
  '-rf', 'mkdir', 'cat', 'echo', 'sleep', 'id', 'touch', 'app_process', '/', 'com.genymobile.scrcpy.Server', '3.3.3', 'scid=1', 'CLASSPATH=/x',
  'CLASSPATH=/data/local/tmp/scrcpy-server.jar', '/sdcard', '/sdcard/DCIM/Camera/a.png', '/', '..', '-1', '99999999999', 'NaN', '1e309',
  '中文', '😀', '', ';', '&&', '||', '>', '>>', '2>', '2>&1', "'", '"', '\\', '|', '&', '#', 'x=y', '$HOME', '%s',
];

test('5,000 seeded random command lines end with an exit code and never throw', async () => {
  const screen = new FakeScreen();
  const files = new MemoryFiles();
  files.write('/sdcard/DCIM/Camera/a.png', Uint8Array.of(0x89, 0x50));
  const shell = createPhoneShell({
    identity: { serial: 'PWSIM0001', model: 'm', brand: 'b', manufacturer: 'm', product: 'p', device: 'd', release: '14', sdk: 34 },
    screen,
    files,
    scrcpy: new FakeScrcpy(),
    physicalSize: () => ({ width: 72, height: 160 }),
    now: Date.now,
  });
  // The host has already gone: sleeps, swipes and the scrcpy server return at once instead of waiting.
  const io: ShellIo = { stdout: () => undefined, stderr: () => undefined, onStdin: () => undefined, aborted: Promise.resolve() };
  const next = random(4242);
  const codes = new Map<number, number>();
  for (let i = 0; i < 5_000; i += 1) {
    const line = Array.from({ length: 1 + next(8) }, () => WORDS[next(WORDS.length)]!).join(next(4) === 0 ? '' : ' ');
    const code = await shell.run(line, io);
    expect(Number.isInteger(code) && code >= 0 && code <= 255, `${line} → ${code}`).toBe(true);
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  // The soup reaches successes, failures, syntax errors and unknown commands alike.
  expect([...codes.keys()].sort((a, b) => a - b)).toEqual(expect.arrayContaining([0, 1, 2, 127]));
});

test('the parser never throws on random text', () => {
  const next = random(99);
  for (let i = 0; i < 5_000; i += 1) {
    const text = String.fromCharCode(...Array.from({ length: next(40) }, () => (next(5) === 0 ? next(0x3000) : 32 + next(95))));
    const result = parseCommandLine(text);
    expect(typeof result.ok).toBe('boolean');
  }
});
