// The simulated phone's screen: a small WeChat-like chat app (PhoneScreen) tying state, layout, drawing and input together.
//
// App identity (one scheme): the app is package `com.phonewall.chat`, shown on the launcher as `微信`.
// START_APP / `am start -n PKG/ACTIVITY` / `monkey -p PKG` open it by `com.phonewall.chat`, by the alias package
// `com.tencent.mm` (so flows written for WeChat run unchanged) or by the label `微信`. Other launcher icons are decor.
import { EventSource } from '../../base/events.ts';
import { z } from 'zod';
import type { GalleryImage, PhoneInspection, PhoneScreen } from '../types.ts';
import { KeyAction } from '../types.ts';
import { applyAction, deliverMessage, pasteText, pressKey, typeText } from './appActions.ts';
import type { ActionEffects } from './appActions.ts';
import { registerAppFont } from './appFont.ts';
import type { AppState } from './appState.ts';
import { createAppState, currentScreenName } from './appState.ts';
import { forceStop, isChatAppName, launchApp } from './appNavigation.ts';
import { GalleryThumbnails, sha256Hex } from './galleryThumbnails.ts';
import { GestureTracker } from './gestureTracker.ts';
import { hitTest, scrollableAt } from './hitTest.ts';
import type { MeasureText } from './layoutKit.ts';
import { layoutScreen } from './screenLayout.ts';
import { ScreenRenderer } from './screenRenderer.ts';
import { CUSTOMER_LINES, SeededRandom } from './seedData.ts';
import { createTextMeasurer } from './textMeasurer.ts';
import { uiDumpXml } from './uiDump.ts';
import type { ViewNode } from './viewNode.ts';

export interface ChatAppOptions {
  width: number;
  height: number;
  seed: number;
  deviceName: string;
  now?: () => number;
}

const optionsSchema = z.object({
  width: z.number().int().min(16).max(8192),
  height: z.number().int().min(16).max(8192),
  seed: z.number().finite(),
  deviceName: z.string().max(200),
});

/** One scroll wheel notch, in dp. */
const SCROLL_STEP_DP = 64;
/** Taps kept for inspection; older ones fall off so a phone running for weeks stays small. */
const TAPS_KEPT = 10_000;

export class ChatApp implements PhoneScreen {
  private readonly state: AppState;
  private readonly random: SeededRandom;
  private readonly now: () => number;
  private readonly portrait: { width: number; height: number };
  private readonly thumbnails = new GalleryThumbnails();
  private readonly gestures: GestureTracker;
  private readonly measure: MeasureText = createTextMeasurer();
  private readonly renderer = new ScreenRenderer((path) => this.thumbnails.get(path));
  // A failing listener must not break input handling for the others.
  private readonly changes = new EventSource<[]>(() => {});
  private readonly clipboard = new EventSource<[text: string]>(() => {});
  private layout: ViewNode;
  private signature: string;
  private currentVersion = 1;
  private trafficTimer: NodeJS.Timeout | null = null;
  private drag: { key: string; fromBottom: boolean; start: number } | null = null;

  constructor(options: ChatAppOptions) {
    const valid = optionsSchema.safeParse(options);
    if (!valid.success) throw new Error(`invalid chat app options: ${valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    registerAppFont();
    this.now = options.now ?? Date.now;
    this.random = new SeededRandom(options.seed);
    this.portrait = { width: Math.round(options.width), height: Math.round(options.height) };
    this.state = createAppState({ ...this.portrait, deviceName: options.deviceName, now: this.now(), random: this.random });
    this.gestures = new GestureTracker(Math.round((Math.min(options.width, options.height) / 360) * 8));
    this.layout = layoutScreen(this.state, this.measure);
    this.signature = JSON.stringify(this.layout);
  }

  get width(): number {
    return this.state.width;
  }

  get height(): number {
    return this.state.height;
  }

  get version(): number {
    return this.currentVersion;
  }

  onChange(listener: () => void): () => void {
    return this.changes.on(listener);
  }

  onClipboardChange(listener: (text: string) => void): () => void {
    return this.clipboard.on(listener);
  }

  /** The current view tree (what is drawn, hit-tested and dumped). */
  views(): ViewNode {
    return this.layout;
  }

  /** Drawn at the requested size; the array is shared with a per-size frame cache: read it, never write to it. */
  renderRgba(width: number, height: number): Uint8Array {
    const { state } = this;
    return this.renderer.rgba(this.layout, this.currentVersion, state.width, state.height, Math.round(width), Math.round(height));
  }

  screencapPng(): Uint8Array {
    return this.renderer.png(this.layout, this.state.width, this.state.height);
  }

  uiDumpXml(): string {
    return uiDumpXml(this.layout, this.state.rotation);
  }

  touch(action: number, x: number, y: number, pointerId: bigint): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    let effects: ActionEffects = {};
    for (const gesture of this.gestures.handle(action, x, y, pointerId, this.now())) {
      if (gesture.type === 'dragStart') {
        const list = scrollableAt(this.layout, gesture.x, gesture.y);
        const info = list?.scroll;
        this.drag = info === undefined ? null : { key: info.key, fromBottom: info.fromBottom, start: this.state.scroll[info.key] ?? 0 };
      } else if (gesture.type === 'drag') {
        if (this.drag !== null) this.state.scroll[this.drag.key] = this.drag.start + (this.drag.fromBottom ? gesture.dy : -gesture.dy);
        this.commit();
      } else if (gesture.type === 'dragEnd') {
        this.drag = null;
      } else {
        effects = this.press(gesture.x, gesture.y, gesture.type);
      }
    }
    this.commit();
    if (effects.copied !== undefined) this.emitClipboard(effects.copied);
  }

  scroll(x: number, y: number, _hScroll: number, vScroll: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(vScroll) || vScroll === 0) return;
    const info = scrollableAt(this.layout, x, y)?.scroll;
    if (info === undefined) return;
    const step = vScroll * SCROLL_STEP_DP * (Math.min(this.state.width, this.state.height) / 360);
    const current = this.state.scroll[info.key] ?? 0;
    this.state.scroll[info.key] = info.fromBottom ? current + step : current - step;
    this.commit();
  }

  key(action: number, keycode: number, _repeat: number, metaState: number): void {
    if (action !== KeyAction.Down) return;
    pressKey(this.state, keycode, metaState, this.now());
    this.commit();
  }

  injectText(text: string): void {
    typeText(this.state, text, this.now());
    this.commit();
  }

  setClipboard(text: string, paste: boolean): void {
    this.state.clipboard = text;
    if (paste) pasteText(this.state, text);
    this.commit();
  }

  getClipboard(): string {
    return this.state.clipboard;
  }

  /** Accepts scrcpy's START_APP prefixes too: `+` force-stops first, `?` (search by label) is implied. */
  startApp(nameOrPackage: string): boolean {
    const [, plus, name] = /^(\+?)\??(.*)$/s.exec(nameOrPackage.trim()) ?? [];
    if (name === undefined || !isChatAppName(name)) return false;
    if (plus === '+') forceStop(this.state);
    launchApp(this.state);
    this.commit();
    return true;
  }

  forceStopApp(packageName: string): void {
    if (!isChatAppName(packageName)) return;
    forceStop(this.state);
    this.commit();
  }

  rotate(rotation: 0 | 1 | 2 | 3): void {
    if (![0, 1, 2, 3].includes(rotation)) return;
    const landscape = rotation % 2 === 1;
    this.state.rotation = rotation;
    this.state.width = landscape ? this.portrait.height : this.portrait.width;
    this.state.height = landscape ? this.portrait.width : this.portrait.height;
    this.drag = null;
    this.commit();
  }

  addGalleryImage(image: GalleryImage): void {
    const sha256 = sha256Hex(image.bytes);
    this.thumbnails.add(image.path, image.bytes);
    const existing = this.state.gallery.findIndex((g) => g.path === image.path);
    if (existing >= 0) this.state.gallery.splice(existing, 1);
    this.state.gallery.push({ path: image.path, sha256, addedSeq: this.state.nextGallerySeq++ });
    this.commit();
  }

  deliverCustomerMessage(chatId?: string, text?: string): void {
    const id = chatId ?? this.random.pick(this.state.chats).id;
    deliverMessage(this.state, id, text ?? this.random.pick(CUSTOMER_LINES), this.now());
    this.commit();
  }

  /** Seeded customer messages into random chats every `intervalMs` (the timer never keeps the process alive). */
  startCustomerTraffic(intervalMs: number): void {
    this.stopTraffic();
    if (!(intervalMs > 0)) return;
    this.trafficTimer = setInterval(() => this.deliverCustomerMessage(), intervalMs);
    this.trafficTimer.unref();
  }

  stop(): void {
    this.stopTraffic();
    this.changes.clear();
    this.clipboard.clear();
  }

  inspect(): Omit<PhoneInspection, 'serial' | 'model' | 'scrcpySessions'> {
    const s = this.state;
    return {
      width: s.width,
      height: s.height,
      rotation: s.rotation,
      screen: currentScreenName(s),
      openChatId: s.openChatId,
      inputText: s.fields.chat_input.text,
      clipboard: s.clipboard,
      chats: s.chats.map((c) => ({ id: c.id, name: c.name, unread: c.unread })),
      sent: s.sent.map((m) => ({ ...m })),
      posts: s.posts.map((p) => ({ ...p, imageSha256: [...p.imageSha256] })),
      publishTaps: { ...s.publishTaps },
      taps: s.taps.map((t) => ({ ...t })),
      gallery: s.gallery.map((g) => g.path),
    };
  }

  private stopTraffic(): void {
    if (this.trafficTimer !== null) clearInterval(this.trafficTimer);
    this.trafficTimer = null;
  }

  private press(x: number, y: number, kind: 'tap' | 'longPress'): ActionEffects {
    const hit = hitTest(this.layout, x, y, kind);
    const taps = this.state.taps;
    taps.push({ at: this.now(), x, y, screen: currentScreenName(this.state), view: hit?.node.id ?? null });
    if (taps.length > TAPS_KEPT) taps.splice(0, taps.length - TAPS_KEPT);
    if (hit === null) return {};
    const action = kind === 'longPress' ? (hit.node.onLongPress ?? hit.node.onTap) : hit.node.onTap;
    return action === undefined ? {} : applyAction(this.state, action, this.now());
  }

  /** Re-lays out; the version moves only when the laid-out scene (everything drawn) differs. */
  private commit(): void {
    const layout = layoutScreen(this.state, this.measure);
    this.clampScrolls(layout);
    const signature = JSON.stringify(layout);
    this.layout = layout;
    if (signature === this.signature) return;
    this.signature = signature;
    this.currentVersion++;
    this.changes.emit();
  }

  private clampScrolls(node: ViewNode): void {
    if (node.scroll !== undefined) {
      const raw = this.state.scroll[node.scroll.key] ?? 0;
      this.state.scroll[node.scroll.key] = Math.min(node.scroll.max, Math.max(0, raw));
    }
    for (const child of node.children) this.clampScrolls(child);
  }

  private emitClipboard(text: string): void {
    this.clipboard.emit(text);
  }
}
