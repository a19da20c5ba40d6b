// Typed error codes of the box protocol, and the error shape that crosses the wire.

export const ErrorCode = {
  /** The message is not valid JSON, not a known shape, or a field is out of its allowed range. */
  BadRequest: 'bad_request',
  /** The console's link to the box is down; never sent by a box, it is how a console names a request it could not send. */
  Offline: 'offline',
  /** The `type` is not one this protocol version knows. */
  UnknownType: 'unknown_type',
  /** No valid token (at upgrade this is an HTTP 401 instead). */
  Unauthorized: 'unauthorized',
  /** The token's role may not do this (a viewer asking for control). */
  Forbidden: 'forbidden',
  /** Unknown device, stream or upload. */
  NotFound: 'not_found',
  /** The device exists but is not online. */
  DeviceOffline: 'device_offline',
  /** A message, file or upload exceeds its limit. */
  TooLarge: 'too_large',
  /** An uploaded file is not a picture of a kind the box takes (checked from its content, not its name). */
  UnsupportedMedia: 'unsupported_media',
  /** Too many messages or requests in flight from this client. */
  RateLimited: 'rate_limited',
  /** The device did not answer in time. */
  Timeout: 'timeout',
  /** The client's protocol version is not supported. */
  UnsupportedVersion: 'unsupported_version',
  /** The phone is running a posting flow (the error names the job); watching stays allowed. */
  Busy: 'busy',
  /** A well-formed request the box's rules refuse (a post over the text limit, a schedule naming unknown phones, a
   * quick reply without text); `problems` names each field. */
  Invalid: 'invalid',
  /** The record is not in a state that allows this (retrying a done job, deleting a scheduled post). */
  Conflict: 'conflict',
  /** The box failed; the message explains what went wrong without internals. */
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

/** A text for a person: its key in the box's text catalog (`boxTexts.ts`) and parameters; `message` is its English. */
export interface ProtocolText {
  key: string;
  params?: Record<string, string | number>;
}

export interface ProtocolError {
  code: ErrorCode;
  /** English, for logs and tools; consoles show `text` in their user's language when it is there. */
  message: string;
  text?: ProtocolText;
  problems?: { field: string; message: string; text?: ProtocolText }[];
  jobId?: string;
}

export function protocolError(code: ErrorCode, message: string, extra: Pick<ProtocolError, 'problems' | 'jobId' | 'text'> = {}): ProtocolError {
  return { code, message, ...extra };
}

/** True for values shaped like a ProtocolError (used to map thrown typed errors back to the wire). */
export function isProtocolError(value: unknown): value is ProtocolError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  return typeof candidate.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(candidate.code);
}
