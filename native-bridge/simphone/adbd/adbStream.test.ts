// ADB flow control on the phone side: one WRTE in flight, chunking by maxdata, pending bytes, close semantics.
import { expect, test } from 'vitest';
import { AdbStream, AdbStreamClosedError, type AdbStreamLink } from './adbStream.ts';

function link(maxPayload = 4) {
  const sent: { kind: 'write' | 'close'; data?: number[] }[] = [];
  const value: AdbStreamLink = {
    sendWrite: (_local, _remote, data) => sent.push({ kind: 'write', data: [...data] }),
    sendClose: () => sent.push({ kind: 'close' }),
    maxPayload: () => maxPayload,
  };
  return { sent, value };
}

test('nothing is sent before start; then one chunk at a time, each after the host OKAY', async () => {
  const { sent, value } = link(4);
  const stream = new AdbStream(1, 9, value);
  let firstDone = false;
  const first = stream.write(Uint8Array.of(1, 2, 3, 4, 5, 6)).then(() => (firstDone = true));
  const second = stream.write(Uint8Array.of(7));
  expect(sent).toHaveLength(0);
  expect(stream.pendingBytes).toBe(7);
  stream.start();
  expect(sent).toEqual([{ kind: 'write', data: [1, 2, 3, 4] }]);
  stream.handleAck();
  expect(sent.at(-1)).toEqual({ kind: 'write', data: [5, 6] });
  await Promise.resolve();
  expect(firstDone).toBe(false);
  stream.handleAck();
  await first;
  expect(stream.pendingBytes).toBe(1);
  expect(sent.at(-1)).toEqual({ kind: 'write', data: [7] });
  stream.handleAck();
  await second;
  expect(stream.pendingBytes).toBe(0);
  expect(sent.filter((packet) => packet.kind === 'write')).toHaveLength(3);
});

test('closing rejects queued writes, sends one CLSE, and tells listeners once', async () => {
  const { sent, value } = link();
  const stream = new AdbStream(1, 9, value);
  stream.start();
  let closes = 0;
  stream.onClose(() => (closes += 1));
  const pending = stream.write(Uint8Array.of(1));
  stream.close();
  stream.close();
  await expect(pending).rejects.toBeInstanceOf(AdbStreamClosedError);
  await expect(stream.write(Uint8Array.of(2))).rejects.toBeInstanceOf(AdbStreamClosedError);
  expect(sent.filter((packet) => packet.kind === 'close')).toHaveLength(1);
  expect(closes).toBe(1);
  expect(stream.pendingBytes).toBe(0);
});

test('host data that arrives before a listener is kept for it', () => {
  const stream = new AdbStream(1, 9, link().value);
  stream.handleData(Uint8Array.of(1));
  stream.handleData(Uint8Array.of(2));
  const seen: number[] = [];
  stream.onData((data) => seen.push(...data));
  stream.handleData(Uint8Array.of(3));
  expect(seen).toEqual([1, 2, 3]);
});

test('a remote close ends the stream without sending CLSE back from the stream', () => {
  const { sent, value } = link();
  const stream = new AdbStream(1, 9, value);
  stream.start();
  stream.handleRemoteClose();
  expect(stream.closed).toBe(true);
  expect(sent).toHaveLength(0);
});
