import { describe, expect, it } from 'vitest';
import { SequencerByKey } from './sequencer.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('SequencerByKey', () => {
  it('runs the tasks of one key in order, one at a time, and other keys beside them', async () => {
    const lanes = new SequencerByKey();
    const events: string[] = [];
    const task = (name: string, ms: number) => () => {
      events.push(`start ${name}`);
      return new Promise<string>((resolve) => setTimeout(() => (events.push(`end ${name}`), resolve(name)), ms));
    };
    const results = await Promise.all([lanes.queue('a', task('a1', 20)), lanes.queue('a', task('a2', 1)), lanes.queue('b', task('b1', 5))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(events.indexOf('end a1')).toBeLessThan(events.indexOf('start a2'));
    expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'));
  });

  it('a failing task does not block the ones after it, and a synchronous throw becomes a rejection', async () => {
    const lanes = new SequencerByKey();
    const failed = lanes.queue('a', async () => {
      throw new Error('boom');
    });
    const thrown = lanes.queue('a', () => {
      throw new Error('sync');
    });
    const after = lanes.queue('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync');
    await expect(after).resolves.toBe('ok');
    await tick();
    expect(lanes.busyKeys).toBe(0);
  });

  it('starts a task on an idle lane synchronously', () => {
    const lanes = new SequencerByKey();
    let started = false;
    void lanes.queue('a', async () => {
      started = true;
    });
    expect(started).toBe(true);
  });
});
