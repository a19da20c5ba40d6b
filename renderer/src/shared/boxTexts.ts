// The box's texts in the user's language: a refusal, a field problem or a reason carries a key of the protocol's
// text catalog; the console shows its translation, or the box's English when it has no key (an older box).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreTextKey } from '../../../native-bridge/protocol/boxTexts.ts';
import type { ProtocolText } from '../../../native-bridge/protocol/errorCodes.ts';

/** How a console names a box text: its translation by key, else the English the box sent. */
export type TextTranslator = (text: ProtocolText | undefined, english: string) => string;

export const englishTexts: TextTranslator = (_text, english) => english;

/** The i18n namespace of box texts: English is the protocol's own catalog, other languages come from the tables. */
export const BOX_TEXTS_NAMESPACE = 'boxTexts';

/** A translation table for some of the catalog's keys (a feature translates exactly its own). */
export type BoxTextTable<K extends string> = Readonly<Record<K, string>>;
export type CoreTextTable = BoxTextTable<CoreTextKey>;

export function useBoxTexts(): TextTranslator {
  const { t, i18n } = useTranslation(BOX_TEXTS_NAMESPACE);
  return useCallback(
    (text, english) => (text && i18n.exists(text.key, { ns: BOX_TEXTS_NAMESPACE }) ? t(text.key, text.params ?? {}) : english),
    [t, i18n],
  );
}
