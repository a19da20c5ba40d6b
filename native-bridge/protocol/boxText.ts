// Texts the box sends for a person to read (refusals, field problems, device reasons): a key and parameters on the
// wire next to the English message, so a console shows them in its user's language by the key. Each part of the
// protocol keeps its catalog of keys with their English wording; `boxTexts.ts` lists them all.
import { z } from 'zod';

export const BoxTextSchema = z.strictObject({
  key: z.string().min(1).max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type BoxText = z.infer<typeof BoxTextSchema>;

/** A part's texts: key → English wording with `{{name}}` placeholders. */
export type TextCatalog = Readonly<Record<string, string>>;

/** The wording with its placeholders filled (a placeholder without a value stays as it is). */
export function fillText(wording: string, params: BoxText['params'] = {}): string {
  return wording.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
