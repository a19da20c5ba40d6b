// Decides at the HTTP upgrade whether a WebSocket may open: Host and Origin allowlists, then the bearer token.
import type { IncomingMessage } from 'node:http';
import type { Role } from '../protocol/roles.ts';
import type { TokenStore } from './tokenStore.ts';

export const TOKEN_SUBPROTOCOL_PREFIX = 'phonewall.token.';
export const PROTOCOL_SUBPROTOCOL = 'phonewall.v1';

export interface Allowlists {
  /** Exact `host[:port]` values, lower case. */
  hosts: ReadonlySet<string>;
  /** Exact origins (`scheme://host[:port]`), lower case, no trailing slash. */
  origins: ReadonlySet<string>;
}

export type UpgradeDecision =
  | { ok: true; role: Role; tokenName: string }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/**
 * The allowlists for a box listening on `host:port`: loopback names and the listen address with the bound port,
 * plus configured extras (`name` gets the bound port, `name:port` is taken as it is, e.g. behind a proxy).
 */
export function buildAllowlists(listenHost: string, port: number, tls: boolean, extraHosts: string[], extraOrigins: string[]): Allowlists {
  const hostPorts = new Set<string>();
  for (const name of ['127.0.0.1', 'localhost', '[::1]', listenHost.includes(':') ? `[${listenHost}]` : listenHost]) {
    if (name !== '0.0.0.0' && name !== '[::]') hostPorts.add(`${name}:${port}`);
  }
  for (const extra of extraHosts) hostPorts.add(/:\d+$/.test(extra) ? extra.toLowerCase() : `${extra.toLowerCase()}:${port}`);
  const hosts = new Set<string>();
  const origins = new Set<string>();
  const scheme = tls ? 'https' : 'http';
  const defaultPort = tls ? ':443' : ':80';
  for (const hostPort of hostPorts) {
    hosts.add(hostPort);
    origins.add(`${scheme}://${hostPort}`);
    // Browsers leave the default port out of Host and Origin.
    if (hostPort.endsWith(defaultPort)) {
      hosts.add(hostPort.slice(0, -defaultPort.length));
      origins.add(`${scheme}://${hostPort.slice(0, -defaultPort.length)}`);
    }
  }
  for (const origin of extraOrigins) origins.add(normalizeOrigin(origin));
  origins.delete('null');
  return { hosts, origins };
}

/** `scheme://host[:port]` in lower case. Custom schemes (Electron's `app://`) have no URL origin (`"null"`), so it
 * is built by hand; an origin that would come out as `null` is refused, never allowed. */
export function normalizeOrigin(origin: string): string {
  const url = new URL(origin);
  const normalized = url.origin !== 'null' ? url.origin : url.host ? `${url.protocol}//${url.host}` : null;
  if (!normalized) throw new Error(`"${origin}" has no origin that a browser would send`);
  return normalized.toLowerCase();
}

/** The token from `Authorization: Bearer`, a `phonewall.token.*` subprotocol, or `?token=` (in that order). */
export function extractToken(request: IncomingMessage): string | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match?.[1] ?? null;
  }
  const protocols = request.headers['sec-websocket-protocol'];
  if (typeof protocols === 'string') {
    for (const item of protocols.split(',')) {
      const value = item.trim();
      if (value.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return value.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
    }
  }
  const query = new URL(request.url ?? '/', 'http://box').searchParams.get('token');
  return query;
}

export function checkUpgrade(request: IncomingMessage, allowlists: Allowlists, tokens: TokenStore): UpgradeDecision {
  const host = request.headers.host?.toLowerCase();
  if (!host || !allowlists.hosts.has(host)) return { ok: false, status: 403, reason: 'host not allowed' };
  const origin = request.headers.origin;
  if (origin !== undefined && !allowlists.origins.has(origin.toLowerCase())) {
    return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  const identity = tokens.verify(extractToken(request));
  if (!identity) return { ok: false, status: 401, reason: 'missing or invalid token' };
  return { ok: true, role: identity.role, tokenName: identity.name };
}

/** Picks the subprotocol to answer with: never the token one, so the token is not echoed. */
export function chooseSubprotocol(offered: Set<string>): string | false {
  return offered.has(PROTOCOL_SUBPROTOCOL) ? PROTOCOL_SUBPROTOCOL : false;
}
