// Typed and pasted text split into requests the box accepts.
import { describe, expect, it } from 'vitest';
import { coalesceText, splitTextForPhone } from './textSplitting.ts';

describe('text splitting', () => {
  it('keeps short text whole and normalises line endings', () => {
    expect(splitTextForPhone('你好\r\nok')).toEqual(['你好\nok']);
    expect(splitTextForPhone('')).toEqual([]);
  });

  it('splits long text under the limit without cutting a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(5);
    const chunks = splitTextForPhone(text, 4);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4);
      expect(/[\uD800-\uDBFF]$/.test(chunk)).toBe(false);
    }
  });

  it('coalesces pending pieces in order', () => {
    expect(coalesceText(['你好，', '欢迎光临', 'ok 123'], 5000)).toEqual(['你好，欢迎光临ok 123']);
  });
});
