// An in-memory phone with a tiny Moments app behind the PhonePort interface, for flow and scheduler tests.
import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import { phoneLost, type PhonePort } from '../flows/phonePort.ts';

type Screen = 'launcher' | 'chatList' | 'discover' | 'moments' | 'cameraSheet' | 'galleryPicker' | 'compose';

interface FakeView {
  id: string;
  text?: string;
  description?: string;
  bounds: [number, number, number, number];
  onTap?: () => void;
}

export interface FakePost {
  text: string;
  imageSha256: string[];
  jobId: string | null;
}

export const fakeAppPackage = 'com.phonewall.chat';
const width = 360;
const height = 640;

/**
 * Screens and texts follow the simulated chat app: launcher icon 微信 → tabs 微信 通讯录 发现 我 → 朋友圈 →
 * camera (拍照分享) → 从相册选择 → gallery grid → 完成(n) → compose → 发表; the feed shows the newest post first.
 */
export class FakeMomentsPhone implements PhonePort {
  screen: Screen = 'launcher';
  online = true;
  readonly posts: FakePost[] = [];
  readonly publishTaps: Record<string, number> = {};
  readonly files = new Map<string, Uint8Array>();
  readonly gallery: string[] = [];
  private selection: string[] = [];
  private composeText = '';
  private composeFocused = false;
  /** Test hook called before every operation with its name; may flip `online` or throw. */
  onOperation: ((operation: string, phone: FakeMomentsPhone) => void) | null = null;
  /** Test hook called after each publish tap, e.g. to persist it outside the process. */
  onPublish: ((post: FakePost) => void) | null = null;

  constructor(readonly deviceId: string) {}

  private op(name: string): void {
    this.onOperation?.(name, this);
    if (!this.online) throw phoneLost(`${this.deviceId} is offline`);
  }

  async screenSize() {
    this.op('screenSize');
    return { width, height };
  }

  async screenshot(): Promise<Uint8Array> {
    this.op('screenshot');
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ededed';
    ctx.fillRect(0, 0, width, height);
    for (const view of this.views()) {
      const [x1, y1, x2, y2] = view.bounds;
      const shade = createHash('md5').update(view.id + (view.text ?? '')).digest()[0] ?? 0;
      ctx.fillStyle = `rgb(${shade}, ${255 - shade}, ${(shade * 7) % 256})`;
      ctx.fillRect(x1 + 2, y1 + 2, x2 - x1 - 4, y2 - y1 - 4);
      if (view.id === 'moments_camera') drawCameraIcon(ctx, x1, y1);
    }
    return canvas.toBuffer('image/png');
  }

  async uiDump(): Promise<string> {
    this.op('uiDump');
    const nodes = this.views().map((v) => {
      const [x1, y1, x2, y2] = v.bounds;
      return `<node index="0" text="${escapeXml(v.text ?? '')}" resource-id="${fakeAppPackage}:id/${v.id}" content-desc="${escapeXml(v.description ?? '')}" clickable="${v.onTap ? 'true' : 'false'}" bounds="[${x1},${y1}][${x2},${y2}]" />`;
    });
    return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="0"><node index="0" text="" bounds="[0,0][${width},${height}]">${nodes.join('')}</node></hierarchy>`;
  }

  async tap(x: number, y: number): Promise<void> {
    this.op('tap');
    const hit = [...this.views()].reverse().find((v) => x >= v.bounds[0] && y >= v.bounds[1] && x < v.bounds[2] && y < v.bounds[3] && v.onTap);
    hit?.onTap?.();
  }

  async swipe(): Promise<void> {
    this.op('swipe');
  }

  async key(keycode: number): Promise<void> {
    this.op('key');
    if (keycode === 3) this.screen = 'launcher';
    if (keycode === 4) this.back();
  }

  async pasteText(text: string): Promise<void> {
    this.op('pasteText');
    if (this.screen === 'compose' && this.composeFocused) this.composeText += text;
  }

  async pushFile(devicePath: string, bytes: Uint8Array): Promise<void> {
    this.op('pushFile');
    this.files.set(devicePath, bytes);
  }

  async mediaScan(devicePaths: readonly string[]): Promise<void> {
    this.op('mediaScan');
    for (const path of devicePaths) if (this.files.has(path) && !this.gallery.includes(path)) this.gallery.unshift(path);
  }

  /** A cold start (`am start -S`): the app opens on its chat list whatever it showed before. */
  async launchApp(name: string): Promise<void> {
    this.op('launchApp');
    if (name !== fakeAppPackage && name !== '微信') throw new Error(`unknown app ${name}`);
    this.resetApp();
    this.screen = 'chatList';
  }

  private resetApp(): void {
    this.selection = [];
    this.composeText = '';
    this.composeFocused = false;
  }

  private back(): void {
    const parent: Record<Screen, Screen> = {
      launcher: 'launcher', chatList: 'launcher', discover: 'launcher', moments: 'discover', cameraSheet: 'moments',
      galleryPicker: 'moments', compose: 'moments',
    };
    this.screen = parent[this.screen];
  }

  private publish(): void {
    const marker = /#job:([A-Za-z0-9_-]+)/.exec(this.composeText);
    const jobId = marker?.[1] ?? null;
    this.publishTaps[jobId ?? ''] = (this.publishTaps[jobId ?? ''] ?? 0) + 1;
    const imageSha256 = this.selection.map((path) => createHash('sha256').update(this.files.get(path) ?? new Uint8Array()).digest('hex'));
    const post = { text: this.composeText, imageSha256, jobId };
    this.posts.unshift(post);
    this.onPublish?.(post);
    this.resetApp();
    this.screen = 'moments';
  }

  private views(): FakeView[] {
    const tabs: FakeView[] = [
      { id: 'tab_chatList', text: '微信', bounds: [0, 590, 90, 640], onTap: () => (this.screen = 'chatList') },
      { id: 'tab_contacts', text: '通讯录', bounds: [90, 590, 180, 640], onTap: () => undefined },
      { id: 'tab_discover', text: '发现', bounds: [180, 590, 270, 640], onTap: () => (this.screen = 'discover') },
      { id: 'tab_me', text: '我', bounds: [270, 590, 360, 640], onTap: () => undefined },
    ];
    switch (this.screen) {
      case 'launcher':
        return [{ id: 'launcher_label_chat', text: '微信', bounds: [20, 100, 100, 180], onTap: () => void this.launchApp(fakeAppPackage) }];
      case 'chatList':
        return [{ id: 'title', text: '微信', bounds: [0, 24, 360, 70] }, ...tabs];
      case 'discover':
        return [{ id: 'title', text: '发现', bounds: [0, 24, 360, 70] }, { id: 'discover_moments', text: '朋友圈', bounds: [0, 90, 360, 140], onTap: () => (this.screen = 'moments') }, ...tabs];
      case 'moments':
      case 'cameraSheet': {
        const feed: FakeView[] = this.posts.slice(0, 50).map((post, i) => ({ id: `moments_post_${i}`, text: post.text, bounds: [0, 200 + i * 8, 360, 207 + i * 8] }));
        const base: FakeView[] = [
          { id: 'title', text: '朋友圈', bounds: [0, 24, 300, 70] },
          { id: 'moments_camera', description: '拍照分享', bounds: [310, 24, 350, 64], onTap: () => (this.screen = 'cameraSheet') },
          ...feed,
        ];
        if (this.screen === 'moments') return base;
        return [...base, { id: 'sheet_album', text: '从相册选择', bounds: [0, 500, 360, 560], onTap: () => (this.screen = 'galleryPicker') }];
      }
      case 'galleryPicker': {
        const tiles: FakeView[] = this.gallery.slice(0, 12).map((path, i) => ({
          id: `gallery_item_${i}`,
          description: path,
          bounds: [(i % 4) * 90, 80 + Math.floor(i / 4) * 90, (i % 4) * 90 + 88, 168 + Math.floor(i / 4) * 90],
          onTap: () => {
            this.selection = this.selection.includes(path) ? this.selection.filter((p) => p !== path) : [...this.selection, path];
          },
        }));
        const done: FakeView = { id: 'picker_done', text: this.selection.length > 0 ? `完成(${this.selection.length})` : '完成', bounds: [270, 24, 356, 64], onTap: () => {
          if (this.selection.length > 0) this.screen = 'compose';
        } };
        return [{ id: 'title', text: '图片和视频', bounds: [0, 24, 260, 64] }, done, ...tiles];
      }
      case 'compose':
        return [
          { id: 'compose_text', text: this.composeText, description: '这一刻的想法...', bounds: [16, 80, 344, 200], onTap: () => (this.composeFocused = true) },
          { id: 'compose_publish', text: '发表', bounds: [280, 24, 350, 64], onTap: () => this.publish() },
        ];
    }
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Ctx = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

/** A high-contrast camera glyph so template matching has something to find. */
function drawCameraIcon(ctx: Ctx, x: number, y: number): void {
  ctx.fillStyle = '#111';
  ctx.fillRect(x + 4, y + 10, 32, 22);
  ctx.fillRect(x + 12, y + 6, 12, 6);
  ctx.fillStyle = '#fff';
  ctx.beginPath();
  ctx.arc(x + 20, y + 21, 7, 0, Math.PI * 2);
  ctx.fill();
}
