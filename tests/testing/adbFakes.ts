// Small stand-ins for the phone's screen and scrcpy server, for adbd/shell tests that do not need the real app.
import {
  type GalleryImage,
  type KeyAction,
  type PhoneChannel,
  type PhoneScreen,
  type ScrcpyServerHost,
  type ScrcpySessionInfo,
  type ShellIo,
  type TouchAction,
} from '../../native-bridge/simphone/types.ts';

export type FakeEvent =
  | { kind: 'touch'; action: TouchAction; x: number; y: number }
  | { kind: 'key'; action: KeyAction; keycode: number }
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string }
  | { kind: 'gallery'; path: string; size: number };

export class FakeScreen implements PhoneScreen {
  width: number;
  height: number;
  version = 1;
  events: FakeEvent[] = [];
  clipboard = '';
  gallery: GalleryImage[] = [];
  #listeners = new Set<() => void>();

  constructor(width = 72, height = 160, readonly png: Uint8Array = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])) {
    this.width = width;
    this.height = height;
  }

  onChange(listener: () => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  renderRgba(width: number, height: number) {
    return new Uint8Array(width * height * 4).fill(0x7f);
  }
  screencapPng() {
    return this.png;
  }
  uiDumpXml() {
    return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="0"><node text="发表" bounds="[0,0][10,10]" /></hierarchy>`;
  }
  touch(action: TouchAction, x: number, y: number) {
    this.events.push({ kind: 'touch', action, x, y });
  }
  scroll() {}
  key(action: KeyAction, keycode: number) {
    this.events.push({ kind: 'key', action, keycode });
  }
  injectText(text: string) {
    this.events.push({ kind: 'text', text });
  }
  setClipboard(text: string) {
    this.clipboard = text;
  }
  getClipboard() {
    return this.clipboard;
  }
  onClipboardChange() {
    return () => undefined;
  }
  startApp(name: string) {
    this.events.push({ kind: 'start', name });
    return name === 'com.phonewall.chat';
  }
  rotate() {}
  addGalleryImage(image: GalleryImage) {
    this.gallery.push(image);
    this.events.push({ kind: 'gallery', path: image.path, size: image.bytes.length });
  }
  deliverCustomerMessage() {}
  inspect() {
    return {
      width: this.width,
      height: this.height,
      rotation: 0 as const,
      screen: 'launcher',
      openChatId: null,
      inputText: '',
      clipboard: this.clipboard,
      chats: [],
      sent: [],
      posts: [],
      publishTaps: {},
      taps: [],
      gallery: this.gallery.map((image) => image.path),
    };
  }
}

/** A scrcpy host that echoes: `run` prints its args and waits for the stream to close; sockets echo bytes back. */
export class FakeScrcpy implements ScrcpyServerHost {
  runs: string[][] = [];
  #listening = new Set<string>();

  async run(args: string[], io: ShellIo): Promise<number> {
    this.runs.push(args);
    const scid = args.find((arg) => arg.startsWith('scid='))?.slice(5) ?? '';
    const name = scid ? `scrcpy_${scid.padStart(8, '0')}` : 'scrcpy';
    this.#listening.add(name);
    io.stdout(`[server] INFO: Device: [Fake] Fake (Android 14)\n`);
    await io.aborted;
    this.#listening.delete(name);
    return 0;
  }
  connect(socketName: string, channel: PhoneChannel): boolean {
    if (!this.#listening.has(socketName)) return false;
    channel.onData((data) => void channel.write(data));
    return true;
  }
  sessions(): ScrcpySessionInfo[] {
    return [];
  }
  killAll() {}
}
