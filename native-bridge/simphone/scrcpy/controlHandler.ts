// Applies parsed control messages to the phone screen and answers with device messages.
import { AndroidKey, TouchAction, type KeyAction, type PhoneScreen } from '../types.ts';
import type { ControlMessage, Position } from './controlMessageReader.ts';
import { encodeAckClipboardMessage, encodeClipboardMessage } from './deviceMessageWriter.ts';
import type { ServerLog } from './serverLog.ts';
import type { Size } from './videoSize.ts';

export interface ControlHandlerOptions {
  screen: PhoneScreen;
  log: ServerLog;
  /** The size of the frames the client sees (video size, or the physical size without video). */
  videoSize: () => Size;
  reply: (data: Uint8Array) => void;
  resetVideo: () => void;
}

/** Android's KEYCODE_COPY / KEYCODE_CUT, injected for GET_CLIPBOARD's copy key like the real server. */
const KeycodeCopy = 278;
const KeycodeCut = 277;

export class ControlHandler {
  readonly #o: ControlHandlerOptions;
  #settingClipboard = false;

  constructor(options: ControlHandlerOptions) {
    this.#o = options;
  }

  /** True while the client itself sets the clipboard: that change is not echoed back (as the real server does). */
  get settingClipboard(): boolean {
    return this.#settingClipboard;
  }

  handle(message: ControlMessage): void {
    const { screen, log } = this.#o;
    switch (message.type) {
      case 'injectKeycode':
        screen.key(message.action as KeyAction, message.keycode, message.repeat, message.metaState);
        break;
      case 'injectText':
        screen.injectText(message.text);
        break;
      case 'injectTouch': {
        if (message.action > TouchAction.Cancel) {
          log.debug(`Ignore motion action ${message.action}`);
          break;
        }
        const point = this.#map(message.position);
        if (point) screen.touch(message.action as TouchAction, point.x, point.y, message.pointerId);
        break;
      }
      case 'injectScroll': {
        const point = this.#map(message.position);
        if (point) screen.scroll(point.x, point.y, message.hScroll, message.vScroll);
        break;
      }
      case 'backOrScreenOn':
        screen.key(message.action as KeyAction, AndroidKey.Back, 0, 0);
        break;
      case 'getClipboard':
        if (message.copyKey !== 0) {
          const keycode = message.copyKey === 1 ? KeycodeCopy : KeycodeCut;
          screen.key(0, keycode, 0, 0);
          screen.key(1, keycode, 0, 0);
        }
        this.#o.reply(encodeClipboardMessage(screen.getClipboard()));
        break;
      case 'setClipboard':
        this.#settingClipboard = true;
        try {
          screen.setClipboard(message.text, message.paste);
        } finally {
          this.#settingClipboard = false;
        }
        if (message.sequence !== 0n) this.#o.reply(encodeAckClipboardMessage(message.sequence));
        break;
      case 'startApp': {
        // The screen understands scrcpy's `+` (force-stop first) and `?` (search by label) prefixes itself.
        if (!screen.startApp(message.name)) log.warn(`No app found for "${message.name}"`);
        break;
      }
      case 'resetVideo':
        log.info('Video reset requested');
        this.#o.resetVideo();
        break;
      case 'rotateDevice': {
        // Like Device.rotateDevice(): toggles between natural portrait and landscape.
        const rotation = screen.inspect().rotation;
        screen.rotate(((rotation & 1) ^ 1) as 0 | 1);
        break;
      }
      case 'setDisplayPower':
        log.info(`Display power ${message.on ? 'on' : 'off'} requested`);
        break;
      case 'uhidCreate':
      case 'uhidInput':
      case 'uhidDestroy':
        log.debug(`Ignoring ${message.type} for device ${message.id}`);
        break;
      default:
        log.debug(`Ignoring ${message.type}`);
    }
  }

  /** Maps a client position to physical pixels; null when it was made for another video size. */
  #map(position: Position): { x: number; y: number } | null {
    const video = this.#o.videoSize();
    if (position.screenWidth !== video.width || position.screenHeight !== video.height) {
      this.#o.log.debug(`Ignore event generated for size ${position.screenWidth}x${position.screenHeight} (current ${video.width}x${video.height})`);
      return null;
    }
    const { width, height } = this.#o.screen;
    const x = Math.round((position.x * width) / video.width);
    const y = Math.round((position.y * height) / video.height);
    return { x: Math.min(Math.max(x, 0), width - 1), y: Math.min(Math.max(y, 0), height - 1) };
  }
}
