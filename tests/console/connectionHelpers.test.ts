import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../renderer/src/shared/connection/backoff.ts';
import { boxSocketUrl, isWellFormedToken, tokenSubprotocols } from '../../renderer/src/shared/connection/socketUrls.ts';
import { forgetToken, loadToken, saveToken, takeTokenFromHash } from '../../renderer/src/shared/connection/tokenStorage.ts';
import { parsePreferences } from '../../renderer/src/shared/state/preferences.ts';
import { annexBNalUnits, h264CodecString } from '../../renderer/src/shared/video/h264Codec.ts';

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

describe('connection helpers', () => {
  it('backs off exponentially up to the cap, with bounded jitter', () => {
    const none = () => 0;
    const full = () => 1;
    expect(backoffDelay(0, full)).toBe(500);
    expect(backoffDelay(3, full)).toBe(4000);
    expect(backoffDelay(30, full)).toBe(10_000);
    expect(backoffDelay(3, none)).toBe(2800);
  });

  it('builds socket URLs and carries the token only as a subprotocol', () => {
    expect(boxSocketUrl('http://127.0.0.1:8700/some/page?token=x#y', 'control')).toBe('ws://127.0.0.1:8700/ws/control');
    expect(boxSocketUrl('https://box.lan:8443', 'media')).toBe('wss://box.lan:8443/ws/media');
    expect(tokenSubprotocols('abcDEF123_-x')).toEqual(['phonewall.v1', 'phonewall.token.abcDEF123_-x']);
    expect(isWellFormedToken('abcDEF123_-x')).toBe(true);
    expect(isWellFormedToken('has space')).toBe(false);
    expect(isWellFormedToken('a,b')).toBe(false);
  });

  it('keeps the token for the tab unless remembered, and takes it once from the URL fragment', () => {
    const stores = { session: new MemoryStorage(), local: new MemoryStorage() };
    saveToken(stores, 'tok-session-1', false);
    expect(stores.local.length).toBe(0);
    expect(loadToken(stores)).toBe('tok-session-1');
    saveToken(stores, 'tok-remembered', true);
    expect(loadToken({ session: new MemoryStorage(), local: stores.local })).toBe('tok-remembered');
    forgetToken(stores);
    expect(loadToken(stores)).toBeNull();
    const replaced: string[] = [];
    const token = takeTokenFromHash({ hash: '#token=abc_DEF-123', pathname: '/', search: '?lang=en' }, { replaceState: (_s: unknown, _t: string, url?: string | URL | null) => replaced.push(String(url)) });
    expect(token).toBe('abc_DEF-123');
    expect(replaced).toEqual(['/?lang=en']);
    expect(takeTokenFromHash({ hash: '', pathname: '/', search: '' }, { replaceState: () => undefined })).toBeNull();
  });

  it('reads preferences from storage, lets the URL override, and ignores junk', () => {
    expect(parsePreferences('{"theme":"dark","language":"en","tileWidth":9999}', '')).toEqual({ theme: 'dark', language: 'en', tileWidth: 420 });
    expect(parsePreferences('{"theme":"dark"}', '?theme=light&lang=en')).toEqual({ theme: 'light', language: 'en' });
    expect(parsePreferences('not json', '?theme=<script>')).toEqual({});
  });

  it('reads the codec string from an Annex-B SPS', () => {
    const config = new Uint8Array([0, 0, 0, 1, 0x67, 0x42, 0xc0, 0x1f, 0xab, 0, 0, 0, 1, 0x68, 0xce, 0x3c, 0x80]);
    expect(annexBNalUnits(config).map((unit) => unit[0])).toEqual([0x67, 0x68]);
    expect(h264CodecString(config)).toBe('avc1.42C01F');
    expect(h264CodecString(new Uint8Array([0, 0, 1, 0x68, 1]))).toBe('avc1.42E01F');
  });
});
