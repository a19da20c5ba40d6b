// Every text the box may send for a person to read, by key, with its English wording: the core's and each
// feature's. Consoles translate exactly these keys (their tables are typed against this catalog).
import { CORE_TEXTS } from './coreTexts.ts';
import { FEATURE_TEXTS } from './features.ts';

export const BOX_TEXTS = { ...CORE_TEXTS, ...FEATURE_TEXTS } as const;
export type BoxTextKey = keyof typeof BOX_TEXTS;
export type CoreTextKey = keyof typeof CORE_TEXTS;
