// How the box says something a person reads: a key of the protocol's text catalog with its parameters, and the
// English wording filled in for logs and older consoles.
import { BOX_TEXTS } from '../protocol/boxTexts.ts';
import type { BoxTextKey } from '../protocol/boxTexts.ts';
import { fillText } from '../protocol/boxText.ts';
import type { BoxText } from '../protocol/boxText.ts';

export interface Said {
  text: BoxText;
  /** The English wording. */
  message: string;
}

export function say(key: BoxTextKey, params?: Record<string, string | number>): Said {
  return { text: params ? { key, params } : { key }, message: fillText(BOX_TEXTS[key], params) };
}
