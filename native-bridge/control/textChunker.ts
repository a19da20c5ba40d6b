// Splits text to type into scrcpy-sized pieces: INJECT_TEXT for printable ASCII, clipboard pastes for the rest.

/** INJECT_TEXT carries at most 300 bytes (the server rejects longer). */
export const injectTextMaxBytes = 300;
/** One SET_CLIPBOARD+paste chunk; well under the 256 KiB message cap so one paste never stalls the socket. */
export const pasteChunkMaxBytes = 4_096;
/** The most text one call may type. */
export const textMaxBytes = 64 * 1024;

export type TextChunk = { kind: 'inject'; text: string } | { kind: 'paste'; text: string };

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).byteLength;
}

/** Printable ASCII only: INJECT_TEXT drops every character without a key mapping (all CJK), so it is not used for them. */
export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * Text that is all printable ASCII is injected; anything else is pasted whole through the clipboard
 * (mixing both per run would interleave two delivery paths and save nothing the operator notices).
 * Chunks never split a code point.
 */
export function chunkText(text: string): TextChunk[] {
  if (text.length === 0) return [];
  const kind = isPrintableAscii(text) ? 'inject' : 'paste';
  const limit = kind === 'inject' ? injectTextMaxBytes : pasteChunkMaxBytes;
  const chunks: TextChunk[] = [];
  let current = '';
  let currentBytes = 0;
  for (const codePoint of text) {
    const bytes = utf8Length(codePoint);
    if (currentBytes + bytes > limit) {
      chunks.push({ kind, text: current });
      current = '';
      currentBytes = 0;
    }
    current += codePoint;
    currentBytes += bytes;
  }
  chunks.push({ kind, text: current });
  return chunks;
}
