// Chat-desk part of protocol v1: device book, quick replies and needs-attention requests, wire types and events.
import { z } from 'zod';
import type { TextCatalog } from './boxText.ts';
import { DeviceIdSchema, RecordIdSchema, requestHead as req } from './ids.ts';

// Wire bounds are shape and size only, set well above the box's own rules (name ≤ 64, note ≤ 500, reply text ≤ 1000
// code points, …): those answer `invalid` with `problems` naming each field instead of a bare size error.
const shortText = z.string().max(1000);
const longText = z.string().max(20_000);
const many = <T extends z.ZodType>(item: T) => z.array(item).max(1000);

export const DeviceBookEntryPatchSchema = z.strictObject({
  deviceId: DeviceIdSchema,
  name: shortText.optional(),
  note: longText.optional(),
  tags: z.array(shortText).max(200).optional(),
});

export const DeviceGroupInputSchema = z.strictObject({
  /** Absent: a new group; present: that group is renamed / its members replaced. */
  id: RecordIdSchema.optional(),
  name: shortText,
  deviceIds: many(DeviceIdSchema),
});

export const QuickReplyInputSchema = z.strictObject({
  category: shortText,
  title: shortText.nullable().optional(),
  text: longText,
  shortcut: shortText.nullable().optional(),
});

export const QuickReplyFormatSchema = z.enum(['csv', 'json']);

export const GetDeviceBookRequestSchema = z.strictObject({ ...req('getDeviceBook') });
/** Names, notes and tags of one or many phones, saved and deleted groups: one transaction, all or nothing. */
export const UpdateDeviceBookRequestSchema = z.strictObject({
  ...req('updateDeviceBook'),
  entries: many(DeviceBookEntryPatchSchema).optional(),
  groups: many(DeviceGroupInputSchema).optional(),
  deleteGroups: many(RecordIdSchema).optional(),
});
export const SelectDevicesRequestSchema = z.strictObject({
  ...req('selectDevices'),
  groupIds: many(RecordIdSchema).optional(),
  tags: many(shortText).optional(),
});

export const ListQuickRepliesRequestSchema = z.strictObject({ ...req('listQuickReplies'), category: shortText.optional() });
export const SearchQuickRepliesRequestSchema = z.strictObject({ ...req('searchQuickReplies'), query: shortText });
export const CreateQuickReplyRequestSchema = z.strictObject({ ...req('createQuickReply'), reply: QuickReplyInputSchema });
export const UpdateQuickReplyRequestSchema = z.strictObject({
  ...req('updateQuickReply'),
  replyId: RecordIdSchema,
  patch: QuickReplyInputSchema.partial(),
});
export const DeleteQuickReplyRequestSchema = z.strictObject({ ...req('deleteQuickReply'), replyId: RecordIdSchema });
export const ReorderQuickRepliesRequestSchema = z.strictObject({ ...req('reorderQuickReplies'), ids: z.array(RecordIdSchema).min(1).max(10_000) });
/** The file's text travels in the message, so a file is limited by the control socket's maxPayload. */
export const ImportQuickRepliesRequestSchema = z.strictObject({ ...req('importQuickReplies'), format: QuickReplyFormatSchema, content: z.string().min(1) });
export const ExportQuickRepliesRequestSchema = z.strictObject({ ...req('exportQuickReplies'), format: QuickReplyFormatSchema });

export const ListAttentionRequestSchema = z.strictObject({ ...req('listAttention') });
export const ClearAttentionRequestSchema = z.strictObject({ ...req('clearAttention'), deviceId: DeviceIdSchema });

export const CHAT_DESK_REQUEST_SCHEMAS = [
  GetDeviceBookRequestSchema,
  UpdateDeviceBookRequestSchema,
  SelectDevicesRequestSchema,
  ListQuickRepliesRequestSchema,
  SearchQuickRepliesRequestSchema,
  CreateQuickReplyRequestSchema,
  UpdateQuickReplyRequestSchema,
  DeleteQuickReplyRequestSchema,
  ReorderQuickRepliesRequestSchema,
  ImportQuickRepliesRequestSchema,
  ExportQuickRepliesRequestSchema,
  ListAttentionRequestSchema,
  ClearAttentionRequestSchema,
] as const;

/** Chat-desk requests a viewer may send: they only read. */
export const CHAT_DESK_READ_TYPES = [
  'getDeviceBook',
  'selectDevices',
  'listQuickReplies',
  'searchQuickReplies',
  'exportQuickReplies',
  'listAttention',
] as const;

export const WireDeviceBookEntrySchema = z.strictObject({
  deviceId: z.string(), name: z.string(), note: z.string(), tags: z.array(z.string()), updatedAt: z.number(),
});
export const WireDeviceGroupSchema = z.strictObject({ id: z.string(), name: z.string(), deviceIds: z.array(z.string()), updatedAt: z.number() });
export const WireDeviceBookSchema = z.strictObject({ entries: z.array(WireDeviceBookEntrySchema), groups: z.array(WireDeviceGroupSchema) });
export type WireDeviceBook = z.infer<typeof WireDeviceBookSchema>;

export const WireQuickReplySchema = z.strictObject({
  id: z.string(), category: z.string(), title: z.string().nullable(), text: z.string(), position: z.number(),
  shortcut: z.string().nullable(), createdAt: z.number(), updatedAt: z.number(),
});
export type WireQuickReply = z.infer<typeof WireQuickReplySchema>;

export interface WireImportReport {
  imported: number;
  rejected: { row: number; field: string; message: string }[];
}

/** Since when (ms) a phone's screen changed with no operator working it. */
export const WireAttentionSchema = z.strictObject({ since: z.number() });
export type WireAttention = z.infer<typeof WireAttentionSchema>;

/** Sent to every control client after each committed change of the device book (the whole book). */
export const DeviceBookEventSchema = z.strictObject({ type: z.literal('deviceBook'), book: WireDeviceBookSchema });
export type DeviceBookEvent = z.infer<typeof DeviceBookEventSchema>;
/** Sent to every control client after each committed change of the quick-reply library (the whole library). */
export const QuickRepliesEventSchema = z.strictObject({ type: z.literal('quickReplies'), replies: z.array(WireQuickReplySchema) });
export type QuickRepliesEvent = z.infer<typeof QuickRepliesEventSchema>;
/** A phone needs attention (`attention` set) or no longer does (`null`: an operator took it or sent it input). */
export const AttentionEventSchema = z.strictObject({ type: z.literal('attention'), deviceId: z.string(), attention: WireAttentionSchema.nullable() });
export type AttentionEvent = z.infer<typeof AttentionEventSchema>;

export const CHAT_DESK_EVENT_SCHEMAS = [DeviceBookEventSchema, QuickRepliesEventSchema, AttentionEventSchema] as const;

/** English wording of the texts the chat desk sends; keys are `chatDesk.*`. */
export const CHAT_DESK_TEXTS = {
  'chatDesk.groupNotFound': 'no group with id {{groupId}}',
  'chatDesk.replyNotFound': 'no quick reply with id {{replyId}}',
} as const satisfies TextCatalog;

export interface ChatDeskResultMap {
  getDeviceBook: WireDeviceBook;
  updateDeviceBook: WireDeviceBook;
  selectDevices: { deviceIds: string[] };
  listQuickReplies: { replies: WireQuickReply[]; categories: string[] };
  searchQuickReplies: { replies: WireQuickReply[] };
  createQuickReply: { reply: WireQuickReply };
  updateQuickReply: { reply: WireQuickReply };
  deleteQuickReply: Record<string, never>;
  reorderQuickReplies: { replies: WireQuickReply[] };
  importQuickReplies: WireImportReport;
  exportQuickReplies: { format: 'csv' | 'json'; content: string };
  listAttention: { attention: { deviceId: string; since: number }[] };
  clearAttention: Record<string, never>;
}
