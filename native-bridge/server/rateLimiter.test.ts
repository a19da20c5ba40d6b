// Token bucket: a burst is allowed, then the steady rate, measured on an injected clock.
import { expect, test } from 'vitest';
import { RateLimiter } from './rateLimiter.ts';

test('allows the burst, refuses beyond it, refills at the rate', () => {
  let now = 0;
  const limiter = new RateLimiter(10, 5, () => now);
  const taken = Array.from({ length: 8 }, () => limiter.take());
  expect(taken.filter(Boolean)).toHaveLength(5);
  now += 300;
  expect([limiter.take(), limiter.take(), limiter.take(), limiter.take()].filter(Boolean)).toHaveLength(3);
  now += 60_000;
  expect(Array.from({ length: 10 }, () => limiter.take()).filter(Boolean)).toHaveLength(5);
});
