// A small stand-in box for browser tests of the console: serves the built renderer and speaks protocol v1 on
// /ws/control and /ws/media (hello, listDevices, input, text, subscribe) with a real H.264 stream per device.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { DeviceInfo } from '../../native-bridge/protocol/boxMessages.ts';
import { ClientMessageSchema } from '../../native-bridge/protocol/clientMessages.ts';
import type { ClientMessage } from '../../native-bridge/protocol/clientMessages.ts';
import { encodeMediaFrame } from '../../native-bridge/protocol/mediaFrame.ts';
import type { H264Fixture } from './h264TestPattern.ts';

export interface RecordedRequest {
  deviceId: string;
  message: ClientMessage;
}

export interface FakeBoxOptions {
  rendererDir: string;
  token: string;
  devices: DeviceInfo[];
  video: Record<'grid' | 'focus', H264Fixture>;
  fps?: number;
  /** Announced in the hello; the console's own liveness check runs at this pace. */
  pingIntervalMs?: number;
}

const mime: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export class FakeBox {
  readonly requests: RecordedRequest[] = [];
  readonly devices = new Map<string, DeviceInfo>();
  private server: Server | null = null;
  private readonly wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('phonewall.v1') ? 'phonewall.v1' : false) });
  private readonly controls = new Set<WebSocket>();
  /** Per media socket: stream id → device and timer, so a test can end one device's streams. */
  private readonly mediaStreams = new Map<WebSocket, Map<number, { deviceId: string; timer: ReturnType<typeof setInterval> }>>();
  private readonly timers = new Set<ReturnType<typeof setInterval>>();
  port = 0;

  constructor(private readonly options: FakeBoxOptions) {
    for (const device of options.devices) this.devices.set(device.id, device);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => void this.serveFile(request.url ?? '/', response));
    server.on('upgrade', (request, socket, head) => {
      if (!this.authorized(request)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => (request.url?.startsWith('/ws/media') ? this.onMedia(ws) : this.onControl(ws)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Cuts every socket, as a box restart would; the HTTP server keeps listening so clients can come back. */
  dropConnections(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    for (const client of this.wss.clients) client.terminate();
    this.controls.clear();
  }

  /** A silent network drop: sockets stay open but nothing is read or sent any more (no close, no error). */
  freezeConnections(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    for (const client of this.wss.clients) {
      const socket = (client as unknown as { _socket: import('node:net').Socket })._socket;
      socket.pause();
      client.send = () => undefined;
    }
    this.controls.clear();
  }

  /** Ends every stream of a device, as a phone-side session restart would, without changing its state. */
  endStreams(deviceId: string): void {
    for (const [ws, streams] of this.mediaStreams) {
      for (const [streamId, stream] of streams) {
        if (stream.deviceId !== deviceId) continue;
        clearInterval(stream.timer);
        this.timers.delete(stream.timer);
        streams.delete(streamId);
        ws.send(JSON.stringify({ type: 'streamEnded', streamId, error: { code: 'internal', message: 'session restarted' } }));
      }
    }
  }

  setDeviceState(id: string, state: DeviceInfo['state'], reason: string | null): void {
    const device = this.devices.get(id);
    if (!device) return;
    const next = { ...device, state, reason };
    this.devices.set(id, next);
    for (const ws of this.controls) ws.send(JSON.stringify({ type: 'device', device: next, removed: false }));
  }

  requestsOf(type: ClientMessage['type'], deviceId?: string): ClientMessage[] {
    return this.requests.filter((entry) => entry.message.type === type && (!deviceId || entry.deviceId === deviceId)).map((entry) => entry.message);
  }

  private authorized(request: IncomingMessage): boolean {
    const offered = String(request.headers['sec-websocket-protocol'] ?? '').split(',').map((part) => part.trim());
    return offered.includes(`phonewall.token.${this.options.token}`) && request.headers.origin === this.url;
  }

  private hello(ws: WebSocket, socket: 'control' | 'media'): void {
    ws.send(JSON.stringify({ type: 'hello', protocolVersion: 1, role: 'operator', socket, box: { name: 'fake-box', version: '0.0.0' }, pingIntervalMs: this.options.pingIntervalMs ?? 15000 }));
  }

  private parse(ws: WebSocket, data: unknown): ClientMessage | null {
    const parsed = ClientMessageSchema.safeParse(JSON.parse(String(data)));
    if (!parsed.success) {
      ws.send(JSON.stringify({ type: 'response', id: null, ok: false, error: { code: 'bad_request', message: parsed.error.issues[0]?.message ?? 'bad' } }));
      return null;
    }
    const message = parsed.data;
    this.requests.push({ deviceId: 'deviceId' in message ? message.deviceId : '', message });
    return message;
  }

  private onControl(ws: WebSocket): void {
    this.controls.add(ws);
    ws.on('close', () => this.controls.delete(ws));
    this.hello(ws, 'control');
    ws.on('message', (data) => {
      const message = this.parse(ws, data);
      if (!message) return;
      const result = message.type === 'listDevices' ? { devices: [...this.devices.values()] } : message.type === 'ping' ? { now: Date.now() } : {};
      ws.send(JSON.stringify({ type: 'response', id: message.id, ok: true, result }));
    });
  }

  private onMedia(ws: WebSocket): void {
    this.hello(ws, 'media');
    let nextStreamId = 1;
    const streams = new Map<number, { deviceId: string; timer: ReturnType<typeof setInterval> }>();
    this.mediaStreams.set(ws, streams);
    ws.on('message', (data) => {
      const message = this.parse(ws, data);
      if (!message) return;
      if (message.type === 'subscribe') {
        const streamId = nextStreamId++;
        ws.send(JSON.stringify({ type: 'response', id: message.id, ok: true, result: { streamId, deviceId: message.deviceId, profile: message.profile } }));
        streams.set(streamId, { deviceId: message.deviceId, timer: this.stream(ws, streamId, this.options.video[message.profile]) });
      } else if (message.type === 'unsubscribe') {
        const stream = streams.get(message.streamId);
        if (stream) {
          clearInterval(stream.timer);
          this.timers.delete(stream.timer);
        }
        streams.delete(message.streamId);
        ws.send(JSON.stringify({ type: 'response', id: message.id, ok: true, result: {} }));
      } else {
        ws.send(JSON.stringify({ type: 'response', id: message.id, ok: true, result: {} }));
      }
    });
    ws.on('close', () => {
      for (const { timer } of streams.values()) {
        clearInterval(timer);
        this.timers.delete(timer);
      }
      this.mediaStreams.delete(ws);
    });
  }

  /** Config, then the access units in a loop at the fixture's rate (the loop restarts at its key frame). */
  private stream(ws: WebSocket, streamId: number, video: H264Fixture): ReturnType<typeof setInterval> {
    const base = { streamId, width: video.width, height: video.height };
    ws.send(encodeMediaFrame({ ...base, config: true, keyframe: false, pts: 0n }, video.config));
    let index = 0;
    let pts = 0n;
    const send = () => {
      const frame = video.frames[index % video.frames.length]!;
      index++;
      pts += 66_666n;
      if (ws.readyState === ws.OPEN) ws.send(encodeMediaFrame({ ...base, config: false, keyframe: frame.keyframe, pts }, frame.data));
    };
    send();
    const timer = setInterval(send, Math.round(1000 / (this.options.fps ?? 15)));
    this.timers.add(timer);
    return timer;
  }

  private async serveFile(url: string, response: import('node:http').ServerResponse): Promise<void> {
    const pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
    const root = path.resolve(this.options.rendererDir);
    const file = path.resolve(root, pathname === '/' ? 'index.html' : pathname.slice(1));
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': mime[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  }
}
