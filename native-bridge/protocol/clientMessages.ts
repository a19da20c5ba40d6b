// Client → box messages: one discriminated union (`type`), each a request with an `id` the box answers.
import { z } from 'zod';
import { AppNameSchema, InputSchema, StreamProfileSchema } from './controlInput.ts';
import { FEATURE_REQUEST_SCHEMAS } from './features.ts';
import { DeviceIdSchema, requestHead } from './ids.ts';
import { Limits } from './limits.ts';

export { DeviceIdSchema, RequestIdSchema } from './ids.ts';
export type { RequestId } from './ids.ts';
export const StreamIdSchema = z.int().min(1).max(0xffff);
export const UploadIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'invalid upload id');

/** Image file names only: no folders, no hidden files, a known image extension. */
export const ImageFileNameSchema = z
  .string()
  .min(1)
  .max(Limits.fileNameMaxChars)
  .regex(/^[^/\\\u0000-\u001f.][^/\\\u0000-\u001f]*\.(png|jpe?g|webp|gif|bmp|heic)$/iu, 'file name must be a plain image file name');

const req = requestHead;

export const HelloRequestSchema = z.strictObject({
  ...req('hello'),
  protocolVersion: z.int().min(1).max(1000),
  client: z.string().max(100).optional(),
});
export const PingRequestSchema = z.strictObject({ ...req('ping') });
export const ListDevicesRequestSchema = z.strictObject({ ...req('listDevices') });
export const InputRequestSchema = z.strictObject({ ...req('input'), deviceId: DeviceIdSchema, input: InputSchema });
export const TextRequestSchema = z.strictObject({
  ...req('text'),
  deviceId: DeviceIdSchema,
  text: z.string().min(1).max(Limits.textMaxChars),
});
export const ScreenshotRequestSchema = z.strictObject({ ...req('screenshot'), deviceId: DeviceIdSchema });
export const UiDumpRequestSchema = z.strictObject({ ...req('uiDump'), deviceId: DeviceIdSchema });
export const StartAppRequestSchema = z.strictObject({ ...req('startApp'), deviceId: DeviceIdSchema, name: AppNameSchema });

export const PushBeginRequestSchema = z
  .strictObject({
    ...req('pushBegin'),
    deviceId: DeviceIdSchema,
    files: z
      .array(z.strictObject({ name: ImageFileNameSchema, size: z.int().min(1).max(Limits.pushMaxFileBytes) }))
      .min(1)
      .max(Limits.pushMaxFiles),
  })
  .superRefine((v, ctx) => {
    const total = v.files.reduce((sum, file) => sum + file.size, 0);
    if (total > Limits.pushMaxTotalBytes) ctx.addIssue({ code: 'custom', message: 'push is larger than the total limit', path: ['files'] });
  });
/** One piece of one file, in order; `data` is base64. */
export const PushChunkRequestSchema = z.strictObject({
  ...req('pushChunk'),
  uploadId: UploadIdSchema,
  fileIndex: z.int().min(0).max(Limits.pushMaxFiles - 1),
  offset: z.int().min(0).max(Limits.pushMaxFileBytes),
  data: z.base64().min(4).max(Limits.chunkMaxBase64),
});
export const PushCommitRequestSchema = z.strictObject({ ...req('pushCommit'), uploadId: UploadIdSchema });
export const PushAbortRequestSchema = z.strictObject({ ...req('pushAbort'), uploadId: UploadIdSchema });

export const SubscribeRequestSchema = z.strictObject({ ...req('subscribe'), deviceId: DeviceIdSchema, profile: StreamProfileSchema });
export const UnsubscribeRequestSchema = z.strictObject({ ...req('unsubscribe'), streamId: StreamIdSchema });
export const RequestKeyFrameRequestSchema = z.strictObject({ ...req('requestKeyFrame'), streamId: StreamIdSchema });

export const ClientMessageSchema = z.discriminatedUnion('type', [
  HelloRequestSchema,
  PingRequestSchema,
  ListDevicesRequestSchema,
  InputRequestSchema,
  TextRequestSchema,
  ScreenshotRequestSchema,
  UiDumpRequestSchema,
  StartAppRequestSchema,
  PushBeginRequestSchema,
  PushChunkRequestSchema,
  PushCommitRequestSchema,
  PushAbortRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  RequestKeyFrameRequestSchema,
  ...FEATURE_REQUEST_SCHEMAS,
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export type ClientMessageType = ClientMessage['type'];
export type ClientMessageOf<T extends ClientMessageType> = Extract<ClientMessage, { type: T }>;

export const CLIENT_MESSAGE_TYPES = ClientMessageSchema.options.map((option) => option.shape.type.value) as ClientMessageType[];

/** Which socket accepts which message. Video subscriptions live on the media socket they feed. */
export const SocketKind = { Control: 'control', Media: 'media' } as const;
export type SocketKind = (typeof SocketKind)[keyof typeof SocketKind];

const MEDIA_TYPES: ReadonlySet<ClientMessageType> = new Set(['hello', 'ping', 'subscribe', 'unsubscribe', 'requestKeyFrame']);
const CONTROL_ONLY_EXCLUDED: ReadonlySet<ClientMessageType> = new Set(['subscribe', 'unsubscribe', 'requestKeyFrame']);

export function acceptedOn(socket: SocketKind, type: ClientMessageType): boolean {
  return socket === SocketKind.Media ? MEDIA_TYPES.has(type) : !CONTROL_ONLY_EXCLUDED.has(type);
}
