// Builds the box's WebSocket URLs and the subprotocol list that carries the token (never the URL).

export const protocolName = 'phonewall.v1';

export function boxSocketUrl(boxUrl: string, socket: 'control' | 'media'): string {
  const url = new URL(boxUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `/ws/${socket}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

export function tokenSubprotocols(token: string): string[] {
  return [protocolName, `phonewall.token.${token}`];
}

/** Tokens are base64url; anything else cannot be sent as a subprotocol and is refused before connecting. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{8,256}$/.test(token);
}
