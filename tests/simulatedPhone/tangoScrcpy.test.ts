// Tango drives a simulated phone like a real one: jar push, scrcpy 3.3.3 start, decodable video, input round trips.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Adb } from '@yume-chan/adb';
import { AndroidKeyCode, AndroidKeyEventAction, AndroidMotionEventAction } from '@yume-chan/scrcpy';
import { ReadableStream } from '@yume-chan/stream-extra';
import { connectAdb, pushServerJar, ScrcpyProbe } from '../../native-bridge/bench/scrcpyProbe.ts';
import { decodeH264 } from '../../native-bridge/simphone/encoder/h264Decoder.ts';
import { SimPhone } from '../../native-bridge/simphone/simPhone.ts';

interface UiNode {
  id: string;
  text: string;
  desc: string;
  cx: number;
  cy: number;
}

async function uiNodes(adb: Adb): Promise<UiNode[]> {
  const xml = await adb.subprocess.noneProtocol.spawnWaitText('uiautomator dump /dev/tty');
  return [...xml.matchAll(/<node ([^>]*)>/g)].map((match) => {
    const attrs = Object.fromEntries([...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((attr) => [attr[1]!, attr[2]!]));
    const [x1, y1, x2, y2] = (/\[(\d+),(\d+)\]\[(\d+),(\d+)\]/.exec(attrs['bounds'] ?? '') ?? []).slice(1).map(Number);
    return {
      id: (attrs['resource-id'] ?? '').replace(/^.*:id\//, ''),
      text: attrs['text'] ?? '',
      desc: attrs['content-desc'] ?? '',
      cx: Math.round(((x1 ?? 0) + (x2 ?? 0)) / 2),
      cy: Math.round(((y1 ?? 0) + (y2 ?? 0)) / 2),
    };
  });
}

async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Taps a physical point through scrcpy control, in the probe's video coordinates. */
async function tap(probe: ScrcpyProbe, phone: SimPhone, x: number, y: number): Promise<void> {
  const { width, height } = probe.metadata as { width: number; height: number };
  const screen = phone.inspect();
  const pointerX = Math.round((x * width) / screen.width);
  const pointerY = Math.round((y * height) / screen.height);
  for (const action of [AndroidMotionEventAction.Down, AndroidMotionEventAction.Up]) {
    await probe.controller.injectTouch({ action, pointerId: 1n, pointerX, pointerY, videoWidth: width, videoHeight: height, pressure: 1, actionButton: 0, buttons: 0 });
  }
}

/** Finds a view by resource id (or text / description) in a fresh UI dump and taps its centre. */
async function tapView(adb: Adb, probe: ScrcpyProbe, phone: SimPhone, match: (node: UiNode) => boolean, what: string): Promise<void> {
  let node: UiNode | undefined;
  await until(async () => {
    node = (await uiNodes(adb)).find(match);
    return node !== undefined;
  }, what);
  const taps = phone.inspect().taps.length;
  await tap(probe, phone, node!.cx, node!.cy);
  await until(() => phone.inspect().taps.length > taps, `tap on ${what}`);
}

async function pressKey(probe: ScrcpyProbe, keyCode: AndroidKeyCode): Promise<void> {
  for (const action of [AndroidKeyEventAction.Down, AndroidKeyEventAction.Up]) {
    await probe.controller.injectKeyCode({ action, keyCode, repeat: 0, metaState: 0 });
  }
}

async function screencap(adb: Adb): Promise<Uint8Array> {
  const socket = await adb.createSocket('exec:screencap -p');
  const chunks: Uint8Array[] = [];
  const reader = socket.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function solidPng(rgb: string, label: number): Uint8Array {
  const canvas = createCanvas(96, 96);
  const context = canvas.getContext('2d');
  context.fillStyle = rgb;
  context.fillRect(0, 0, 96, 96);
  context.fillStyle = '#fff';
  context.fillRect(label * 20, 10, 16, 16);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

describe('Tango + AdbScrcpyClient against a simulated phone', () => {
  let phone: SimPhone;
  let adb: Adb;
  let grid: ScrcpyProbe;

  beforeAll(async () => {
    phone = await SimPhone.start({ index: 7 });
    adb = await connectAdb(phone.port);
    await pushServerJar(adb);
    grid = await ScrcpyProbe.start(adb, { scid: '1a', maxSize: 480, maxFps: 15, videoBitRate: 800_000, clipboardAutosync: true });
  });

  afterAll(async () => {
    await grid?.close();
    await adb?.close();
    await phone?.stop();
  });

  it('receives device meta, codec meta, a config and a key frame that decode to the screencap image', async () => {
    expect(grid.metadata).toEqual({ deviceName: phone.identity.model, codec: 0x68323634, width: 216, height: 480 });
    await grid.waitFor((probe) => probe.frames().some((frame) => frame.keyframe), 'key frame');
    expect(grid.packets[0]?.type).toBe('configuration');

    const decoded = await decodeH264(grid.annexBSinceLastConfig(), 216, 480);
    const frame = decoded.frames[decoded.frames.length - 1]!;
    const png = await screencap(adb);
    const image = await loadImage(Buffer.from(png));
    expect([image.width, image.height]).toEqual([720, 1600]);
    const canvas = createCanvas(216, 480);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0, 216, 480);
    const reference = context.getImageData(0, 0, 216, 480).data;
    let difference = 0;
    for (let i = 0; i < reference.length; i += 4) {
      for (let c = 0; c < 3; c += 1) difference += Math.abs(reference[i + c]! - frame[i + c]!);
    }
    const meanDifference = difference / (216 * 480 * 3);
    expect(meanDifference).toBeLessThan(6);
  });

  it('a touch on the first chat row opens that chat and new packets arrive', async () => {
    await tapView(adb, grid, phone, (node) => node.id === 'launcher_app_chat', 'chat app icon');
    await until(() => phone.inspect().screen === 'chatList', 'chat list');
    const framesBefore = grid.frames().length;
    await tapView(adb, grid, phone, (node) => node.id.startsWith('chat_row_'), 'first chat row');
    await until(() => phone.inspect().screen === 'chat', 'chat screen');
    expect(phone.inspect().openChatId).toBe(phone.inspect().chats[0]!.id);
    await grid.waitFor((probe) => probe.frames().length > framesBefore, 'frames after the tap');
  });

  it('SET_CLIPBOARD with paste then ENTER sends exactly that message', async () => {
    const text = '你好，欢迎光临！😀';
    await tapView(adb, grid, phone, (node) => node.id === 'chat_input', 'chat input');
    await grid.controller.setClipboard({ sequence: 1n, paste: true, content: text });
    await until(() => phone.inspect().inputText === text, 'pasted text');
    await pressKey(grid, AndroidKeyCode.Enter);
    await until(() => phone.inspect().sent.length > 0, 'sent message');
    const sent = phone.inspect().sent;
    expect(sent[sent.length - 1]).toMatchObject({ chatId: phone.inspect().openChatId, from: 'me', text });
  });

  it('publishes a Moments post with the exact text and the 3 pushed images in order', async () => {
    const pngs = [solidPng('#c0392b', 0), solidPng('#27ae60', 1), solidPng('#2e86c1', 2)];
    const names = ['moment_a.png', 'moment_b.png', 'moment_c.png'];
    const sync = await adb.sync();
    try {
      for (const [index, png] of pngs.entries()) {
        await sync.write({
          filename: `/sdcard/DCIM/Camera/${names[index]}`,
          file: new ReadableStream<Uint8Array>({ start: (controller) => { controller.enqueue(png); controller.close(); } }),
        });
      }
    } finally {
      await sync.dispose();
    }
    for (const name of names) {
      await adb.subprocess.noneProtocol.spawnWaitText(`am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file:///sdcard/DCIM/Camera/${name}`);
    }
    expect(phone.inspect().gallery.length).toBeGreaterThanOrEqual(3);

    await pressKey(grid, AndroidKeyCode.AndroidBack);
    await until(() => phone.inspect().screen === 'chatList', 'back to the chat list');
    await tapView(adb, grid, phone, (node) => node.id === 'tab_discover', 'discover tab');
    await tapView(adb, grid, phone, (node) => node.id === 'discover_moments', 'moments entry');
    await tapView(adb, grid, phone, (node) => node.id === 'moments_camera', 'camera button');
    await tapView(adb, grid, phone, (node) => node.id === 'sheet_album', 'choose from album');
    for (const name of names) await tapView(adb, grid, phone, (node) => node.id.startsWith('gallery_item_') && node.desc === name, name);
    await tapView(adb, grid, phone, (node) => node.id === 'gallery_done', 'gallery done');
    const text = `周末新品到店 🎉 #job:tango-1`;
    await until(async () => (await uiNodes(adb)).some((node) => node.text === '发表'), 'compose screen');
    await tapView(adb, grid, phone, (node) => node.id === 'compose_text', 'compose text field');
    await grid.controller.setClipboard({ sequence: 2n, paste: true, content: text });
    await tapView(adb, grid, phone, (node) => node.text === '发表', 'publish');
    await until(() => phone.inspect().posts.length > 0, 'post');
    const post = phone.inspect().posts[0]!;
    expect(post.text).toBe(text);
    expect(post.imageSha256).toEqual(pngs.map((png) => createHash('sha256').update(png).digest('hex')));
    expect(post.jobId).toBe('tango-1');
  });
});
