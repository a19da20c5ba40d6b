// ChatApp posting and screen outputs: Moments publish with gallery images, UI dump, screencap, version, rotation.
import { createHash } from 'node:crypto';
import { createCanvas, Image } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { AndroidKey, TouchAction } from '../types.ts';
import { ChatAppDriver } from './chatAppDriver.ts';
import { hitTest } from './hitTest.ts';
import { findView } from './viewNode.ts';

const drivers: ChatAppDriver[] = [];
afterEach(() => {
  for (const d of drivers.splice(0)) d.app.stop();
});

function makeDriver(width = 720, height = 1600): ChatAppDriver {
  const driver = new ChatAppDriver({ width, height, seed: 9, deviceName: '运营手机 7' });
  drivers.push(driver);
  return driver;
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

interface DumpNode {
  text: string;
  id: string;
  desc: string;
  bounds: [number, number, number, number];
}

/** Parses `uiautomator dump` XML nodes into what a flow reads: text, id, description, bounds. */
function dumpNodes(xml: string): DumpNode[] {
  const unescape = (v: string): string =>
    v.replace(/&#10;/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<node ([^>]*?)\/?>/g)].map((m) => {
    const attrs = new Map([...(m[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1] ?? '', unescape(a[2] ?? '')]));
    const b = /\[(\d+),(\d+)\]\[(\d+),(\d+)\]/.exec(attrs.get('bounds') ?? '') ?? [];
    return { text: attrs.get('text') ?? '', id: attrs.get('resource-id') ?? '', desc: attrs.get('content-desc') ?? '', bounds: [Number(b[1]), Number(b[2]), Number(b[3]), Number(b[4])] };
  });
}

/** Taps the centre of the first dumped view matching, like a flow step `tap { view: … }`. */
function tapDumped(d: ChatAppDriver, match: (n: DumpNode) => boolean, what: string): void {
  const node = dumpNodes(d.app.uiDumpXml()).find(match);
  if (node === undefined) throw new Error(`${what} not in the dump of ${d.app.inspect().screen}`);
  const [x1, y1, x2, y2] = node.bounds;
  d.tapAt(Math.round((x1 + x2) / 2), Math.round((y1 + y2) / 2));
}

function addImages(d: ChatAppDriver): Uint8Array[] {
  const files = [image('png', '#E74C3C', 640, 480), image('jpeg', '#3498DB', 480, 640), image('png', '#2ECC71', 800, 800), image('png', '#F1C40F', 300, 200)];
  files.forEach((bytes, i) => d.app.addGalleryImage({ path: `/sdcard/Pictures/PhoneWall/img${i}.${i === 1 ? 'jpg' : 'png'}`, bytes }));
  return files;
}

describe('ChatApp Moments posting', () => {
  it('publishes text and three gallery images in the chosen order with the job id, once', () => {
    const d = makeDriver();
    const files = addImages(d);
    expect(d.app.inspect().gallery).toHaveLength(4);
    d.openGalleryPicker();
    expect(d.app.inspect().screen).toBe('galleryPicker');
    // Newest first: grid item 0 is img3, item 3 is img0. Choose img1, img3, img0; img2 is toggled on and off again.
    for (const item of [2, 1, 0, 1, 3]) d.tap(`gallery_item_${item}`);
    expect(d.text('gallery_check_0')).toBe('2');
    expect(d.text('gallery_done')).toBe('完成(3)');
    d.tap('gallery_done');
    expect(d.app.inspect().screen).toBe('compose');

    const text = '新品上架，欢迎选购！#job:J-42';
    d.app.injectText('New ');
    d.app.setClipboard(text, true);
    d.key(AndroidKey.Del);
    d.app.injectText('2');
    expect(d.text('compose_text')).toBe(`New ${text}`);
    d.tap('compose_publish');

    const state = d.app.inspect();
    expect(state.screen).toBe('moments');
    expect(state.posts).toHaveLength(1);
    expect(state.posts[0]).toMatchObject({ id: 1, text: `New ${text}`, jobId: 'J-42' });
    expect(state.posts[0]?.imageSha256).toEqual([sha(files[1] as Uint8Array), sha(files[3] as Uint8Array), sha(files[0] as Uint8Array)]);
    expect(state.publishTaps).toEqual({ 'J-42': 1 });
    const feed = findView(d.app.views(), 'moments_feed');
    const firstPost = feed?.node.children.find((c) => c.id.startsWith('moments_post_') || c.id.startsWith('moments_friend_'));
    expect(firstPost?.id).toBe('moments_post_1');
    expect(d.text('moments_post_1_text')).toBe(`New ${text}`);
    expect(d.visible('moments_post_1_image_2')).toBe(true);
  });

  it('caps the selection at nine and keeps 完成 disabled with none chosen', () => {
    const d = makeDriver();
    for (let i = 0; i < 11; i++) d.app.addGalleryImage({ path: `/sdcard/DCIM/p${i}.png`, bytes: image('png', `hsl(${i * 30},70%,50%)`, 64, 64) });
    d.openGalleryPicker();
    d.tap('gallery_done');
    expect(d.app.inspect().screen).toBe('galleryPicker');
    for (let i = 0; i < 11; i++) d.tap(`gallery_item_${i}`);
    expect(d.text('gallery_done')).toBe('完成(9)');
    expect(d.text('gallery_check_9')).toBe('');
  });

  it('cancelling compose publishes nothing and an empty compose cannot be published', () => {
    const d = makeDriver();
    addImages(d);
    d.openGalleryPicker();
    d.tap('gallery_item_0');
    d.tap('gallery_done');
    d.tap('compose_cancel');
    expect(d.app.inspect().screen).toBe('moments');
    d.tap('moments_camera');
    d.tap('sheet_album');
    expect(d.text('gallery_done')).toBe('完成');
    d.key(AndroidKey.Back);
    expect(d.app.inspect()).toMatchObject({ screen: 'moments', posts: [], publishTaps: {} });
  });
});

describe('ChatApp UI dump', () => {
  it('lists 发表 with bounds whose centre hits the publish button', () => {
    const d = makeDriver();
    addImages(d);
    d.openGalleryPicker();
    d.tap('gallery_item_0');
    d.tap('gallery_done');
    d.app.injectText('hello #job:dump1');

    const xml = d.app.uiDumpXml();
    expect(xml.startsWith(`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="0">`)).toBe(true);
    expect(xml.endsWith('</hierarchy>')).toBe(true);
    expect(xml.match(/<node /g)?.length).toBe((xml.match(/<\/node>/g)?.length ?? 0) + (xml.match(/ \/>/g)?.length ?? 0));
    const publish = dumpNodes(xml).find((n) => n.text === '发表');
    if (publish === undefined) throw new Error('发表 not in the dump');
    expect(publish.id).toBe('com.phonewall.chat:id/compose_publish');
    const [x1, y1, x2, y2] = publish.bounds;
    const x = Math.round((x1 + x2) / 2);
    const y = Math.round((y1 + y2) / 2);
    expect(hitTest(d.app.views(), x, y)?.node.id).toBe('compose_publish');
    d.tapAt(x, y);
    expect(d.app.inspect().posts.map((p) => p.jobId)).toEqual(['dump1']);
    expect(d.app.inspect().taps.at(-1)).toMatchObject({ x, y, screen: 'compose', view: 'compose_publish' });
  });

  it('lets a flow post using nothing but the dump: texts, descriptions and ids', () => {
    const d = makeDriver();
    const files = addImages(d);
    d.app.startApp('+com.phonewall.chat');
    tapDumped(d, (n) => n.text === '发现', '发现');
    tapDumped(d, (n) => n.text === '朋友圈', '朋友圈');
    tapDumped(d, (n) => n.desc === '拍照分享', 'camera');
    tapDumped(d, (n) => n.text === '从相册选择', '从相册选择');
    for (const name of ['img2.png', 'img0.png']) tapDumped(d, (n) => n.desc === name, name);
    tapDumped(d, (n) => n.text === '完成(2)', '完成(2)');
    tapDumped(d, (n) => n.id.endsWith(':id/compose_text'), 'compose text');
    d.app.setClipboard('周末特惠\n#job:flow-7', true);
    expect(dumpNodes(d.app.uiDumpXml()).some((n) => n.text.includes('#job:flow-7'))).toBe(true);
    tapDumped(d, (n) => n.text === '发表', '发表');
    const post = d.app.inspect().posts[0];
    expect(post).toMatchObject({ text: '周末特惠\n#job:flow-7', jobId: 'flow-7', imageSha256: [sha(files[2] as Uint8Array), sha(files[0] as Uint8Array)] });
    expect(dumpNodes(d.app.uiDumpXml()).some((n) => n.text === '周末特惠\n#job:flow-7')).toBe(true);
  });

  it('escapes text so the XML stays well formed', () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    const chat = d.app.inspect().chats[0]?.id ?? '';
    d.app.deliverCustomerMessage(chat, '<b>"A" & \'B\'</b>');
    d.tap(`chat_row_${chat}`);
    expect(d.app.uiDumpXml()).toContain('text="&lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;"');
  });
});

describe('ChatApp rendering', () => {
  it('screencap is a PNG of the physical size with real content', () => {
    const d = makeDriver(720, 1600);
    const png = d.app.screencapPng();
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height, data } = decodePng(png);
    expect([width, height]).toEqual([720, 1600]);
    const colors = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) colors.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    expect(colors.size).toBeGreaterThan(20);
  });

  it('renders opaque RGBA at any requested size, the same picture as the screencap', () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    const rgba = d.app.renderRgba(360, 800);
    expect(rgba.length).toBe(360 * 800 * 4);
    let transparent = 0;
    for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) transparent++;
    expect(transparent).toBe(0);
    // The brand-green tab label sits at the same relative place in both pictures.
    const full = decodePng(d.app.screencapPng());
    const { x, y } = d.centerOf('tab_icon_chatList');
    const small = ((y >> 1) * 360 + (x >> 1)) * 4;
    const big = (y * 720 + x) * 4;
    for (let c = 0; c < 3; c++) expect(Math.abs((rgba[small + c] ?? 0) - (full.data[big + c] ?? 0))).toBeLessThan(60);
  });

  it('keeps the version while nothing visible changes and bumps it once per visible change', () => {
    const d = makeDriver();
    const changes: number[] = [];
    d.app.onChange(() => changes.push(d.app.version));
    const v0 = d.app.version;
    for (let i = 0; i < 3; i++) {
      d.app.renderRgba(360, 800);
      d.app.screencapPng();
      d.app.uiDumpXml();
    }
    d.app.injectText('nothing is focused on the launcher');
    d.key(AndroidKey.Back);
    const background = { x: 1, y: d.app.height - 1 };
    expect(hitTest(d.app.views(), background.x, background.y)).toBeNull();
    d.tapAt(background.x, background.y);
    d.app.deliverCustomerMessage();
    expect(d.app.version).toBe(v0);
    expect(changes).toEqual([]);
    d.app.startApp('com.phonewall.chat');
    expect(d.app.version).toBe(v0 + 1);
    expect(changes).toEqual([v0 + 1]);
    d.app.startApp('com.phonewall.chat');
    d.tap('chat_list_add');
    expect(d.app.version).toBe(v0 + 1);
  });

  it('rotation swaps the size, relays out and draws at the new size', () => {
    const d = makeDriver(720, 1600);
    const sizes: [number, number][] = [];
    d.app.onChange(() => sizes.push([d.app.width, d.app.height]));
    d.app.startApp('com.phonewall.chat');
    d.app.rotate(1);
    expect([d.app.width, d.app.height]).toEqual([1600, 720]);
    expect(sizes.at(-1)).toEqual([1600, 720]);
    expect(d.app.inspect().rotation).toBe(1);
    expect(d.app.uiDumpXml()).toContain('<hierarchy rotation="1">');
    expect(d.app.uiDumpXml()).toContain('bounds="[0,0][1600,720]"');
    const tabBar = findView(d.app.views(), 'tab_bar');
    expect(tabBar?.visible).toEqual({ x: 0, y: 720 - (tabBar?.visible.height ?? 0), width: 1600, height: tabBar?.visible.height });
    expect(decodePng(d.app.screencapPng())).toMatchObject({ width: 1600, height: 720 });
    d.tap('tab_discover');
    expect(d.app.inspect().screen).toBe('discover');
    d.app.rotate(0);
    expect([d.app.width, d.app.height]).toEqual([720, 1600]);
  });
});

describe('ChatApp robustness', () => {
  it('survives undecodable gallery files, non-finite coordinates and unknown chats', () => {
    const d = makeDriver();
    d.app.addGalleryImage({ path: '/sdcard/DCIM/broken.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
    expect(d.app.inspect().gallery).toEqual(['/sdcard/DCIM/broken.png']);
    const v = d.app.version;
    d.app.touch(TouchAction.Down, Number.NaN, 10, 0n);
    d.app.touch(TouchAction.Up, Number.POSITIVE_INFINITY, 10, 0n);
    d.app.scroll(10, 10, 0, Number.NaN);
    d.app.deliverCustomerMessage('no-such-chat', 'hi');
    expect(d.app.version).toBe(v);
    expect(d.app.inspect().taps).toEqual([]);
    d.openGalleryPicker();
    expect(findView(d.app.views(), 'gallery_item_0')?.node.description).toBe('broken.png');
    expect(decodePng(d.app.screencapPng()).width).toBe(720);
  });
});
