// The one link to a box: token as subprotocol, online on hello, typed events and ready handlers, reconnect with the
// protocol's backoff rule, resubscribed streams, and input sent at once for the box to order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../../../native-bridge/protocol/backoff.ts';
import { encodeMediaFrame } from '../../../../native-bridge/protocol/mediaFrame.ts';
import { createConsoleStore } from '../state/coreState.ts';
import { BoxConnection, reconnectBackoff } from './boxConnection.ts';
import { BoxLinks } from './boxLinks.ts';

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

  beforeEach(() => {
    vi.useFakeTimers();
    ScriptedSocket.all = [];
    vi.stubGlobal('WebSocket', ScriptedSocket);
    links = [];
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const socketOptions = (reachable: boolean) => ({
    createSocket: (url: string, protocols: string[]) => new ScriptedSocket(url, protocols) as unknown as WebSocket,
    isReachable: async () => reachable,
    random: () => 0,
  });
  const connect = (reachable = false) =>
    new BoxConnection({ url: 'http://127.0.0.1:7100', token: 'tok-12345678', onLink: (state, details) => links.push({ state, reason: details.reason }), ...socketOptions(reachable) });

  it('carries the token as a subprotocol, goes online on hello and lists devices', async () => {
    const store = createConsoleStore();
    const boxes = new BoxLinks(store, [], socketOptions(false));
    boxes.connect({ id: 'b', name: '', url: 'http://127.0.0.1:7100', token: 'tok-12345678', embedded: false });
    const [control] = socketsFor('/ws/control');
    expect(control!.protocols).toEqual(['phonewall.v1', 'phonewall.token.tok-12345678']);
    control!.open('control');
    expect(store.getState().boxes.b).toMatchObject({ state: 'online', reason: null, role: 'operator', name: 'b' });
    control!.answer('listDevices', { devices: [{ id: 'sim-1', serial: 'sim-1', model: 'Sim', width: 720, height: 1600, source: 'simulated', simulated: true, state: 'online', reason: null }] });
    await vi.waitFor(() => expect(Object.keys(store.getState().devices)).toEqual(['b/sim-1']));
    boxes.stopAll();
  });

  it('hands events to the listeners of their type, and runs ready handlers on every connect once it reads online', async () => {
    const connection = connect();
    const books: unknown[] = [];
    const ready: string[] = [];
    const stop = connection.on('deviceBook', (event) => books.push(event.book));
    connection.onReady(() => ready.push(links.at(-1)!.state));
    connection.start();
    const control = socketsFor('/ws/control')[0]!;
    control.open('control');
    control.receive({ type: 'deviceBook', book: { entries: [], groups: [] } });
    control.receive({ type: 'quickReplies', replies: [] });
    expect(books).toEqual([{ entries: [], groups: [] }]);
    stop();
    control.receive({ type: 'deviceBook', book: { entries: [], groups: [] } });
    expect(books).toHaveLength(1);
    control.drop();
    await vi.waitFor(() => expect(links.at(-1)!.state).toBe('offline'));
    await vi.advanceTimersByTimeAsync(500);
    socketsFor('/ws/control')[1]!.open('control');
    expect(ready).toEqual(['online', 'online']);
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

  it('sends text and key presses at once, in the order given: the box keeps each phone\'s input in order', async () => {
    const connection = connect();
    connection.start();
    const control = socketsFor('/ws/control')[0]!;
    control.open('control');
    connection.text('sim-1', '你好').catch(() => undefined);
    connection.input('sim-1', { kind: 'key', action: 'press', key: 'enter' }).catch(() => undefined);
    const typed = () => control.sent.filter((m) => m.type === 'text' || m.type === 'input');
    expect(typed().map((m) => m.type)).toEqual(['text', 'input']);
    control.answer('text', {});
    control.answer('input', {});
    connection.stop();
  });

  it('rejects a request with `offline` while the link is down', async () => {
    const connection = connect();
    await expect(connection.request({ type: 'listDevices' })).rejects.toMatchObject({ code: 'offline' });
  });
});

describe('reconnect delays', () => {
  it('back off exponentially up to the cap, with bounded jitter', () => {
    const none = () => 0;
    const full = () => 1;
    expect(backoffDelay(0, reconnectBackoff, none)).toBe(500);
    expect(backoffDelay(3, reconnectBackoff, none)).toBe(4000);
    expect(backoffDelay(30, reconnectBackoff, none)).toBe(10_000);
    expect(backoffDelay(3, reconnectBackoff, full)).toBe(2800);
  });
});
