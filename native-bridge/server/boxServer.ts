// The box's HTTP + WebSocket server: /healthz, static console files, /ws/control and /ws/media behind the guard.
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { DeviceHub, DeviceInfo } from '../devices/deviceHub.ts';
import type { BoxPosting } from '../posting/boxPosting.ts';
import { wireChatToolsEvents } from './attentionWiring.ts';
import type { BoxChatTools } from './boxChatTools.ts';
import type { JobChange } from '../posting/jobFeed.ts';
import type { ClipboardEvent, DeviceEvent } from '../protocol/boxMessages.ts';
import type { JobEvent } from '../protocol/postingMessages.ts';
import { SocketKind } from '../protocol/clientMessages.ts';
import { CloseCode, Limits } from '../protocol/limits.ts';
import { roleReceivesEvent } from '../protocol/roles.ts';
import type { Role } from '../protocol/roles.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import { MediaRelay } from '../relay/mediaRelay.ts';
import type { BackpressurePolicy } from '../relay/viewerStream.ts';
import type { VideoPacket } from '../devices/deviceHub.ts';
import { serveConnection } from './clientConnection.ts';
import { runControlRequest, wireDevice } from './controlRequests.ts';
import { DeviceSerializer } from './deviceSerializer.ts';
import { Liveness } from './liveness.ts';
import { MediaHttp } from './mediaHttp.ts';
import { MediaSession } from './mediaSession.ts';
import { wireJob, wireTransition } from './postingRequests.ts';
import { PushUploads } from './pushUploads.ts';
import { SECURITY_HEADERS, StaticFiles } from './staticFiles.ts';
import type { TokenStore } from './tokenStore.ts';
import { checkUpgrade, chooseSubprotocol } from './upgradeGuard.ts';
import type { Allowlists } from './upgradeGuard.ts';

export interface BoxServerOptions {
  hub: DeviceHub;
  tokens: TokenStore;
  allowlists: (port: number) => Allowlists;
  rendererDir: string | null;
  tls: { cert: Buffer; key: Buffer } | null;
  backpressure: BackpressurePolicy;
  pingIntervalMs: number;
  box: { name: string; version: string };
  now: () => number;
  log: (line: string) => void;
  onPacketSent?: (packet: VideoPacket) => void;
  /** Scheduled posting (store, engine); null when it is off. */
  posting?: BoxPosting | null;
  /** Device book, quick replies, needs-attention; null when off. */
  chatTools?: BoxChatTools | null;
}

interface ControlClient {
  ws: WebSocket;
  role: Role;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

export class BoxServer {
  private readonly server: Server;
  private readonly control = new WebSocketServer({ noServer: true, maxPayload: Limits.controlMaxPayload, handleProtocols: chooseSubprotocol });
  private readonly media = new WebSocketServer({ noServer: true, maxPayload: Limits.mediaMaxPayload, handleProtocols: chooseSubprotocol });
  private readonly relay: MediaRelay;
  private readonly liveness: Liveness;
  private readonly staticFiles: StaticFiles | null;
  private readonly controlClients = new Set<ControlClient>();
  private readonly mediaSessions = new Set<MediaSession>();
  private readonly clipboardWatches = new Map<string, () => void>();
  private readonly serializer = new DeviceSerializer();
  private readonly startedAt: number;
  private allowlists: Allowlists = { hosts: new Set(), origins: new Set() };
  private readonly mediaHttp: MediaHttp;
  private readonly unsubscribes: (() => void)[] = [];

  constructor(private readonly options: BoxServerOptions) {
    this.relay = new MediaRelay({ hub: options.hub, now: options.now, policy: options.backpressure, onSent: options.onPacketSent });
    this.liveness = new Liveness(options.pingIntervalMs);
    this.staticFiles = options.rendererDir ? new StaticFiles(options.rendererDir) : null;
    this.startedAt = options.now();
    this.mediaHttp = new MediaHttp({
      media: () => options.posting?.engine.media ?? null,
      tokens: options.tokens,
      origins: () => this.allowlists.origins,
      now: options.now,
    });
    const handler = (request: IncomingMessage, response: ServerResponse) => void this.handleHttp(request, response);
    this.server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler) : createHttpServer(handler);
    this.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.handleUpgrade(request, socket, head));
  }

  async listen(host: string, port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    this.allowlists = this.options.allowlists(bound);
    this.unsubscribes.push(this.options.hub.onDeviceChange((device, removed) => this.deviceChanged(device, removed)));
    const posting = this.options.posting;
    if (posting) {
      this.unsubscribes.push(posting.onJob((change) => this.jobChanged(change)));
      this.unsubscribes.push(
        posting.onBusyChange((deviceId) => {
          // A posting flow drives the screen like an operator would: its own screen changes are not news.
          this.options.chatTools?.attention.setOperatorHolding(deviceId, posting.busyOf(deviceId) !== null);
          const device = this.options.hub.list().find((d) => d.id === deviceId);
          if (device) this.deviceChanged(device, false);
        }),
      );
    }
    const chatTools = this.options.chatTools;
    if (chatTools) this.unsubscribes.push(wireChatToolsEvents(chatTools, (event) => this.sendToControlClients(JSON.stringify(event))));
    for (const device of this.options.hub.list()) this.watchClipboard(device);
    this.liveness.start(() => {
      for (const session of this.mediaSessions) session.checkSlow();
    });
    return bound;
  }

  get clientCount(): { control: number; media: number } {
    return { control: this.controlClients.size, media: this.mediaSessions.size };
  }

  async close(): Promise<void> {
    this.liveness.stop();
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    for (const unwatch of this.clipboardWatches.values()) unwatch();
    this.clipboardWatches.clear();
    for (const ws of [...this.control.clients, ...this.media.clients]) ws.close(CloseCode.GoingAway, 'box stopping');
    for (const session of this.mediaSessions) session.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Sockets that do not finish the close handshake promptly are dropped.
      setTimeout(() => {
        for (const ws of [...this.control.clients, ...this.media.clients]) ws.terminate();
        this.server.closeAllConnections();
      }, 1_000).unref();
    });
  }

  private hostAllowed(request: IncomingMessage): boolean {
    const host = request.headers.host?.toLowerCase();
    return host !== undefined && this.allowlists.hosts.has(host);
  }

  private async handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!this.hostAllowed(request)) {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      response.end('host not allowed\n');
      return;
    }
    const path = new URL(request.url ?? '/', 'http://box').pathname;
    try {
      if (await this.mediaHttp.handle(request, response, path)) return;
    } catch (error) {
      this.options.log(`media request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      response.end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS });
      response.end();
      return;
    }
    if (path === '/healthz') {
      const devices = this.options.hub.list();
      const body = JSON.stringify({
        ok: true,
        name: this.options.box.name,
        version: this.options.box.version,
        protocolVersion: PROTOCOL_VERSION,
        uptimeSeconds: Math.round((this.options.now() - this.startedAt) / 1000),
        devices: { total: devices.length, online: devices.filter((device) => device.state === 'online').length },
        clients: this.clientCount,
      });
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
      response.end(body);
      return;
    }
    if (this.staticFiles) {
      await this.staticFiles.serve(request, response);
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    response.end('no web console is served by this box\n');
  }

  private handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(request.url ?? '/', 'http://box').pathname;
    const target = path === '/ws/control' ? this.control : path === '/ws/media' ? this.media : null;
    const decision = target ? checkUpgrade(request, this.allowlists, this.options.tokens) : ({ ok: false, status: 404, reason: 'unknown path' } as const);
    if (!decision.ok || !target) {
      const status = decision.ok ? 404 : decision.status;
      const reason = decision.ok ? 'unknown path' : decision.reason;
      this.options.log(`refused ${path} upgrade from ${request.socket.remoteAddress ?? '?'}: ${reason}`);
      const challenge = status === 401 ? 'WWW-Authenticate: Bearer realm="phonewall"\r\n' : '';
      socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\n${challenge}Content-Type: text/plain\r\nContent-Length: ${reason.length + 1}\r\n\r\n${reason}\n`);
      socket.destroy();
      return;
    }
    target.handleUpgrade(request, socket, head, (ws) => {
      // ws reports protocol violations (oversize frame → 1009, bad UTF-8 → 1007) as 'error' and closes itself;
      // without a listener the error would end the whole box.
      ws.on('error', (error) => this.options.log(`${path} client closed for a protocol error: ${error.message}`));
      this.liveness.watch(ws);
      if (target === this.control) this.acceptControl(ws, decision.role);
      else this.acceptMedia(ws, decision.role);
    });
  }

  private acceptControl(ws: WebSocket, role: Role): void {
    const client: ControlClient = { ws, role };
    this.controlClients.add(client);
    const uploads = new PushUploads({
      control: (deviceId) => this.options.hub.control(deviceId),
      onProgress: (event) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(event)),
    });
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    serveConnection(ws, this.connectionInfo(SocketKind.Control, role), (message) =>
      runControlRequest(message, {
        hub: this.options.hub, uploads, sleep, serializer: this.serializer,
        posting: this.options.posting ?? null, by: role, now: this.options.now, chatTools: this.options.chatTools ?? null,
      }),
    );
    ws.on('close', () => {
      this.controlClients.delete(client);
      uploads.clear();
    });
  }

  private acceptMedia(ws: WebSocket, role: Role): void {
    const session = new MediaSession(ws, this.relay);
    this.mediaSessions.add(session);
    serveConnection(ws, this.connectionInfo(SocketKind.Media, role), (message) => session.run(message));
    ws.on('close', () => {
      this.mediaSessions.delete(session);
      session.close();
    });
  }

  private connectionInfo(socket: SocketKind, role: Role) {
    return { socket, role, box: this.options.box, pingIntervalMs: this.options.pingIntervalMs, now: this.options.now };
  }

  private deviceChanged(device: DeviceInfo, removed: boolean): void {
    const busy = removed ? null : (this.options.posting?.busyOf(device.id) ?? null);
    const event: DeviceEvent = { type: 'device', device: wireDevice(device, busy), removed };
    const text = JSON.stringify(event);
    for (const client of this.controlClients) if (client.ws.readyState === client.ws.OPEN) client.ws.send(text);
    for (const session of this.mediaSessions) session.deviceChanged(device, removed);
    if (removed || device.state !== 'online') {
      this.clipboardWatches.get(device.id)?.();
      this.clipboardWatches.delete(device.id);
    } else this.watchClipboard(device);
  }

  private jobChanged(change: JobChange): void {
    const event: JobEvent = { type: 'job', job: wireJob(change.job), transition: wireTransition(change.entry) };
    this.sendToControlClients(JSON.stringify(event));
  }

  private sendToControlClients(text: string): void {
    for (const client of this.controlClients) if (client.ws.readyState === client.ws.OPEN) client.ws.send(text);
  }

  private watchClipboard(device: DeviceInfo): void {
    if (device.state !== 'online' || this.clipboardWatches.has(device.id)) return;
    try {
      const unwatch = this.options.hub.control(device.id).onClipboard((text) => {
        const event: ClipboardEvent = { type: 'clipboard', deviceId: device.id, text };
        const json = JSON.stringify(event);
        for (const client of this.controlClients) {
          if (roleReceivesEvent(client.role, 'clipboard') && client.ws.readyState === client.ws.OPEN) client.ws.send(json);
        }
      });
      this.clipboardWatches.set(device.id, unwatch);
    } catch (error) {
      this.options.log(`clipboard of ${device.id} not watched: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
