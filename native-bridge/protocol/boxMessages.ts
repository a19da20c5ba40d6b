// Box → client messages: responses to requests, the hello, and events (devices, progress, clipboard, streams).
import { z } from 'zod';
import { RequestIdSchema, DeviceIdSchema, StreamIdSchema, UploadIdSchema } from './clientMessages.ts';
import type { ClientMessageType, RequestId } from './clientMessages.ts';
import { StreamProfileSchema } from './controlInput.ts';
import { BoxTextSchema } from './boxText.ts';
import { ERROR_CODES } from './errorCodes.ts';
import type { ErrorCode, ProtocolError } from './errorCodes.ts';
import { FEATURE_EVENT_SCHEMAS } from './features.ts';
import type { FeatureResultMap } from './features.ts';
import { ROLES } from './roles.ts';

export const ProtocolErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
  /** English; `text` carries the same as a key of the box's text catalog with its parameters. */
  message: z.string(),
  text: BoxTextSchema.optional(),
  /** `invalid`: each field that failed and why (e.g. `{ field: "devices[1]", message: "unknown phone …" }`). */
  problems: z.array(z.strictObject({ field: z.string(), message: z.string(), text: BoxTextSchema.optional() })).optional(),
  /** `busy`: the posting job running on the phone. */
  jobId: z.string().optional(),
});

/** A phone running a posting flow: consoles may watch it, their input is refused with `busy`. */
export const DeviceBusySchema = z.strictObject({ jobId: z.string(), since: z.number() });
export type DeviceBusy = z.infer<typeof DeviceBusySchema>;

export const DeviceInfoSchema = z.strictObject({
  id: z.string(),
  serial: z.string(),
  model: z.string(),
  width: z.int().min(0),
  height: z.int().min(0),
  source: z.enum(['adb-server', 'tcp', 'simulated']),
  simulated: z.boolean(),
  state: z.enum(['connecting', 'online', 'offline', 'unauthorized', 'error']),
  reason: z.string().nullable(),
  /** Set while a posting flow runs on the phone (input from consoles is refused with `busy`). */
  busy: DeviceBusySchema.nullable().optional(),
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

export const HelloMessageSchema = z.strictObject({
  type: z.literal('hello'),
  protocolVersion: z.int(),
  role: z.enum(ROLES as [(typeof ROLES)[number], ...(typeof ROLES)[number][]]),
  socket: z.enum(['control', 'media']),
  box: z.strictObject({ name: z.string(), version: z.string() }),
  /** The box pings every this many ms; a client that hears nothing for two intervals may treat the box as gone. */
  pingIntervalMs: z.int(),
});

export const OkResponseSchema = z.strictObject({ type: z.literal('response'), id: RequestIdSchema, ok: z.literal(true), result: z.unknown() });
/** `id` is null when the request was too malformed to read its id. */
export const ErrorResponseSchema = z.strictObject({
  type: z.literal('response'),
  id: RequestIdSchema.nullable(),
  ok: z.literal(false),
  error: ProtocolErrorSchema,
});

export const DeviceEventSchema = z.strictObject({ type: z.literal('device'), device: DeviceInfoSchema, removed: z.boolean() });
export const PushProgressEventSchema = z.strictObject({
  type: z.literal('pushProgress'),
  uploadId: UploadIdSchema,
  /** `upload`: bytes received by the box; `device`: bytes copied to the phone. */
  phase: z.enum(['upload', 'device']),
  file: z.string(),
  fileIndex: z.int().min(0),
  sentBytes: z.int().min(0),
  totalBytes: z.int().min(0),
});
export const ClipboardEventSchema = z.strictObject({ type: z.literal('clipboard'), deviceId: DeviceIdSchema, text: z.string() });
/** Media socket: the stream will send no more packets (device gone); subscribe again when it is back online. */
export const StreamEndedEventSchema = z.strictObject({ type: z.literal('streamEnded'), streamId: StreamIdSchema, error: ProtocolErrorSchema });

export const BoxMessageSchema = z.union([
  HelloMessageSchema,
  OkResponseSchema,
  ErrorResponseSchema,
  DeviceEventSchema,
  PushProgressEventSchema,
  ClipboardEventSchema,
  StreamEndedEventSchema,
  ...FEATURE_EVENT_SCHEMAS,
]);
export type BoxMessage = z.infer<typeof BoxMessageSchema>;
/** Messages the box sends on its own (not hello, not a response): device, job, chat-desk, … events. */
export type BoxEvent = Exclude<BoxMessage, { type: 'hello' | 'response' }>;
export type BoxEventType = BoxEvent['type'];
export type BoxEventOf<T extends BoxEventType> = Extract<BoxEvent, { type: T }>;
export type HelloMessage = z.infer<typeof HelloMessageSchema>;
export type DeviceEvent = z.infer<typeof DeviceEventSchema>;
export type PushProgressEvent = z.infer<typeof PushProgressEventSchema>;
export type ClipboardEvent = z.infer<typeof ClipboardEventSchema>;
export type StreamEndedEvent = z.infer<typeof StreamEndedEventSchema>;

/** The result of each request type. */
export interface ResultMap extends FeatureResultMap {
  hello: { protocolVersion: number; role: string };
  ping: { now: number };
  listDevices: { devices: DeviceInfo[] };
  input: Record<string, never>;
  text: Record<string, never>;
  screenshot: { mime: 'image/png'; base64: string };
  uiDump: { xml: string };
  startApp: Record<string, never>;
  pushBegin: { uploadId: string };
  pushChunk: { fileIndex: number; receivedBytes: number };
  pushCommit: { paths: string[] };
  pushAbort: Record<string, never>;
  subscribe: { streamId: number; deviceId: string; profile: z.infer<typeof StreamProfileSchema> };
  unsubscribe: Record<string, never>;
  requestKeyFrame: Record<string, never>;
}
export type ResultOf<T extends ClientMessageType> = ResultMap[T];

export type Response<T extends ClientMessageType = ClientMessageType> =
  | { type: 'response'; id: RequestId; ok: true; result: ResultOf<T> }
  | { type: 'response'; id: RequestId | null; ok: false; error: ProtocolError };

export function okResponse<T extends ClientMessageType>(id: RequestId, result: ResultOf<T>): Response<T> {
  return { type: 'response', id, ok: true, result };
}

export function errorResponse(id: RequestId | null, error: ProtocolError): Response {
  return { type: 'response', id, ok: false, error };
}

/** Parses a text frame from the box (renderer side); null when it is not a message of this protocol. */
export function decodeBoxMessage(text: string): BoxMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = BoxMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
