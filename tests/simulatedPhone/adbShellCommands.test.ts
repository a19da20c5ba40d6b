// The phone's shell commands, run through the interpreter exactly as the adbd runs them (no network needed).
import { beforeEach, expect, test } from 'vitest';
import { MemoryFiles } from '../../native-bridge/simphone/storage/memoryFiles.ts';
import { createPhoneShell } from '../../native-bridge/simphone/shell/phoneShell.ts';
import type { ShellInterpreter } from '../../native-bridge/simphone/shell/shellInterpreter.ts';
import { AndroidKey, KeyAction, TouchAction, type PhoneIdentity, type ShellIo } from '../../native-bridge/simphone/types.ts';
import { FakeScrcpy, FakeScreen } from '../testing/adbFakes.ts';

const identity: PhoneIdentity = {
  serial: 'PWSIM0005', model: 'SimPhone 72x160', brand: 'PhoneWall', manufacturer: 'PhoneWall',
  product: 'simphone', device: 'simphone', release: '14', sdk: 34,
};

let screen: FakeScreen;
let files: MemoryFiles;
let scrcpy: FakeScrcpy;
let shell: ShellInterpreter;

beforeEach(() => {
  screen = new FakeScreen();
  files = new MemoryFiles();
  scrcpy = new FakeScrcpy();
  shell = createPhoneShell({ identity, screen, files, scrcpy, physicalSize: () => ({ width: 72, height: 160 }), now: Date.now });
});

async function run(line: string, aborted: Promise<void> = new Promise(() => undefined)) {
  const out: Uint8Array[] = [];
  const err: string[] = [];
  const io: ShellIo = {
    stdout: (data) => out.push(typeof data === 'string' ? new TextEncoder().encode(data) : data),
    stderr: (data) => err.push(typeof data === 'string' ? data : new TextDecoder().decode(data)),
    onStdin: () => undefined,
    aborted,
  };
  const code = await shell.run(line, io);
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString('utf8'), bytes, stderr: err.join('') };
}

test('getprop: one value, a fallback, and the full listing', async () => {
  expect(await run('getprop ro.build.version.sdk')).toMatchObject({ code: 0, stdout: '34\n' });
  expect((await run('getprop ro.nothing fallback')).stdout).toBe('fallback\n');
  const listing = (await run('getprop')).stdout.split('\n');
  for (const key of ['ro.product.model', 'ro.product.brand', 'ro.product.manufacturer', 'ro.product.name', 'ro.product.device', 'ro.build.version.release', 'ro.serialno', 'ro.product.cpu.abi']) {
    expect(listing.some((line) => line.startsWith(`[${key}]: [`))).toBe(true);
  }
  expect(listing).toContain('[ro.product.model]: [SimPhone 72x160]');
});

test('unknown commands: sh: CMD: not found, exit 127, and && stops', async () => {
  expect(await run('pm list packages')).toEqual({ code: 127, stdout: '', bytes: expect.anything(), stderr: 'sh: pm: not found\n' });
  expect((await run('nope && echo never || echo fallback')).stdout).toBe('fallback\n');
  expect((await run('/system/bin/echo full path')).stdout).toBe('full path\n');
});

test('input tap, swipe, text and keyevent reach the screen', async () => {
  expect((await run('input tap 10 20')).code).toBe(0);
  expect(screen.events).toEqual([
    { kind: 'touch', action: TouchAction.Down, x: 10, y: 20 },
    { kind: 'touch', action: TouchAction.Up, x: 10, y: 20 },
  ]);
  screen.events = [];
  await run('input swipe 0 100 0 20 50');
  expect(screen.events[0]).toEqual({ kind: 'touch', action: TouchAction.Down, x: 0, y: 100 });
  expect(screen.events.at(-1)).toEqual({ kind: 'touch', action: TouchAction.Up, x: 0, y: 20 });
  expect(screen.events.filter((event) => event.kind === 'touch' && event.action === TouchAction.Move).length).toBeGreaterThan(1);
  screen.events = [];
  await run('input text hello%sworld');
  await run('input keyevent KEYCODE_ENTER 4 HOME');
  expect(screen.events).toEqual([
    { kind: 'text', text: 'hello world' },
    { kind: 'key', action: KeyAction.Down, keycode: AndroidKey.Enter },
    { kind: 'key', action: KeyAction.Up, keycode: AndroidKey.Enter },
    { kind: 'key', action: KeyAction.Down, keycode: AndroidKey.Back },
    { kind: 'key', action: KeyAction.Up, keycode: AndroidKey.Back },
    { kind: 'key', action: KeyAction.Down, keycode: AndroidKey.Home },
    { kind: 'key', action: KeyAction.Up, keycode: AndroidKey.Home },
  ]);
  expect((await run('input tap ten 20')).code).toBe(1);
  expect((await run('input keyevent KEYCODE_NOPE')).code).toBe(1);
});

test('am start, monkey and their failures', async () => {
  const started = await run('am start -n com.phonewall.chat/.ui.LauncherUI');
  expect(started.code).toBe(0);
  expect(started.stdout).toBe('Starting: Intent { cmp=com.phonewall.chat/.ui.LauncherUI }\n');
  const withAction = await run('am start -a android.intent.action.MAIN -c android.intent.category.LAUNCHER -n com.phonewall.chat/.Main');
  expect(withAction.code).toBe(0);
  const missing = await run('am start -n com.other/.Main');
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('does not exist');
  expect((await run('monkey -p com.phonewall.chat -c android.intent.category.LAUNCHER 1')).stdout).toContain('Events injected: 1');
  expect((await run('monkey -p com.none 1')).stdout).toContain('No activities found');
  expect(screen.events.filter((event) => event.kind === 'start').map((event) => event.kind === 'start' && event.name)).toEqual([
    'com.phonewall.chat', 'com.phonewall.chat', 'com.other', 'com.phonewall.chat', 'com.none',
  ]);
});

test('media scan broadcast prints Android lines and adds only existing images to the gallery', async () => {
  files.write('/sdcard/DCIM/Camera/p.jpg', Uint8Array.of(0xff, 0xd8));
  const scan = await run('am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file:///sdcard/DCIM/Camera/p.jpg');
  expect(scan.stdout).toBe(
    'Broadcasting: Intent { act=android.intent.action.MEDIA_SCANNER_SCAN_FILE dat=file:///sdcard/DCIM/Camera/p.jpg }\nBroadcast completed: result=0\n',
  );
  await run('am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file:///sdcard/DCIM/Camera/none.jpg');
  files.write('/sdcard/Download/notes.txt', Uint8Array.of(1));
  await run('am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file:///sdcard/Download/notes.txt');
  expect(screen.gallery.map((image) => image.path)).toEqual(['/sdcard/DCIM/Camera/p.jpg']);
});

test('screencap and uiautomator dump to stdout or to a file', async () => {
  expect([...(await run('screencap -p')).bytes]).toEqual([...screen.png]);
  await run('screencap -p /sdcard/s.png');
  expect([...files.read('/sdcard/s.png')!]).toEqual([...screen.png]);
  const raw = (await run('screencap')).bytes;
  expect(raw.length).toBe(16 + 72 * 160 * 4);
  expect(raw.readUInt32LE(0)).toBe(72);
  const tty = await run('uiautomator dump /dev/tty');
  expect(tty.stdout.startsWith('<?xml')).toBe(true);
  expect(tty.stdout.endsWith('UI hierchary dumped to: /dev/tty\n')).toBe(true);
  const file = await run('uiautomator dump');
  expect(file.stdout).toBe('UI hierchary dumped to: /sdcard/window_dump.xml\n');
  expect(new TextDecoder().decode(files.read('/sdcard/window_dump.xml')!)).toContain('发表');
});

test('ls, mkdir, rm, cat, echo, redirects', async () => {
  expect((await run('mkdir /sdcard/a/b')).code).toBe(1);
  expect((await run('mkdir -p /sdcard/a/b && echo hi > /sdcard/a/b/f.txt && echo more >> /sdcard/a/b/f.txt')).code).toBe(0);
  expect((await run('cat /sdcard/a/b/f.txt')).stdout).toBe('hi\nmore\n');
  expect((await run('ls /sdcard/a/b')).stdout).toBe('f.txt\n');
  expect((await run('ls -a /sdcard/a')).stdout).toBe('.\n..\nb\n');
  expect((await run('ls -l /sdcard/a/b')).stdout).toMatch(/^total \d+\n-rw-rw---- 1 shell shell +8 \d{4}-\d\d-\d\d \d\d:\d\d f\.txt\n$/);
  expect((await run('rm /sdcard/a')).stderr).toBe('rm: /sdcard/a: Is a directory\n');
  expect((await run('rm -r /sdcard/a')).code).toBe(0);
  expect((await run('ls /sdcard/a')).code).toBe(1);
  expect((await run('rm -f /sdcard/none')).code).toBe(0);
  expect((await run('nothing 2>&1')).stdout).toBe('sh: nothing: not found\n');
  expect((await run('id')).stdout).toContain('uid=2000(shell)');
  expect((await run('echo -n x')).stdout).toBe('x');
  expect(await run("echo 'unterminated")).toMatchObject({ code: 2 });
});

test('sleep ends early when the stream closes', async () => {
  let abort!: () => void;
  const aborted = new Promise<void>((resolve) => (abort = resolve));
  const sleeping = run('sleep 600', aborted);
  abort();
  expect((await sleeping).code).toBe(0);
});

test('app_process: missing jar or wrong class is the real error; with the jar the scrcpy host runs', async () => {
  const line = 'CLASSPATH=/data/local/tmp/scrcpy-server.jar app_process / com.genymobile.scrcpy.Server 3.3.3 scid=12 audio=false';
  expect(await run(line)).toMatchObject({ code: 1, stderr: 'Error: Could not find or load main class com.genymobile.scrcpy.Server\n' });
  files.write('/data/local/tmp/scrcpy-server.jar', Uint8Array.of(0x50, 0x4b));
  expect((await run('CLASSPATH=/data/local/tmp/scrcpy-server.jar app_process / com.example.Other')).code).toBe(1);
  expect(await run('app_process / com.genymobile.scrcpy.Server 3.3.3')).toMatchObject({ code: 1 });
  let abort!: () => void;
  const aborted = new Promise<void>((resolve) => (abort = resolve));
  const running = run(line, aborted);
  expect(scrcpy.runs).toEqual([['3.3.3', 'scid=12', 'audio=false']]);
  abort();
  expect((await running).code).toBe(0);
});

test('wm size reports the physical size', async () => {
  expect((await run('wm size')).stdout).toBe('Physical size: 72x160\n');
  expect((await run('wm size 100x100')).code).not.toBe(0);
});
