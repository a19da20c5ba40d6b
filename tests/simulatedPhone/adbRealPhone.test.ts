// A whole simulated phone through Debian's adb: connect, devices, getprop, push+ls, screencap pixels, tap the app icon.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Image, createCanvas } from '@napi-rs/canvas';
import { SimPhone } from '../../native-bridge/simphone/simPhone.ts';
import { AdbCli } from '../testing/adbCli.ts';

let phone: SimPhone;
let cli: AdbCli;
let serial: string;

beforeAll(async () => {
  phone = await SimPhone.start({ index: 7 });
  cli = await AdbCli.start();
  serial = phone.address;
  const connected = await cli.run(['connect', serial]);
  expect(connected.stdout).toContain(`connected to ${serial}`);
  await cli.waitForDevice(serial);
});

afterAll(async () => {
  await cli?.stop();
  await phone?.stop();
});

function decodePng(bytes: Uint8Array): { width: number; height: number; rgba: Uint8ClampedArray } {
  const image = new Image();
  image.src = Buffer.from(bytes);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: context.getImageData(0, 0, image.width, image.height).data };
}

test('adb devices -l lists the phone as a device with its model; getprop answers', async () => {
  expect(phone.identity.serial).toBe('PWSIM0007');
  expect(phone.identity.model).toBe('SimPhone 720x1600');
  const devices = await cli.run(['devices', '-l']);
  const line = devices.stdout.split('\n').find((row) => row.startsWith(serial));
  expect(line).toMatch(/\sdevice\s/);
  expect(line).toContain('model:SimPhone_720x1600');
  expect(line).toContain('product:simphone');
  const model = await cli.run(['-s', serial, 'shell', 'getprop', 'ro.product.model']);
  expect(model.stdout.trim()).toBe('SimPhone 720x1600');
  const size = await cli.run(['-s', serial, 'shell', 'wm', 'size']);
  expect(size.stdout.trim()).toBe('Physical size: 720x1600');
});

test('adb push lands in the phone storage and adb shell ls shows it', async () => {
  const local = await cli.tempFile('photo one.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
  const pushed = await cli.run(['-s', serial, 'push', local, '/sdcard/DCIM/Camera/']);
  expect(pushed.code).toBe(0);
  const listing = await cli.run(['-s', serial, 'shell', 'ls', '-l', '/sdcard/DCIM/Camera']);
  expect(listing.stdout).toMatch(/-rw\S* .* 8 .*photo one\.png/);
  expect(phone.files.read('/sdcard/DCIM/Camera/photo one.png')?.length).toBe(8);
});

test('adb exec-out screencap -p is a PNG of the physical size showing the launcher', async () => {
  expect(phone.inspect().screen).toBe('launcher');
  const { code, stdout } = await cli.runBytes(['-s', serial, 'exec-out', 'screencap', '-p']);
  expect(code).toBe(0);
  expect([...stdout.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = decodePng(stdout);
  expect([png.width, png.height]).toEqual([720, 1600]);
  const expected = phone.screen.renderRgba(720, 1600);
  const points = [
    [90, 196], // chat app icon
    [360, 800], // wallpaper
    [10, 10], // status bar
    [630, 1500],
  ] as const;
  for (const [x, y] of points) {
    const offset = (y * 720 + x) * 4;
    for (let channel = 0; channel < 3; channel += 1) {
      expect(Math.abs(png.rgba[offset + channel]! - expected[offset + channel]!)).toBeLessThanOrEqual(2);
    }
  }
});

test('adb shell uiautomator dump finds the chat icon and input tap on it opens the app', async () => {
  const dump = await cli.run(['-s', serial, 'shell', 'uiautomator', 'dump', '/dev/tty']);
  expect(dump.stdout).toContain('UI hierchary dumped to: /dev/tty');
  const match = /resource-id="[^"]*launcher_app_chat"[^>]*bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"/.exec(dump.stdout);
  expect(match).not.toBeNull();
  const [x1, y1, x2, y2] = match!.slice(1).map(Number) as [number, number, number, number];
  const tapsBefore = phone.inspect().taps.length;
  const tap = await cli.run(['-s', serial, 'shell', 'input', 'tap', String((x1 + x2) >> 1), String((y1 + y2) >> 1)]);
  expect(tap.code).toBe(0);
  const after = phone.inspect();
  expect(after.screen).not.toBe('launcher');
  expect(after.taps.length).toBeGreaterThan(tapsBefore);
  const back = await cli.run(['-s', serial, 'shell', 'input', 'keyevent', 'KEYCODE_HOME']);
  expect(back.code).toBe(0);
  expect(phone.inspect().screen).toBe('launcher');
});
