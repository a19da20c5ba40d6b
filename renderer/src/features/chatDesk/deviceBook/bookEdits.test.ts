// Book edits: tags typed in any separator style, and batch patches that add and remove tags per phone.
import { describe, expect, it } from 'vitest';
import { bookStore } from '../../../testing/storeFixtures.ts';
import { batchTagPatches, parseTags, tagsOf } from './bookEdits.ts';

describe('device book edits', () => {
  it('parses typed tags and builds batch patches that add and remove tags per phone', () => {
    expect(parseTags(' 售后, #vip，早班  早班 ')).toEqual(['售后', 'vip', '早班']);
    const state = bookStore().getState();
    const devices = [state.devices['b1/p1']!, state.devices['b1/p4']!];
    expect(tagsOf(devices, state.deviceBooks)).toEqual(['售后', 'VIP']);
    const patches = batchTagPatches(devices, state.deviceBooks, ['早班'], ['VIP']);
    expect(patches.get('b1')).toEqual([
      { deviceId: 'p1', tags: ['售后', '早班'] },
      { deviceId: 'p4', tags: ['早班'] },
    ]);
  });
});
