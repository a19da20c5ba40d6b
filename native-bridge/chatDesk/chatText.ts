// Validation rules shared by the chat tools: trimmed text with a length limit and no control characters.
import { z } from 'zod';

/** Counted in code points: a Chinese character or an emoji is one, as a person counts. */
export const codePoints = (text: string): number => [...text].length;

// C0/C1 controls, DEL, and the bidi overrides that can make a name display as something else.
const controlChars = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// Multi-line texts keep newlines and tabs; everything else of the above is refused.
const controlCharsExceptLines = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

interface TextRule {
  max: number;
  /** Allows newlines and tabs (notes, reply texts). */
  multiline?: boolean;
  /** Refuses the empty string (after trimming). */
  required?: boolean;
}

/** A trimmed string of at most `max` code points without control characters. */
export function cleanText(label: string, rule: TextRule): z.ZodType<string, unknown> {
  const forbidden = rule.multiline ? controlCharsExceptLines : controlChars;
  return z
    .string({ error: `${label} must be text` })
    .transform((text) => text.replace(/\r\n?/g, '\n').trim())
    .refine((text) => !rule.required || text.length > 0, `${label} is empty`)
    .refine((text) => codePoints(text) <= rule.max, `${label} is longer than ${rule.max} characters`)
    .refine((text) => !forbidden.test(text), `${label} contains control characters`);
}
