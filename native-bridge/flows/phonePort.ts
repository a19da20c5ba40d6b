// The phone as the flow interpreter sees it: screen reads and finger-level input, nothing app-specific.
import { BoxError, isBoxError } from '../base/boxError.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';

export interface PhonePort {
  readonly deviceId: string;
  /** Physical size in the current orientation. */
  screenSize(): Promise<{ width: number; height: number }>;
  /** PNG of the screen (`screencap -p`). */
  screenshot(): Promise<Uint8Array>;
  /** `uiautomator dump` XML. */
  uiDump(): Promise<string>;
  tap(x: number, y: number): Promise<void>;
  swipe(fromX: number, fromY: number, toX: number, toY: number, durationMs: number): Promise<void>;
  /** Android key code, pressed and released. */
  key(keycode: number): Promise<void>;
  /** Any Unicode text, typed into the focused field (clipboard paste for non-ASCII). */
  pasteText(text: string): Promise<void>;
  pushFile(devicePath: string, bytes: Uint8Array): Promise<void>;
  /** Makes pushed images visible to the gallery (media scanner broadcast). */
  mediaScan(devicePaths: readonly string[]): Promise<void>;
  /** Cold-starts the app at its main screen (`am start -S`), so a retried flow never continues a half-done screen. */
  launchApp(nameOrPackage: string): Promise<void>;
}

/** What a PhonePort throws when the phone is gone (unplugged, adb lost); the runner retries it before committing. */
export function phoneLost(message: string): BoxError {
  return new BoxError(ErrorCode.DeviceOffline, message);
}

export function isPhoneLost(error: unknown): boolean {
  return isBoxError(error, ErrorCode.DeviceOffline);
}

export const AndroidKey = {
  BACK: 4,
  HOME: 3,
  ENTER: 66,
  DEL: 67,
  APP_SWITCH: 187,
} as const;
