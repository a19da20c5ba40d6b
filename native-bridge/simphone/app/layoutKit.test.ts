// Text fitting helpers with a fixed-width measure: wrapping, ellipsis and the visible tail of a field.
import { describe, expect, it } from 'vitest';
import { ellipsize, tailThatFits, wrapText } from './layoutKit.ts';

const measure = (text: string, size: number): number => Array.from(text).length * size;

describe('layoutKit text fitting', () => {
  it('wraps at any character and at newlines', () => {
    expect(wrapText('你好世界欢迎', 40, 10, measure)).toEqual(['你好世界', '欢迎']);
    expect(wrapText('ab\ncd', 100, 10, measure)).toEqual(['ab', 'cd']);
    expect(wrapText('', 100, 10, measure)).toEqual(['']);
  });

  it('cuts with an ellipsis only when needed', () => {
    expect(ellipsize('abc', 30, 10, measure)).toBe('abc');
    expect(ellipsize('abcdef', 40, 10, measure)).toBe('abc…');
    expect(ellipsize('😀😀😀😀', 20, 10, measure)).toBe('😀…');
  });

  it('keeps the end of a long field visible', () => {
    expect(tailThatFits('0123456789', 40, 10, measure)).toBe('6789');
    expect(tailThatFits('a\nb', 40, 10, measure)).toBe('a b');
    expect(tailThatFits('x'.repeat(5000), 30, 10, measure)).toBe('xxx');
  });
});
