// Text editing in a focused field: typing keyable characters, pasting, deleting, all caret-aware.
import type { TextField } from './appState.ts';

/**
 * Keeps only what Android's virtual keyboard map can type (printable ASCII, newline, tab), like
 * INJECT_TEXT / `input text`: everything else (CJK, emoji) is dropped, not an error.
 */
export function keyableText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || ch === '\n' || ch === '\t') out += ch;
  }
  return out;
}

export function insertText(field: TextField, text: string): TextField {
  const caret = clampCaret(field);
  return { text: field.text.slice(0, caret) + text + field.text.slice(caret), caret: caret + text.length };
}

/** Deletes the code point before the caret (an emoji's surrogate pair goes at once). */
export function deleteBackward(field: TextField): TextField {
  const caret = clampCaret(field);
  if (caret === 0) return field;
  const low = field.text.charCodeAt(caret - 1);
  const high = caret >= 2 ? field.text.charCodeAt(caret - 2) : 0;
  const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
  return { text: field.text.slice(0, caret - width) + field.text.slice(caret), caret: caret - width };
}

/** Deletes the code point after the caret. */
export function deleteForward(field: TextField): TextField {
  const caret = clampCaret(field);
  if (caret >= field.text.length) return field;
  const code = field.text.codePointAt(caret) ?? 0;
  const width = code > 0xffff ? 2 : 1;
  return { text: field.text.slice(0, caret) + field.text.slice(caret + width), caret };
}

export function moveCaret(field: TextField, delta: -1 | 1): TextField {
  const caret = clampCaret(field);
  if (delta < 0) {
    if (caret === 0) return field;
    const low = field.text.charCodeAt(caret - 1);
    return { ...field, caret: caret - (low >= 0xdc00 && low <= 0xdfff && caret >= 2 ? 2 : 1) };
  }
  if (caret >= field.text.length) return field;
  const code = field.text.codePointAt(caret) ?? 0;
  return { ...field, caret: caret + (code > 0xffff ? 2 : 1) };
}

export const emptyField = (): TextField => ({ text: '', caret: 0 });

function clampCaret(field: TextField): number {
  return Math.max(0, Math.min(field.caret, field.text.length));
}
