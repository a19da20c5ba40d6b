// Per-device ordering of phone actions.
import { expect, test } from 'vitest';
import { DeviceSerializer } from './deviceSerializer.ts';

test('actions on one device run in order, other devices are not held up, failures do not block', async () => {
  const serializer = new DeviceSerializer();
  const log: string[] = [];
  let releaseSlow: () => void = () => {};
  const slow = serializer.run('a', () => new Promise<void>((resolve) => (releaseSlow = () => (log.push('a:text'), resolve()))));
  const failing = serializer.run('a', async () => {
    log.push('a:fail');
    throw new Error('x');
  });
  const after = serializer.run('a', async () => void log.push('a:enter'));
  await serializer.run('b', async () => void log.push('b:tap'));
  expect(log).toEqual(['b:tap']);
  releaseSlow();
  await slow;
  await expect(failing).rejects.toThrow('x');
  await after;
  expect(log).toEqual(['b:tap', 'a:text', 'a:fail', 'a:enter']);
});
