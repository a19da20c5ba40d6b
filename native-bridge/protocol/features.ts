// The feature parts of protocol v1, listed once: their requests, events, results, texts and the requests a viewer may send.
// A new feature adds its messages file and one entry per list here; nothing else in the protocol changes.
import { CHAT_DESK_EVENT_SCHEMAS, CHAT_DESK_READ_TYPES, CHAT_DESK_REQUEST_SCHEMAS, CHAT_DESK_TEXTS } from './chatDeskMessages.ts';
import type { ChatDeskResultMap } from './chatDeskMessages.ts';
import { POSTING_EVENT_SCHEMAS, POSTING_READ_TYPES, POSTING_REQUEST_SCHEMAS, POSTING_TEXTS } from './postingMessages.ts';
import type { PostingResultMap } from './postingMessages.ts';

export const FEATURE_REQUEST_SCHEMAS = [...POSTING_REQUEST_SCHEMAS, ...CHAT_DESK_REQUEST_SCHEMAS] as const;
export const FEATURE_EVENT_SCHEMAS = [...POSTING_EVENT_SCHEMAS, ...CHAT_DESK_EVENT_SCHEMAS] as const;
export const FEATURE_READ_TYPES = [...POSTING_READ_TYPES, ...CHAT_DESK_READ_TYPES] as const;
export const FEATURE_TEXTS = { ...POSTING_TEXTS, ...CHAT_DESK_TEXTS } as const;

export interface FeatureResultMap extends PostingResultMap, ChatDeskResultMap {}
