// DeviceControl for one phone: input and text through the phone's one command lane and its control session,
// screenshots, UI dumps and gallery pushes beside it.
import { say } from '../base/boxText.ts';
import type { Adb } from '@yume-chan/adb';
import type { ScrcpyControlMessageWriter } from '@yume-chan/scrcpy';
import { BoxError, messageOf } from '../base/boxError.ts';
import { withDeadline } from '../base/deadline.ts';
import type { DeviceControl, Input, PushProgress } from '../base/deviceHub.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { SessionManager } from '../sessions/sessionManager.ts';
import { pushGalleryImages } from './galleryPush.ts';
import { mapInput, type ControlStep } from './inputMapper.ts';
import { chunkText, textMaxBytes, utf8Length } from './textChunker.ts';

export interface DeviceControllerOptions {
  deviceId: string;
  sessions: SessionManager;
  /** The phone's current ADB connection, null while it is not online. */
  adb: () => Adb | null;
  onClipboard: (listener: (text: string) => void) => () => void;
  /** The phone's command lane: every input and text of this phone, from every client and flow, in arrival order. */
  lane: <T>(task: () => Promise<T>) => Promise<T>;
}

/** How long one SET_CLIPBOARD may wait for its ACK before the text counts as not delivered. */
const clipboardAckTimeoutMs = 10_000;
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function failed(error: unknown): BoxError {
  if (error instanceof BoxError) return error;
  return new BoxError(ErrorCode.Internal, messageOf(error), { cause: error });
}

/** A phone step with a deadline; any failure crosses the seam as a BoxError. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return withDeadline(promise, ms, () => new BoxError(ErrorCode.Timeout, `${what} timed out after ${ms} ms`)).catch((error: unknown) => {
    throw failed(error);
  });
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function execute(controller: ScrcpyControlMessageWriter, step: ControlStep): Promise<void> {
  switch (step.op) {
    case 'touch':
      return controller.injectTouch(step.message);
    case 'scroll':
      return controller.injectScroll(step.message);
    case 'key':
      return controller.injectKeyCode(step.message);
    case 'startApp':
      return controller.startApp(step.name);
    case 'wait':
      return pause(step.ms);
  }
}

export class DeviceController implements DeviceControl {
  readonly #options: DeviceControllerOptions;
  #clipboardSequence = 0n;

  constructor(options: DeviceControllerOptions) {
    this.#options = options;
  }

  input(input: Input): Promise<void> {
    if (input.kind === 'resetVideo') {
      try {
        this.#requireOnline();
        this.#options.sessions.stream(input.profile).requestKeyFrame();
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(failed(error));
      }
    }
    return this.#options.lane(async () => {
      this.#requireOnline();
      try {
        await this.#options.sessions.withControl(async (channel) => {
          for (const step of mapInput(input, channel)) await execute(channel.controller, step);
        });
      } catch (error) {
        throw failed(error);
      }
    });
  }

  text(text: string): Promise<void> {
    if (text.length === 0) return Promise.reject(new BoxError(ErrorCode.BadRequest, 'text is empty'));
    if (utf8Length(text) > textMaxBytes) return Promise.reject(new BoxError(ErrorCode.TooLarge, `text is longer than ${textMaxBytes} bytes`));
    return this.#options.lane(() => this.#type(text));
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
      throw new BoxError(ErrorCode.Internal, 'the phone did not return a PNG screenshot');
    }
    return png;
  }

  async uiDump(): Promise<string> {
    const adb = this.#requireOnline();
    const output = await withTimeout(adb.subprocess.noneProtocol.spawnWaitText('uiautomator dump /dev/tty'), 20_000, 'UI dump');
    const start = output.indexOf('<?xml');
    const endTag = '</hierarchy>';
    const end = output.lastIndexOf(endTag);
    if (start < 0 || end < start) throw new BoxError(ErrorCode.Internal, 'the phone returned no UI dump');
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
    if (!adb) throw new BoxError(ErrorCode.DeviceOffline, say('core.deviceNotOnline', { deviceId: this.#options.deviceId }));
    return adb;
  }
}
