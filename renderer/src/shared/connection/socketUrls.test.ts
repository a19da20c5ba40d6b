// Socket URLs of a box and the token carried only as a subprotocol.
import { describe, expect, it } from 'vitest';
import { boxSocketUrl, isWellFormedToken, tokenSubprotocols } from './socketUrls.ts';

describe('socket URLs', () => {
  it('builds socket URLs and carries the token only as a subprotocol', () => {
    expect(boxSocketUrl('http://127.0.0.1:8700/some/page?token=x#y', 'control')).toBe('ws://127.0.0.1:8700/ws/control');
    expect(boxSocketUrl('https://box.lan:8443', 'media')).toBe('wss://box.lan:8443/ws/media');
    expect(tokenSubprotocols('abcDEF123_-x')).toEqual(['phonewall.v1', 'phonewall.token.abcDEF123_-x']);
    expect(isWellFormedToken('abcDEF123_-x')).toBe(true);
    expect(isWellFormedToken('has space')).toBe(false);
    expect(isWellFormedToken('a,b')).toBe(false);
  });
});
