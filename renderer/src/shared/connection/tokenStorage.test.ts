// Where a browser keeps the box token: the tab unless remembered, and once from the URL fragment.
import { describe, expect, it } from 'vitest';
import { forgetToken, loadToken, saveToken, takeTokenFromHash } from './tokenStorage.ts';

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

describe('token storage', () => {
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
});
