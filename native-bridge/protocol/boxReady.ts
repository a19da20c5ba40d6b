// The one line a box process prints on standard output once it serves: how a parent process (the desktop app) learns
// where the box listens and where its admin token is, without reading the human log.
import { z } from 'zod';

export const BoxReadySchema = z.strictObject({
  type: z.literal('boxReady'),
  /** Base URL of the box, e.g. `http://127.0.0.1:7100`. */
  url: z.url(),
  /** File holding the admin token (the token itself is never printed). */
  adminTokenPath: z.string().min(1),
  protocolVersion: z.int(),
  box: z.strictObject({ name: z.string(), version: z.string() }),
});
export type BoxReady = z.infer<typeof BoxReadySchema>;

/** The line as printed (JSON, no line breaks inside). */
export function formatBoxReady(ready: BoxReady): string {
  return JSON.stringify(ready);
}

/** The announcement in one printed line, or null for every other line of the box's output. */
export function parseBoxReady(line: string): BoxReady | null {
  const text = line.trim();
  if (!text.startsWith('{') || !text.includes('"boxReady"')) return null;
  try {
    const parsed = BoxReadySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
