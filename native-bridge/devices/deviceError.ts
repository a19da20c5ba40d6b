// The typed error the device side throws across the DeviceHub seam; its code is one of the protocol's error codes.
import { ErrorCode } from '../protocol/errorCodes.ts';

export const DeviceErrorCode = {
  /** No device with that id. */
  UnknownDevice: ErrorCode.NotFound,
  /** The device exists but is offline, unauthorized or in error. */
  DeviceUnavailable: ErrorCode.DeviceOffline,
  /** The input was refused before reaching the phone (out of frame, unknown key, text too long). */
  InvalidInput: ErrorCode.BadRequest,
  /** The phone did not answer in time. */
  Timeout: ErrorCode.Timeout,
  /** The phone or its scrcpy session failed to do what was asked. */
  DeviceFailed: ErrorCode.Internal,
} as const;
export type DeviceErrorCode = (typeof DeviceErrorCode)[keyof typeof DeviceErrorCode];

/** Shaped like the protocol's error (`code` + `message`), so the serving side can pass it on as is. */
export class DeviceError extends Error {
  readonly code: DeviceErrorCode;
  constructor(code: DeviceErrorCode, message: string) {
    super(message);
    this.name = 'DeviceError';
    this.code = code;
  }
}

/** The message of anything thrown, for reasons and logs. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isDeviceError(error: unknown): error is DeviceError {
  return error instanceof DeviceError;
}
