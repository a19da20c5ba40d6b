// ChatApp posting and screen outputs: Moments publish with gallery images, UI dump, screencap, version, rotation.
import { createHash } from 'node:crypto';
import { createCanvas, Image } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { AndroidKey, KeyAction, TouchAction } from '../types.ts';
import { ChatApp } from './chatApp.ts';
import { hitTest } from './hitTest.ts';
import { center, findView } from './viewNode.ts';

const apps: ChatApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.stop();
});

function makeApp(width = 720, height = 1600): { app: ChatApp; clock: { t: number } } {
  const clock = { t: Date.UTC(2026, 10, 22, 2, 30) };
  const app = new ChatApp({ width, height, seed: 9, deviceName: '运营手机 7', now: () => clock.t });
  apps.push(app);
  return { app, clock };
}

function tapAt(app: ChatApp, clock: { t: number }, x: number, y: number): void {
  app.touch(TouchAction.Down, x, y, 0n);
  clock.t += 60;
  app.touch(TouchAction.Up, x, y, 0n);
  clock.t += 60;
}

function tap(app: ChatApp, clock: { t: number }, id: string): void {
  const view = findView(app.views(), id);
  if (view === null) throw new Error(`view ${id} is not visible on ${app.inspect().screen}`);
  const { x, y } = center(view.visible);
  tapAt(app, clock, x, y);
}

function image(format: 'png' | 'jpeg', color: string, width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = color;
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#ffffff';
  g.beginPath();
  g.arc(width / 2, height / 2, Math.min(width, height) / 4, 0, Math.PI * 2);
  g.fill();
  return format === 'png' ? canvas.encodeSync('png') : canvas.encodeSync('jpeg', 90);
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function decodePng(bytes: Uint8Array): { width: number; height: number; data: Uint8ClampedArray } {
  const img = new Image();
  img.src = Buffer.from(bytes);
  const canvas = createCanvas(img.width, img.height);
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: g.getImageData(0, 0, img.width, img.height).data };
}

/** Parses `uiautomator dump` XML nodes into text + bounds (just what a flow needs). */
function dumpNodes(xml: string): { text: string; id: string; bounds: [number, number, number, number] }[] {
  const out: { text: string; id: string; bounds: [number, number, number, number] }[] = [];
  for (const m of xml.matchAll(/<node [^>]*?text="([^"]*)" resource-id="([^"]*)"[^>]*? bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"/g)) {
    out.push({ text: m[1] ?? '', id: m[2] ?? '', bounds: [Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])] });
  }
  return out;
}

function addImages(app: ChatApp): Uint8Array[] {
  const files = [image('png', '#E74C3C', 640, 480), image('jpeg', '#3498DB', 480, 640), image('png', '#2ECC71', 800, 800), image('png', '#F1C40F', 300, 200)];
  files.forEach((bytes, i) => app.addGalleryImage({ path: `/sdcard/Pictures/PhoneWall/img${i}.${i === 1 ? 'jpg' : 'png'}`, bytes }));
  return files;
}

describe('ChatApp Moments posting', () => {
  it('publishes text and three gallery images in the chosen order with the job id, once', () => {
    const { app, clock } = makeApp();
    const files = addImages(app);
    expect(app.inspect().gallery).toHaveLength(4);
    app.startApp('com.phonewall.chat');
    tap(app, clock, 'tab_discover');
    tap(app, clock, 'discover_moments');
    tap(app, clock, 'moments_camera');
    tap(app, clock, 'sheet_album');
    expect(app.inspect().screen).toBe('galleryPicker');
    // Newest first: grid item 0 is img3, item 3 is img0. Choose img1, img3, img0; toggling img2 on and off again.
    tap(app, clock, 'gallery_item_2');
    tap(app, clock, 'gallery_item_1');
    tap(app, clock, 'gallery_item_0');
    tap(app, clock, 'gallery_item_1');
    tap(app, clock, 'gallery_item_3');
    expect(findView(app.views(), 'gallery_check_0')?.node.text).toBe('2');
    expect(findView(app.views(), 'gallery_done')?.node.text).toBe('完成(3)');
    tap(app, clock, 'gallery_done');
    expect(app.inspect().screen).toBe('compose');

    const text = '新品上架，欢迎选购！#job:J-42';
    app.injectText('New ');
    app.setClipboard('新品上架，欢迎选购！#job:J-42', true);
    key(app, AndroidKey.Del);
    app.injectText('2');
    expect(findView(app.views(), 'compose_text')?.node.text).toBe(`New ${text}`);
    tap(app, clock, 'compose_publish');

    const state = app.inspect();
    expect(state.screen).toBe('moments');
    expect(state.posts).toHaveLength(1);
    expect(state.posts[0]).toMatchObject({ id: 1, text: `New ${text}`, jobId: 'J-42' });
    expect(state.posts[0]?.imageSha256).toEqual([sha(files[1] as Uint8Array), sha(files[3] as Uint8Array), sha(files[0] as Uint8Array)]);
    expect(state.publishTaps).toEqual({ 'J-42': 1 });
    const feed = findView(app.views(), 'moments_feed');
    const firstPost = feed?.node.children.find((c) => c.id.startsWith('moments_post_') || c.id.startsWith('moments_friend_'));
    expect(firstPost?.id).toBe('moments_post_1');
    expect(findView(app.views(), 'moments_post_1_text')?.node.text).toBe(`New ${text}`);
  });

  it('caps the selection at nine and keeps 完成 disabled with none chosen', () => {
    const { app, clock } = makeApp();
    for (let i = 0; i < 11; i++) app.addGalleryImage({ path: `/sdcard/DCIM/p${i}.png`, bytes: image('png', `hsl(${i * 30},70%,50%)`, 64, 64) });
    app.startApp('com.phonewall.chat');
    tap(app, clock, 'tab_discover');
    tap(app, clock, 'discover_moments');
    tap(app, clock, 'moments_camera');
    tap(app, clock, 'sheet_album');
    tap(app, clock, 'gallery_done');
    expect(app.inspect().screen).toBe('galleryPicker');
    for (let i = 0; i < 11; i++) tap(app, clock, `gallery_item_${i}`);
    expect(findView(app.views(), 'gallery_done')?.node.text).toBe('完成(9)');
    expect(findView(app.views(), 'gallery_check_9')?.node.text).toBe('');
  });
});

function key(app: ChatApp, keycode: number): void {
  app.key(KeyAction.Down, keycode, 0, 0);
  app.key(KeyAction.Up, keycode, 0, 0);
}

describe('ChatApp UI dump', () => {
  it('lists 发表 with bounds whose centre hits the publish button', () => {
    const { app, clock } = makeApp();
    addImages(app);
    app.startApp('com.phonewall.chat');
    tap(app, clock, 'tab_discover');
    tap(app, clock, 'discover_moments');
    tap(app, clock, 'moments_camera');
    tap(app, clock, 'sheet_album');
    tap(app, clock, 'gallery_item_0');
    tap(app, clock, 'gallery_done');
    app.injectText('hello #job:dump1');

    const xml = app.uiDumpXml();
    expect(xml.startsWith(`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="0">`)).toBe(true);
    expect(xml.endsWith('</hierarchy>')).toBe(true);
    const publish = dumpNodes(xml).find((n) => n.text === '发表');
    if (publish === undefined) throw new Error('发表 not in the dump');
    expect(publish.id).toBe('com.phonewall.chat:id/compose_publish');
    const [x1, y1, x2, y2] = publish.bounds;
    const x = Math.round((x1 + x2) / 2);
    const y = Math.round((y1 + y2) / 2);
    expect(hitTest(app.views(), x, y)?.node.id).toBe('compose_publish');
    tapAt(app, clock, x, y);
    expect(app.inspect().posts.map((p) => p.jobId)).toEqual(['dump1']);
    expect(app.inspect().taps.at(-1)).toMatchObject({ x, y, screen: 'compose', view: 'compose_publish' });
  });

  it('escapes text so the XML stays well formed', () => {
    const { app, clock } = makeApp();
    app.startApp('com.phonewall.chat');
    const chat = app.inspect().chats[0]?.id ?? '';
    app.deliverCustomerMessage(chat, '<b>"A" & \'B\'</b>');
    tap(app, clock, `chat_row_${chat}`);
    expect(app.uiDumpXml()).toContain('text="&lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;"');
  });
});

describe('ChatApp rendering', () => {
  it('screencap is a PNG of the physical size with real content', () => {
    const { app } = makeApp(720, 1600);
    const png = app.screencapPng();
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height, data } = decodePng(png);
    expect([width, height]).toEqual([720, 1600]);
    const colors = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colors.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    expect(colors.size).toBeGreaterThan(20);
  });

  it('renders RGBA at any requested size, opaque', () => {
    const { app } = makeApp();
    const rgba = app.renderRgba(360, 800);
    expect(rgba.length).toBe(360 * 800 * 4);
    let transparent = 0;
    for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) transparent++;
    expect(transparent).toBe(0);
  });

  it('keeps the version while nothing visible changes and bumps it once per visible change', () => {
    const { app, clock } = makeApp();
    const changes: number[] = [];
    app.onChange(() => changes.push(app.version));
    const v0 = app.version;
    for (let i = 0; i < 3; i++) {
      app.renderRgba(360, 800);
      app.screencapPng();
      app.uiDumpXml();
    }
    app.injectText('nothing is focused on the launcher');
    key(app, AndroidKey.Back);
    tapAt(app, clock, 2, Math.round(app.height / 2));
    expect(app.version).toBe(v0);
    expect(changes).toEqual([]);
    app.startApp('com.phonewall.chat');
    expect(app.version).toBe(v0 + 1);
    expect(changes).toEqual([v0 + 1]);
    app.startApp('com.phonewall.chat');
    expect(app.version).toBe(v0 + 1);
  });

  it('rotation swaps the size, relays out and draws at the new size', () => {
    const { app, clock } = makeApp(720, 1600);
    const sizes: [number, number][] = [];
    app.onChange(() => sizes.push([app.width, app.height]));
    app.startApp('com.phonewall.chat');
    app.rotate(1);
    expect([app.width, app.height]).toEqual([1600, 720]);
    expect(sizes.at(-1)).toEqual([1600, 720]);
    expect(app.inspect().rotation).toBe(1);
    expect(app.uiDumpXml()).toContain('<hierarchy rotation="1">');
    expect(app.uiDumpXml()).toContain('bounds="[0,0][1600,720]"');
    const tabBar = findView(app.views(), 'tab_bar');
    expect(tabBar?.visible).toEqual({ x: 0, y: 720 - (tabBar?.visible.height ?? 0), width: 1600, height: tabBar?.visible.height });
    expect(decodePng(app.screencapPng())).toMatchObject({ width: 1600, height: 720 });
    tap(app, clock, 'tab_discover');
    expect(app.inspect().screen).toBe('discover');
    app.rotate(0);
    expect([app.width, app.height]).toEqual([720, 1600]);
  });
});

describe('ChatApp robustness', () => {
  it('survives undecodable gallery files, non-finite coordinates and unknown chats', () => {
    const { app, clock } = makeApp();
    app.addGalleryImage({ path: '/sdcard/DCIM/broken.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
    expect(app.inspect().gallery).toEqual(['/sdcard/DCIM/broken.png']);
    const v = app.version;
    app.touch(TouchAction.Down, Number.NaN, 10, 0n);
    app.touch(TouchAction.Up, Number.POSITIVE_INFINITY, 10, 0n);
    app.scroll(10, 10, 0, Number.NaN);
    app.deliverCustomerMessage('no-such-chat', 'hi');
    expect(app.version).toBe(v);
    expect(app.inspect().taps).toEqual([]);
    app.startApp('com.phonewall.chat');
    tap(app, clock, 'tab_discover');
    tap(app, clock, 'discover_moments');
    tap(app, clock, 'moments_camera');
    tap(app, clock, 'sheet_album');
    expect(findView(app.views(), 'gallery_item_0')?.node.description).toBe('broken.png');
    expect(decodePng(app.screencapPng()).width).toBe(720);
  });
});
