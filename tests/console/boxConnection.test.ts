import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeMediaFrame } from '../../native-bridge/protocol/mediaFrame.ts';
import { BoxConnection } from '../../renderer/src/shared/connection/boxConnection.ts';
import type { BoxConnectionEvents } from '../../renderer/src/shared/connection/boxConnection.ts';

/** A scripted stand-in for the browser WebSocket: the test opens, answers and closes it. */
class ScriptedSocket {
  static readonly OPEN = 1;
  static all: ScriptedSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string, readonly protocols: string[]) {
    ScriptedSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(): void {
    this.drop(1000);
  }
  open(socket: 'control' | 'media'): void {
    this.readyState = 1;
    this.onopen?.();
    this.receive({ type: 'hello', protocolVersion: 1, role: 'operator', socket, box: { name: 'b', version: '1' }, pingIntervalMs: 15000 });
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  answer(type: string, result: unknown): void {
    const request = this.sent.find((message) => message.type === type && !(message as { answered?: boolean }).answered) as { id: number; answered?: boolean };
    request.answered = true;
    this.receive({ type: 'response', id: request.id, ok: true, result });
  }
  drop(code = 1006): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const socketsFor = (path: string) => ScriptedSocket.all.filter((socket) => socket.url.endsWith(path));

describe('BoxConnection', () => {
  let links: { state: string; reason: string | null }[];
  let events: BoxConnectionEvents;

  beforeEach(() => {
    vi.useFakeTimers();
    ScriptedSocket.all = [];
    vi.stubGlobal('WebSocket', ScriptedSocket);
    links = [];
    events = { onLink: (state, details) => links.push({ state, reason: details.reason }), onDevices: vi.fn(), onDevice: vi.fn() };
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const connect = (reachable = false) =>
    new BoxConnection({ url: 'http://127.0.0.1:7100', token: 'tok-12345678', events, createSocket: (url, protocols) => new ScriptedSocket(url, protocols) as unknown as WebSocket, isReachable: async () => reachable, random: () => 1 });

  it('carries the token as a subprotocol, goes online on hello and lists devices', async () => {
    const connection = connect();
    connection.start();
    const [control] = socketsFor('/ws/control');
    expect(control!.protocols).toEqual(['phonewall.v1', 'phonewall.token.tok-12345678']);
    control!.open('control');
    expect(links.at(-1)).toEqual({ state: 'online', reason: null });
    control!.answer('listDevices', { devices: [] });
    await vi.waitFor(() => expect(events.onDevices).toHaveBeenCalledWith([]));
    connection.stop();
  });

  it('reconnects with backoff after a drop and subscribes its streams again', async () => {
    const connection = connect();
    connection.start();
    socketsFor('/ws/control')[0]!.open('control');
    const media = socketsFor('/ws/media')[0]!;
    media.open('media');
    const frames: number[] = [];
    connection.subscribe('sim-1', 'grid', { onFrame: (frame) => frames.push(frame.header.streamId), onEnded: () => undefined });
    media.answer('subscribe', { streamId: 9, deviceId: 'sim-1', profile: 'grid' });
    await vi.waitFor(() => expect(media.sent.some((m) => m.type === 'subscribe')).toBe(true));
    await Promise.resolve();
    media.onmessage?.({ data: encodeMediaFrame({ streamId: 9, config: true, keyframe: false, width: 2, height: 2, pts: 0n }, new Uint8Array([0, 0, 1, 0x67])).buffer });
    expect(frames).toEqual([9]);

    media.drop();
    await vi.waitFor(() => expect(links.at(-1)).toEqual({ state: 'offline', reason: 'connectionLost' }));
    expect(socketsFor('/ws/control')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(socketsFor('/ws/control')).toHaveLength(2);
    socketsFor('/ws/control')[1]!.open('control');
    const media2 = socketsFor('/ws/media')[1]!;
    media2.open('media');
    expect(media2.sent.filter((m) => m.type === 'subscribe')).toEqual([expect.objectContaining({ deviceId: 'sim-1', profile: 'grid' })]);
    connection.stop();
  });

  it('stops retrying when the box is reachable but refuses the token', async () => {
    const connection = connect(true);
    connection.start();
    socketsFor('/ws/control')[0]!.drop();
    await vi.waitFor(() => expect(links.at(-1)).toEqual({ state: 'unauthorized', reason: 'tokenRefused' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socketsFor('/ws/control')).toHaveLength(1);
    connection.stop();
  });

  it('sends key presses and text one after another, each waiting for its answer', async () => {
    const connection = connect();
    connection.start();
    const control = socketsFor('/ws/control')[0]!;
    control.open('control');
    connection.text('sim-1', '你好').catch(() => undefined);
    connection.input('sim-1', { kind: 'key', action: 'press', key: 'enter' }).catch(() => undefined);
    const typed = () => control.sent.filter((m) => m.type === 'text' || m.type === 'input');
    await vi.waitFor(() => expect(typed()).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(50);
    expect(typed()).toHaveLength(1);
    control.answer('text', {});
    await vi.waitFor(() => expect(typed()).toHaveLength(2));
    expect(typed().map((m) => m.type)).toEqual(['text', 'input']);
    connection.stop();
  });
});
