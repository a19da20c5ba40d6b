// The typed error the device side throws across the DeviceHub seam (unknown device, not online, phone failure).

export const DeviceErrorCode = {
  /** No device with that id. */
  UnknownDevice: 'unknown_device',
  /** The device exists but is offline, unauthorized or in error. */
  DeviceUnavailable: 'device_unavailable',
  /** The input was refused before reaching the phone (out of frame, unknown key, text too long). */
  InvalidInput: 'invalid_input',
  /** The phone or its scrcpy session failed to do what was asked. */
  DeviceFailed: 'device_failed',
} as const;
export type DeviceErrorCode = (typeof DeviceErrorCode)[keyof typeof DeviceErrorCode];

export class DeviceError extends Error {
  readonly code: DeviceErrorCode;
  constructor(code: DeviceErrorCode, message: string) {
    super(message);
    this.name = 'DeviceError';
    this.code = code;
  }
}

export function isDeviceError(error: unknown): error is DeviceError {
  return error instanceof DeviceError;
}
