// DeviceControl for one phone: input and text through the control session, screenshots, UI dumps, gallery pushes.
import type { Adb } from '@yume-chan/adb';
import type { AndroidKeyCode, AndroidKeyEventMeta } from '@yume-chan/scrcpy';
import type { ControlInput, DeviceControl, PushProgress } from '../devices/deviceHub.ts';
import { DeviceError, DeviceErrorCode, errorMessage } from '../devices/deviceError.ts';
import { withDeadline } from '../devices/deadline.ts';
import type { ControlChannel, SessionManager } from '../sessions/sessionManager.ts';
import { mapControlInput, parseControlInput, type ScrcpyCommand } from './inputMapper.ts';
import { chunkText, textMaxBytes, utf8Length } from './textChunker.ts';
import { pushGalleryImages } from './galleryPush.ts';

export interface DeviceControllerOptions {
  deviceId: string;
  sessions: SessionManager;
  /** The phone's current ADB connection, null while it is not online. */
  adb: () => Adb | null;
  onClipboard: (listener: (text: string) => void) => () => void;
}

/** How long one SET_CLIPBOARD may wait for its ACK before the text counts as not delivered. */
const clipboardAckTimeoutMs = 10_000;
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function failed(error: unknown): DeviceError {
  if (error instanceof DeviceError) return error;
  return new DeviceError(DeviceErrorCode.DeviceFailed, errorMessage(error));
}

/** A phone step with a deadline; any failure crosses the seam as a DeviceError. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return withDeadline(promise, ms, () => new DeviceError(DeviceErrorCode.Timeout, `${what} timed out after ${ms} ms`)).catch((error: unknown) => {
    throw failed(error);
  });
}

async function execute(channel: ControlChannel, command: ScrcpyCommand): Promise<void> {
  const { controller } = channel;
  switch (command.op) {
    case 'touch':
      return controller.injectTouch({
        action: command.action,
        pointerId: command.pointerId,
        pointerX: command.x,
        pointerY: command.y,
        videoWidth: command.videoWidth,
        videoHeight: command.videoHeight,
        pressure: command.pressure,
        actionButton: 0,
        buttons: 0,
      });
    case 'scroll':
      return controller.injectScroll({
        pointerX: command.x,
        pointerY: command.y,
        videoWidth: command.videoWidth,
        videoHeight: command.videoHeight,
        scrollX: command.scrollX,
        scrollY: command.scrollY,
        buttons: 0,
      });
    case 'key':
      return controller.injectKeyCode({ action: command.action, keyCode: command.keycode as AndroidKeyCode, repeat: 0, metaState: command.metaState as AndroidKeyEventMeta });
    case 'startApp':
      return controller.startApp(command.name);
    case 'resetVideo':
      return controller.resetVideo();
  }
}

export class DeviceController implements DeviceControl {
  readonly #options: DeviceControllerOptions;
  #clipboardSequence = 0n;
  /** Texts are typed one after another: two pastes racing would interleave on the phone. */
  #textQueue: Promise<void> = Promise.resolve();

  constructor(options: DeviceControllerOptions) {
    this.#options = options;
  }

  async input(raw: ControlInput): Promise<void> {
    const parsed = parseControlInput(raw);
    if (!parsed.ok) throw new DeviceError(DeviceErrorCode.InvalidInput, parsed.message);
    const input = parsed.input;
    this.#requireOnline();
    if (input.kind === 'resetVideo') {
      this.#options.sessions.stream(input.profile).requestKeyFrame();
      return;
    }
    try {
      await this.#options.sessions.withControl(async (channel) => {
        const mapped = mapControlInput(input, channel);
        if (!mapped.ok) throw new DeviceError(DeviceErrorCode.InvalidInput, mapped.message);
        for (const command of mapped.commands) await execute(channel, command);
      });
    } catch (error) {
      throw failed(error);
    }
  }

  text(text: string): Promise<void> {
    if (typeof text !== 'string' || text.length === 0) {
      return Promise.reject(new DeviceError(DeviceErrorCode.InvalidInput, 'text is empty'));
    }
    if (utf8Length(text) > textMaxBytes) {
      return Promise.reject(new DeviceError(DeviceErrorCode.InvalidInput, `text is longer than ${textMaxBytes} bytes`));
    }
    const typed = this.#textQueue.then(() => this.#type(text));
    this.#textQueue = typed.catch(() => {});
    return typed;
  }

  async #type(text: string): Promise<void> {
    this.#requireOnline();
    try {
      await this.#options.sessions.withControl(async ({ controller }) => {
        for (const chunk of chunkText(text)) {
          if (chunk.kind === 'inject') {
            await controller.injectText(chunk.text);
            continue;
          }
          this.#clipboardSequence += 1n;
          // Each chunk waits for the phone's ACK_CLIPBOARD so the next one cannot overwrite it before the paste.
          await withTimeout(
            controller.setClipboard({ sequence: this.#clipboardSequence, paste: true, content: chunk.text }),
            clipboardAckTimeoutMs,
            'clipboard paste',
          );
        }
      });
    } catch (error) {
      throw failed(error);
    }
  }

  async screenshot(): Promise<Uint8Array> {
    const adb = this.#requireOnline();
    const png = await withTimeout(adb.subprocess.noneProtocol.spawnWait('screencap -p'), 15_000, 'screenshot');
    if (png.byteLength < 8 || pngSignature.some((byte, index) => png[index] !== byte)) {
      throw new DeviceError(DeviceErrorCode.DeviceFailed, 'the phone did not return a PNG screenshot');
    }
    return png;
  }

  async uiDump(): Promise<string> {
    const adb = this.#requireOnline();
    const output = await withTimeout(adb.subprocess.noneProtocol.spawnWaitText('uiautomator dump /dev/tty'), 20_000, 'UI dump');
    const start = output.indexOf('<?xml');
    const endTag = '</hierarchy>';
    const end = output.lastIndexOf(endTag);
    if (start < 0 || end < start) throw new DeviceError(DeviceErrorCode.DeviceFailed, 'the phone returned no UI dump');
    return output.slice(start, end + endTag.length);
  }

  async pushImages(files: { name: string; bytes: Uint8Array }[], onProgress?: (progress: PushProgress) => void): Promise<string[]> {
    const adb = this.#requireOnline();
    try {
      return await pushGalleryImages(adb, files, onProgress);
    } catch (error) {
      throw failed(error);
    }
  }

  onClipboard(listener: (text: string) => void): () => void {
    return this.#options.onClipboard(listener);
  }

  #requireOnline(): Adb {
    const adb = this.#options.adb();
    if (!adb) throw new DeviceError(DeviceErrorCode.DeviceUnavailable, `device ${this.#options.deviceId} is not online`);
    return adb;
  }
}
