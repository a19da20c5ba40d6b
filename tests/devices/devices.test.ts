// The box's device side against 4 simulated phones: listing, streams at profile sizes, GOP snapshot, control.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHub, type DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import type { DeviceInfo, StreamHold } from '../../native-bridge/base/deviceHub.ts';
import { defaultStreamProfiles } from '../../native-bridge/sessions/streamProfile.ts';
import type { SimPhone } from '../../native-bridge/simphone/simPhone.ts';
import { collect, configs, decodeH264, keyFrames, latestAnnexB, nodeCentre, sleep, waitFor } from '../testing/devicesKit.ts';

let dataDir: string;
let hub: DeviceHubWithDiagnostics;
let devices: DeviceInfo[];
let phones: SimPhone[];
const holds: StreamHold[] = [];

function phoneOf(device: DeviceInfo): SimPhone {
  const phone = phones.find((p) => p.identity.serial === device.serial);
  if (!phone) throw new Error(`no simulated phone for ${device.serial}`);
  return phone;
}

function device(index: number): DeviceInfo {
  const found = devices[index];
  if (!found) throw new Error(`no device ${index}`);
  return found;
}

/** Opens the chat app and taps the first chat row at its UI-dump position scaled into the grid frame. */
async function openFirstChat(target: DeviceInfo): Promise<string> {
  const control = hub.control(target.id);
  await control.input({ kind: 'startApp', name: 'com.phonewall.chat' });
  let row: ReturnType<typeof nodeCentre> = null;
  await waitFor(async () => (row = nodeCentre(await control.uiDump(), /:id\/chat_row_/)) !== null, 'the chat list');
  const first = row as unknown as { x: number; y: number; id: string; text: string };
  const chatId = first.id.replace(/^.*:id\/chat_row_/, '');
  await tap(target, first.x, first.y);
  await waitFor(() => phoneOf(target).inspect().openChatId === chatId, `chat ${chatId} to open`, 15_000);
  return chatId;
}

/** A tap (or long press) as a viewer of the grid stream sends it: in the coordinates of the frame it saw. */
async function tap(target: DeviceInfo, physicalX: number, physicalY: number, holdMs = 0): Promise<void> {
  const hold = hub.holdStream(target.id, 'grid');
  try {
    await waitFor(() => configs(hold.stream.snapshot()).length > 0, 'a grid config');
    const config = configs(hold.stream.snapshot())[0]!;
    const frame = { frameWidth: config.width, frameHeight: config.height };
    const x = Math.floor((physicalX * config.width) / target.width);
    const y = Math.floor((physicalY * config.height) / target.height);
    const control = hub.control(target.id);
    await control.input({ kind: 'touch', action: 'down', pointerId: 0, x, y, ...frame });
    if (holdMs > 0) await sleep(holdMs);
    await control.input({ kind: 'touch', action: 'up', pointerId: 0, x, y, ...frame });
  } finally {
    hold.release();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'phonewall-devices-'));
  hub = createDeviceHub({ adbServer: null, connect: [], simulate: 4, scrcpyServerPath: null, dataDir, log: () => {} });
  await hub.start();
  await waitFor(() => hub.list().filter((d) => d.state === 'online').length === 4, '4 online devices');
  devices = hub.list().sort((a, b) => a.serial.localeCompare(b.serial));
  phones = [...hub.simulatedPhones()];
});

afterAll(async () => {
  for (const hold of holds) hold.release();
  await hub?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('DeviceHub with 4 simulated phones', () => {
  it('lists 4 online simulated phones with model and size', () => {
    expect(devices).toHaveLength(4);
    for (const d of devices) {
      expect(d).toMatchObject({ state: 'online', source: 'simulated', simulated: true, reason: null });
      expect(d.model).toBe(phoneOf(d).identity.model);
      expect(d.id).toBe(phoneOf(d).identity.serial);
      expect([d.width, d.height]).toEqual([phoneOf(d).physicalSize.width, phoneOf(d).physicalSize.height]);
    }
    expect(new Set(devices.map((d) => d.id)).size).toBe(4);
  });

  it('streams grid on all 4 and focus on one, decodable at the sizes the profiles ask for', async () => {
    const grids = devices.map((d) => hub.holdStream(d.id, 'grid'));
    const focus = hub.holdStream(device(0).id, 'focus');
    holds.push(...grids, focus);
    const seen = [...grids, focus].map((hold) => collect(hold.stream));
    await waitFor(() => seen.every((s) => configs(s.packets).length > 0 && keyFrames(s.packets).length > 0), 'config + key frame on 5 streams');
    for (const [index, hold] of [...grids, focus].entries()) {
      const packets = seen[index]!.packets;
      const config = configs(packets).at(-1)!;
      const decoded = await decodeH264(latestAnnexB(packets));
      expect(decoded.frames).toBeGreaterThan(0);
      expect([decoded.width, decoded.height]).toEqual([config.width, config.height]);
      const owner = devices.find((d) => d.id === hold.stream.deviceId)!;
      const maxSize = defaultStreamProfiles[hold.stream.profile].maxSize;
      const longest = Math.max(decoded.width, decoded.height);
      // scrcpy scales the longest side to max_size (or keeps the screen's) and rounds to a multiple of 8.
      expect(longest).toBeLessThanOrEqual(maxSize);
      expect(longest).toBeGreaterThanOrEqual(Math.min(maxSize, Math.max(owner.width, owner.height)) - 8);
      expect(decoded.width / decoded.height).toBeCloseTo(owner.width / owner.height, 1);
    }
    for (const s of seen) s.stop();
    // One phone-side server per device and profile, with distinct scids.
    const sessions = phoneOf(device(0)).inspect().scrcpySessions;
    expect(sessions).toHaveLength(2);
    expect(new Set(sessions.map((s) => s.scid)).size).toBe(2);
    expect(phoneOf(device(1)).inspect().scrcpySessions).toHaveLength(1);
  });

  it('gives a second hold on a running stream config + key frame from the snapshot at once', () => {
    const second = hub.holdStream(device(0).id, 'grid');
    holds.push(second);
    const snapshot = second.stream.snapshot();
    expect(snapshot[0]?.type).toBe('config');
    expect(snapshot[1]).toMatchObject({ type: 'frame', keyframe: true });
    expect(snapshot.slice(2).every((p) => p.type === 'frame' && !p.keyframe)).toBe(true);
    expect(hub.sessionStarts(device(0).id, 'grid')).toBe(1);
  });

  it("opens phone 2's first chat with a tap at the row's position scaled to the frame", async () => {
    const chatId = await openFirstChat(device(1));
    const taps = phoneOf(device(1)).inspect().taps;
    expect(taps.at(-1)?.view).toBe(`chat_row_${chatId}`);
  });

  it("types Chinese text into phone 3's chat input exactly", async () => {
    const target = device(2);
    await openFirstChat(target);
    const input = nodeCentre(await hub.control(target.id).uiDump(), /:id\/chat_input$/);
    expect(input).not.toBeNull();
    await tap(target, input!.x, input!.y);
    const text = '你好，欢迎光临！PhoneWall 测试 😀';
    await hub.control(target.id).text(text);
    await waitFor(() => phoneOf(target).inspect().inputText === text, 'the pasted text');
    await hub.control(target.id).text(' ok');
    await waitFor(() => phoneOf(target).inspect().inputText === `${text} ok`, 'ASCII appended by INJECT_TEXT');
  });

  it("pushes 3 images into phone 4's gallery with progress", async () => {
    const target = device(3);
    const files = ['red', 'green', 'blue'].map((colour, index) => {
      const canvas = createCanvas(64 + index, 48);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      return { name: `phonewall-test-${colour}.png`, bytes: new Uint8Array(canvas.toBuffer('image/png')) };
    });
    const progress = new Map<string, { sentBytes: number; totalBytes: number }>();
    const paths = await hub.control(target.id).pushImages(files, (p) => progress.set(p.file, p));
    expect(paths).toEqual(files.map((f) => `/sdcard/DCIM/PhoneWall/${f.name}`));
    for (const f of files) expect(progress.get(f.name)).toEqual({ file: f.name, sentBytes: f.bytes.byteLength, totalBytes: f.bytes.byteLength });
    await waitFor(() => paths.every((p) => phoneOf(target).inspect().gallery.includes(p)), 'the images in the gallery', 10_000);
    await expect(hub.control(target.id).pushImages([{ name: '../x.png', bytes: new Uint8Array(1) }])).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('drives back, home and recents like Android keys', async () => {
    const target = device(3);
    const control = hub.control(target.id);
    const screen = () => phoneOf(target).inspect().screen;
    await control.input({ kind: 'startApp', name: 'com.phonewall.chat' });
    await waitFor(() => screen() === 'chatList', 'the chat list');
    await control.input({ kind: 'home' });
    await waitFor(() => screen() === 'launcher', 'the launcher');
    await control.input({ kind: 'recents' });
    await waitFor(() => screen() === 'recents', 'recents');
    await control.input({ kind: 'back' });
    await waitFor(() => screen() !== 'recents', 'back out of recents');
  });

  it('takes a screenshot as a valid PNG of the screen size', async () => {
    const target = device(0);
    const png = await hub.control(target.id).screenshot();
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([target.width, target.height]);
  });

  it("forwards a copy made on phone 2 to clipboard listeners", async () => {
    const target = device(1);
    const control = hub.control(target.id);
    const copied: string[] = [];
    const off = control.onClipboard((text) => copied.push(text));
    await control.text('copy me');
    await control.input({ kind: 'key', action: 'press', key: 66 });
    await waitFor(() => phoneOf(target).inspect().sent.some((m) => m.text === 'copy me'), 'the sent message');
    let bubble: ReturnType<typeof nodeCentre> = null;
    await waitFor(async () => (bubble = nodeCentre(await control.uiDump(), /:id\/message_\d+$/)) !== null, 'a message bubble');
    const pressed = bubble as unknown as { x: number; y: number; text: string };
    await tap(target, pressed.x, pressed.y, 900);
    let copy: ReturnType<typeof nodeCentre> = null;
    await waitFor(async () => (copy = nodeCentre(await control.uiDump(), /:id\/menu_copy$/)) !== null, 'the copy menu');
    const menu = copy as unknown as { x: number; y: number };
    await tap(target, menu.x, menu.y);
    await waitFor(() => copied.length > 0, 'the CLIPBOARD message');
    expect(copied).toEqual([pressed.text]);
    off();
  });

  it('refuses input outside the frame and unknown devices with typed errors', async () => {
    const control = hub.control(device(0).id);
    await expect(control.input({ kind: 'touch', action: 'down', pointerId: 0, x: 500, y: 10, frameWidth: 216, frameHeight: 480 })).rejects.toMatchObject({ code: 'bad_request' });
    expect(() => hub.holdStream('nope', 'grid')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('follows a rotation: a new config on the same hold, the size swapped, taps land where clicked', async () => {
    const target = device(0);
    const phone = phoneOf(target);
    const hold = hub.holdStream(target.id, 'grid');
    holds.push(hold);
    const seen = collect(hold.stream);
    const configsBefore = configs(seen.packets).length;
    phone.rotate(1);
    await waitFor(() => configs(seen.packets).length > configsBefore && configs(seen.packets).at(-1)!.width > configs(seen.packets).at(-1)!.height, 'a landscape config');
    const config = configs(seen.packets).at(-1)!;
    await waitFor(() => hub.list().find((d) => d.id === target.id)?.width === target.height, 'the device size swapped');
    const tapsBefore = phone.inspect().taps.length;
    const x = Math.floor(config.width * 0.3);
    const y = Math.floor(config.height * 0.6);
    const frame = { frameWidth: config.width, frameHeight: config.height };
    await hub.control(target.id).input({ kind: 'touch', action: 'down', pointerId: 0, x, y, ...frame });
    await hub.control(target.id).input({ kind: 'touch', action: 'up', pointerId: 0, x, y, ...frame });
    await waitFor(() => phone.inspect().taps.length > tapsBefore, 'the tap');
    const landed = phone.inspect().taps.at(-1)!;
    expect(Math.abs(landed.x - (x * target.height) / config.width)).toBeLessThan(8);
    expect(Math.abs(landed.y - (y * target.width) / config.height)).toBeLessThan(8);
    // A frame of the old orientation would land elsewhere: refused.
    await expect(hub.control(target.id).input({ kind: 'touch', action: 'down', pointerId: 0, x: 10, y: 10, frameWidth: config.height, frameHeight: config.width })).rejects.toMatchObject({ code: 'bad_request' });
    seen.stop();
    phone.rotate(0);
  });
});
