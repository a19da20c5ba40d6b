// The attention choices in storage survive a damaged entry; badge times read 10:42 today, 11-22 10:42 otherwise.
import { describe, expect, it } from 'vitest';
import { parseAttentionPreferences } from './attentionPreferences.ts';
import { attentionTimeLabel } from './attentionTime.ts';

describe('attention preferences and times', () => {
  it('keeps its choices through a damaged storage entry and labels times', () => {
    expect(parseAttentionPreferences('{"attentionFirst":true,"notifyBoxes":["b1",3]}')).toEqual({ attentionFirst: true, notifyBoxes: ['b1'] });
    expect(parseAttentionPreferences('{nope')).toEqual({ attentionFirst: false, notifyBoxes: [] });
    const at = new Date(2026, 10, 22, 10, 42).getTime();
    expect(attentionTimeLabel(at, at + 60_000)).toBe('10:42');
    expect(attentionTimeLabel(at, at + 86_400_000)).toBe('11-22 10:42');
  });
});
