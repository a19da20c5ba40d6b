// The box's HTTP + WebSocket server: /healthz, feature HTTP routes, static console files, and /ws/control and
// /ws/media behind the upgrade guard. Control requests are routed to the feature that owns their type; feature
// events go to every control client whose role may receive them. It names no feature.
import { say } from '../base/boxText.ts';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { BoxError, messageOf } from '../base/boxError.ts';
import type { BoxFeature, Handler, HttpContext, RequestContext, Requester } from '../base/boxFeature.ts';
import type { DeviceHub, VideoPacket } from '../base/deviceHub.ts';
import type { BoxEvent } from '../protocol/boxMessages.ts';
import { SocketKind } from '../protocol/clientMessages.ts';
import type { ClientMessage, ClientMessageType } from '../protocol/clientMessages.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { CloseCode, Limits } from '../protocol/limits.ts';
import { roleReceivesEvent } from '../protocol/roles.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import { MediaRelay } from '../relay/mediaRelay.ts';
import type { BackpressurePolicy } from '../relay/viewerStream.ts';
import { serveConnection } from './clientConnection.ts';
import { Liveness } from './liveness.ts';
import { MediaSession } from './mediaSession.ts';
import { SECURITY_HEADERS } from '../base/securityHeaders.ts';
import { StaticFiles } from './staticFiles.ts';
import type { TokenStore } from './tokenStore.ts';
import { checkUpgrade, chooseSubprotocol, extractToken, normalizeOrigin } from './upgradeGuard.ts';
import type { Allowlists } from './upgradeGuard.ts';

export interface BoxServerOptions {
  hub: DeviceHub;
  tokens: TokenStore;
  /** What the box serves, each owning its request types; the server starts none of them. */
  features: readonly BoxFeature[];
  allowlists: (port: number) => Allowlists;
  rendererDir: string | null;
  tls: { cert: Buffer; key: Buffer } | null;
  backpressure: BackpressurePolicy;
  pingIntervalMs: number;
  box: { name: string; version: string };
  now: () => number;
  log: (line: string) => void;
  onPacketSent?: (packet: VideoPacket) => void;
}

interface ControlClient {
  ws: WebSocket;
  who: Requester;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** One handler per request type across all features; a type claimed twice is a wiring mistake. */
function routeTable(features: readonly BoxFeature[]): ReadonlyMap<ClientMessageType, { feature: string; handler: Handler<ClientMessageType> }> {
  const table = new Map<ClientMessageType, { feature: string; handler: Handler<ClientMessageType> }>();
  for (const feature of features) {
    for (const [type, handler] of Object.entries(feature.handlers) as [ClientMessageType, Handler<ClientMessageType>][]) {
      const owner = table.get(type);
      if (owner) throw new Error(`request type ${type} is handled by both ${owner.feature} and ${feature.name}`);
      table.set(type, { feature: feature.name, handler });
    }
  }
  return table;
}

export class BoxServer {
  private readonly server: Server;
  private readonly control = new WebSocketServer({ noServer: true, maxPayload: Limits.controlMaxPayload, handleProtocols: chooseSubprotocol });
  private readonly media = new WebSocketServer({ noServer: true, maxPayload: Limits.mediaMaxPayload, handleProtocols: chooseSubprotocol });
  private readonly relay: MediaRelay;
  private readonly liveness: Liveness;
  private readonly staticFiles: StaticFiles | null;
  private readonly routes: ReturnType<typeof routeTable>;
  private readonly controlClients = new Set<ControlClient>();
  private readonly mediaSessions = new Set<MediaSession>();
  private readonly startedAt: number;
  private allowlists: Allowlists = { hosts: new Set(), origins: new Set() };
  private readonly httpContext: HttpContext;
  private readonly unsubscribes: (() => void)[] = [];
  private nextConnectionId = 1;

  constructor(private readonly options: BoxServerOptions) {
    this.routes = routeTable(options.features);
    this.relay = new MediaRelay({ hub: options.hub, now: options.now, policy: options.backpressure, onSent: options.onPacketSent });
    this.liveness = new Liveness(options.pingIntervalMs);
    this.staticFiles = options.rendererDir ? new StaticFiles(options.rendererDir) : null;
    this.startedAt = options.now();
    this.httpContext = {
      identify: (request) => options.tokens.verify(extractToken(request)),
      originAllowed: (origin) => {
        try {
          return this.allowlists.origins.has(normalizeOrigin(origin));
        } catch {
          return false;
        }
      },
    };
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
    this.unsubscribes.push(
      this.options.hub.onDeviceChange((device, removed) => {
        for (const session of this.mediaSessions) session.deviceChanged(device, removed);
      }),
    );
    for (const feature of this.options.features) {
      const off = feature.onEvent?.((event) => this.broadcast(event));
      if (off) this.unsubscribes.push(off);
    }
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
      for (const feature of this.options.features) {
        if (await feature.http?.(request, response, path, this.httpContext)) return;
      }
    } catch (error) {
      this.options.log(`${path} request failed: ${messageOf(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      response.end();
      return;
    }
    if (path === '/api' || path.startsWith('/api/')) {
      const body = JSON.stringify({ error: { code: ErrorCode.NotFound, message: `${path} is not served by this box (its feature may be off)` } });
      response.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
      response.end(body);
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
    const who: Requester = { role: decision.role, name: decision.tokenName };
    target.handleUpgrade(request, socket, head, (ws) => {
      // ws reports protocol violations (oversize frame → 1009, bad UTF-8 → 1007) as 'error' and closes itself;
      // without a listener the error would end the whole box.
      ws.on('error', (error) => this.options.log(`${path} client closed for a protocol error: ${error.message}`));
      this.liveness.watch(ws);
      if (target === this.control) this.acceptControl(ws, who);
      else this.acceptMedia(ws, who);
    });
  }

  private acceptControl(ws: WebSocket, who: Requester): void {
    const client: ControlClient = { ws, who };
    this.controlClients.add(client);
    const closers: (() => void)[] = [];
    const context: RequestContext = {
      who,
      connectionId: this.nextConnectionId++,
      send: (event) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
      },
      onClose: (cleanup) => closers.push(cleanup),
    };
    serveConnection(ws, this.connectionInfo(SocketKind.Control, who), (message) => this.route(message, context));
    ws.on('close', () => {
      this.controlClients.delete(client);
      for (const cleanup of closers.splice(0)) cleanup();
    });
  }

  private route(message: ClientMessage, context: RequestContext): unknown {
    const route = this.routes.get(message.type);
    if (!route) throw new BoxError(ErrorCode.NotFound, say('core.featureOff', { type: message.type }));
    return route.handler(message as never, context);
  }

  private acceptMedia(ws: WebSocket, who: Requester): void {
    const session = new MediaSession(ws, this.relay);
    this.mediaSessions.add(session);
    serveConnection(ws, this.connectionInfo(SocketKind.Media, who), (message) => session.run(message));
    ws.on('close', () => {
      this.mediaSessions.delete(session);
      session.close();
    });
  }

  private connectionInfo(socket: SocketKind, who: Requester) {
    return { socket, who, box: this.options.box, pingIntervalMs: this.options.pingIntervalMs, now: this.options.now };
  }

  private broadcast(event: BoxEvent): void {
    const text = JSON.stringify(event);
    for (const client of this.controlClients) {
      if (roleReceivesEvent(client.who.role, event.type) && client.ws.readyState === client.ws.OPEN) client.ws.send(text);
    }
  }
}
