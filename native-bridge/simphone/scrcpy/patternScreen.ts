// A minimal PhoneScreen that draws a deterministic pattern: lets scrcpy sessions run without the chat app.
import { EventSource } from '../../base/events.ts';
import type { GalleryImage, KeyAction, PhoneInspection, PhoneScreen, TouchAction } from '../types.ts';

export interface PatternScreenEvents {
  touches: { action: TouchAction; x: number; y: number; pointerId: bigint }[];
  scrolls: { x: number; y: number; h: number; v: number }[];
  keys: { action: KeyAction; keycode: number; repeat: number; metaState: number }[];
  texts: string[];
  apps: string[];
}

/** Horizontal colour bands whose colours shift with `version`; every input is recorded. */
export class PatternScreen implements PhoneScreen {
  width: number;
  height: number;
  version = 0;
  rotation: 0 | 1 | 2 | 3 = 0;
  clipboard = '';
  readonly events: PatternScreenEvents = { touches: [], scrolls: [], keys: [], texts: [], apps: [] };
  readonly #changes = new EventSource<[]>();
  readonly #clipboard = new EventSource<[text: string]>();

  constructor(width = 720, height = 1600) {
    this.width = width;
    this.height = height;
  }

  onChange(listener: () => void): () => void {
    return this.#changes.on(listener);
  }

  /** Changes what is drawn (bumps version, notifies). */
  change(): void {
    this.version += 1;
    this.#changes.emit();
  }

  /** RGBA colour of the band at row `y` of a `height`-row frame. */
  colourAt(y: number, height: number): [number, number, number] {
    const band = Math.floor((y * 8) / height);
    const shift = this.version * 37;
    return [(band * 32 + shift) % 256, (band * 97 + 2 * shift) % 256, (255 - band * 29 + shift) % 256];
  }

  renderRgba(width: number, height: number): Uint8Array {
    const out = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y += 1) {
      const [r, g, b] = this.colourAt(y, height);
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        out[i] = r;
        out[i + 1] = g;
        out[i + 2] = b;
        out[i + 3] = 255;
      }
    }
    return out;
  }

  screencapPng(): Uint8Array {
    throw new Error('PatternScreen has no PNG encoder');
  }

  uiDumpXml(): string {
    return '<?xml version="1.0" encoding="UTF-8"?><hierarchy rotation="0"></hierarchy>';
  }

  touch(action: TouchAction, x: number, y: number, pointerId: bigint): void {
    this.events.touches.push({ action, x, y, pointerId });
  }

  scroll(x: number, y: number, h: number, v: number): void {
    this.events.scrolls.push({ x, y, h, v });
  }

  key(action: KeyAction, keycode: number, repeat: number, metaState: number): void {
    this.events.keys.push({ action, keycode, repeat, metaState });
  }

  injectText(text: string): void {
    this.events.texts.push(text);
  }

  setClipboard(text: string, _paste: boolean): void {
    this.clipboard = text;
    this.#clipboard.emit(text);
  }

  getClipboard(): string {
    return this.clipboard;
  }

  onClipboardChange(listener: (text: string) => void): () => void {
    return this.#clipboard.on(listener);
  }

  startApp(name: string): boolean {
    this.events.apps.push(name);
    return name === 'com.phonewall.chat';
  }

  rotate(rotation: 0 | 1 | 2 | 3): void {
    if ((rotation & 1) !== (this.rotation & 1)) [this.width, this.height] = [this.height, this.width];
    this.rotation = rotation;
    this.change();
  }

  addGalleryImage(_image: GalleryImage): void {}

  deliverCustomerMessage(): void {}

  inspect(): Omit<PhoneInspection, 'serial' | 'model' | 'scrcpySessions'> {
    return {
      width: this.width, height: this.height, rotation: this.rotation, screen: 'pattern', openChatId: null,
      inputText: '', clipboard: this.clipboard, chats: [], sent: [], posts: [], publishTaps: {}, taps: [], gallery: [],
    };
  }
}
