import { describe, expect, it } from 'vitest';
import { chunkText, injectTextMaxBytes, isPrintableAscii, pasteChunkMaxBytes, utf8Length } from './textChunker.ts';

describe('chunkText', () => {
  it('injects printable ASCII in chunks of at most 300 bytes', () => {
    const text = 'hello world '.repeat(60);
    const chunks = chunkText(text);
    expect(chunks.every((c) => c.kind === 'inject')).toBe(true);
    expect(chunks.every((c) => utf8Length(c.text) <= injectTextMaxBytes)).toBe(true);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    expect(chunks).toHaveLength(Math.ceil(utf8Length(text) / injectTextMaxBytes));
  });

  it('pastes anything that is not printable ASCII, whole, without splitting code points', () => {
    const text = '你好，世界 hello 😀\n'.repeat(400);
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.kind === 'paste')).toBe(true);
    expect(chunks.every((c) => utf8Length(c.text) <= pasteChunkMaxBytes)).toBe(true);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    // No chunk starts with a lone low surrogate (a split emoji).
    expect(chunks.every((c) => !/^[\udc00-\udfff]/.test(c.text))).toBe(true);
  });

  it('classifies control characters and CJK as not injectable', () => {
    expect(isPrintableAscii('abc ~')).toBe(true);
    expect(isPrintableAscii('a\nb')).toBe(false);
    expect(isPrintableAscii('中')).toBe(false);
    expect(chunkText('')).toEqual([]);
    expect(chunkText('中文')).toEqual([{ kind: 'paste', text: '中文' }]);
  });
});
