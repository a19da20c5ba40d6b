import { describe, expect, it } from 'vitest';
import { EventSource } from './events.ts';

describe('EventSource', () => {
  it('delivers to every listener until it unsubscribes, and a throwing listener does not stop the others', () => {
    const errors: unknown[] = [];
    const source = new EventSource<[string, number]>((error) => errors.push(error));
    const seen: string[] = [];
    source.on(() => {
      throw new Error('broken listener');
    });
    const off = source.on((name, n) => seen.push(`${name}${n}`));
    source.emit('a', 1);
    off();
    source.emit('b', 2);
    expect(seen).toEqual(['a1']);
    expect(errors).toHaveLength(2);
    expect(source.listenerCount).toBe(1);
  });
});
