// The one animation-frame loop: every fresh tile draws, within a time budget.
import { describe, expect, it } from 'vitest';
import { FrameScheduler } from './frameScheduler.ts';

describe('frame scheduler', () => {
  function harness(budgetMs: number, costMs: number) {
    const queued: (() => void)[] = [];
    let now = 0;
    const scheduler = new FrameScheduler({ requestFrame: (callback) => queued.push(callback), cancelFrame: () => undefined, now: () => now, budgetMs });
    const draws: string[] = [];
    const fresh = new Set<string>();
    const target = (name: string) => ({
      draw: () => {
        if (!fresh.delete(name)) return false;
        now += costMs;
        draws.push(name);
        return true;
      },
    });
    return { queued, scheduler, draws, fresh, target };
  }

  it('draws every fresh target once per animation frame and sleeps when nothing wakes it', () => {
    const { queued, scheduler, draws, fresh, target } = harness(12, 1);
    const removeA = scheduler.add(target('a'));
    scheduler.add(target('b'));
    fresh.add('a').add('b');
    scheduler.wake();
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(draws).toEqual(['a', 'b']);
    expect(queued).toHaveLength(0);
    removeA();
    fresh.add('a').add('b');
    scheduler.wake();
    queued.shift()!();
    expect(draws).toEqual(['a', 'b', 'b']);
  });

  it('stops at the time budget and lets skipped tiles draw first in the next frame', () => {
    const { queued, scheduler, draws, fresh, target } = harness(10, 4);
    for (const name of ['a', 'b', 'c', 'd', 'e']) scheduler.add(target(name));
    for (const name of ['a', 'b', 'c', 'd', 'e']) fresh.add(name);
    queued.shift()!();
    expect(draws).toEqual(['a', 'b', 'c']);
    expect(queued).toHaveLength(1);
    fresh.add('a');
    queued.shift()!();
    expect(draws).toEqual(['a', 'b', 'c', 'd', 'e', 'a']);
  });
});
