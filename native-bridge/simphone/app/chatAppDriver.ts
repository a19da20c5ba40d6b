// Drives a ChatApp by view ids, as a finger would: tap a view's centre, long-press, drag, press keys (for tests and tools).
import { KeyAction, TouchAction } from '../types.ts';
import type { ChatAppOptions } from './chatApp.ts';
import { ChatApp } from './chatApp.ts';
import { center, findView } from './viewNode.ts';

const PRESS_MS = 60;
const LONG_PRESS_HOLD_MS = 650;

export class ChatAppDriver {
  /** The app's clock: the driver moves it forward between touches, so gestures never depend on real time. */
  readonly clock: { t: number };
  readonly app: ChatApp;

  constructor(options: Omit<ChatAppOptions, 'now'> & { startAt?: number }) {
    const clock = { t: options.startAt ?? Date.UTC(2026, 10, 22, 2, 30) };
    this.clock = clock;
    this.app = new ChatApp({ ...options, now: () => clock.t });
  }

  centerOf(id: string): { x: number; y: number } {
    const view = findView(this.app.views(), id);
    if (view === null) throw new Error(`view ${id} is not visible on ${this.app.inspect().screen}`);
    return center(view.visible);
  }

  visible(id: string): boolean {
    return findView(this.app.views(), id) !== null;
  }

  text(id: string): string | undefined {
    return findView(this.app.views(), id)?.node.text;
  }

  tap(id: string): void {
    const { x, y } = this.centerOf(id);
    this.tapAt(x, y);
  }

  tapAt(x: number, y: number, holdMs = PRESS_MS): void {
    this.app.touch(TouchAction.Down, x, y, 0n);
    this.clock.t += holdMs;
    this.app.touch(TouchAction.Up, x, y, 0n);
    this.clock.t += PRESS_MS;
  }

  longPress(id: string): void {
    const { x, y } = this.centerOf(id);
    this.tapAt(x, y, LONG_PRESS_HOLD_MS);
  }

  /** A finger drag from a view's centre by (0, dy) in a few moves. */
  drag(id: string, dy: number, steps = 5): void {
    const { x, y } = this.centerOf(id);
    this.app.touch(TouchAction.Down, x, y, 0n);
    for (let i = 1; i <= steps; i++) {
      this.clock.t += 16;
      this.app.touch(TouchAction.Move, x, Math.round(y + (dy * i) / steps), 0n);
    }
    this.app.touch(TouchAction.Up, x, y + dy, 0n);
    this.clock.t += PRESS_MS;
  }

  key(keycode: number): void {
    this.app.key(KeyAction.Down, keycode, 0, 0);
    this.app.key(KeyAction.Up, keycode, 0, 0);
  }

  /** Launcher → 微信 → 发现 → 朋友圈 → camera → 从相册选择. */
  openGalleryPicker(): void {
    this.app.startApp('com.phonewall.chat');
    this.tap('tab_discover');
    this.tap('discover_moments');
    this.tap('moments_camera');
    this.tap('sheet_album');
  }
}
