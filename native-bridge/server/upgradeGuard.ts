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

/** The allowlists for a box listening on `host:port`: loopback names, the listen address, configured extras. */
export function buildAllowlists(listenHost: string, port: number, tls: boolean, extraHosts: string[], extraOrigins: string[]): Allowlists {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', listenHost.includes(':') ? `[${listenHost}]` : listenHost]);
  for (const extra of extraHosts) names.add(extra.toLowerCase());
  const hosts = new Set<string>();
  const origins = new Set<string>();
  const scheme = tls ? 'https' : 'http';
  const defaultPort = tls ? 443 : 80;
  for (const name of names) {
    if (name === '0.0.0.0' || name === '[::]') continue;
    hosts.add(`${name}:${port}`);
    origins.add(`${scheme}://${name}:${port}`);
    if (port === defaultPort) {
      hosts.add(name);
      origins.add(`${scheme}://${name}`);
    }
  }
  for (const origin of extraOrigins) origins.add(normalizeOrigin(origin));
  return { hosts, origins };
}

export function normalizeOrigin(origin: string): string {
  const url = new URL(origin);
  return url.origin.toLowerCase();
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
