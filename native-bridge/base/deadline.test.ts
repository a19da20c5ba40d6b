import { describe, expect, it } from 'vitest';
import { withDeadline } from './deadline.ts';

describe('withDeadline', () => {
  it('passes values and errors through before the deadline', async () => {
    await expect(withDeadline(Promise.resolve(3), 1_000, 'late')).resolves.toBe(3);
    await expect(withDeadline(Promise.reject(new Error('boom')), 1_000, 'late')).rejects.toThrow('boom');
  });

  it('rejects at the deadline and discards a value that arrives later', async () => {
    let deliver!: (value: string) => void;
    const slow = new Promise<string>((resolve) => (deliver = resolve));
    const discarded: string[] = [];
    await expect(withDeadline(slow, 20, 'no handshake', (late) => discarded.push(late))).rejects.toThrow('no handshake');
    deliver('socket');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(discarded).toEqual(['socket']);
  });
});
