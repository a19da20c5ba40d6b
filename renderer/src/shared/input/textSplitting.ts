// Splits typed or pasted text into `text` requests the box accepts, never cutting a character in two.
import { Limits } from '../../../../native-bridge/protocol/limits.ts';

/** Chunks of at most `maxUnits` UTF-16 units (the box counts like JS), split on code-point boundaries. */
export function splitTextForPhone(text: string, maxUnits: number = Limits.textMaxChars): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  const chunks: string[] = [];
  let current = '';
  for (const char of normalized) {
    if (current.length + char.length > maxUnits) {
      chunks.push(current);
      current = '';
    }
    current += char;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Joins consecutive pending text pieces so a fast typist's characters travel as few requests as possible. */
export function coalesceText(pending: string[], maxUnits: number = Limits.textMaxChars): string[] {
  return splitTextForPhone(pending.join(''), maxUnits);
}
