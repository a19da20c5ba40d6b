// Host and Origin allowlists: exact matches only, custom app:// origins, never the "null" origin.
import { describe, expect, test } from 'vitest';
import { buildAllowlists, normalizeOrigin } from './upgradeGuard.ts';

describe('allowlists', () => {
  test('loopback names with the bound port, plus configured extras', () => {
    const lists = buildAllowlists('127.0.0.1', 7100, false, ['box.lan:7100'], ['https://Ops.Example:8443/', 'app://phonewall']);
    expect([...lists.hosts].sort()).toEqual(['127.0.0.1:7100', '[::1]:7100', 'box.lan:7100', 'localhost:7100']);
    expect(lists.origins.has('http://127.0.0.1:7100')).toBe(true);
    expect(lists.origins.has('http://localhost:7100')).toBe(true);
    expect(lists.origins.has('https://ops.example:8443')).toBe(true);
    expect(lists.origins.has('app://phonewall')).toBe(true);
    expect(lists.origins.has('null')).toBe(false);
    expect(lists.origins.has('http://127.0.0.1:7101')).toBe(false);
  });

  test('TLS mode allows only https origins', () => {
    const lists = buildAllowlists('127.0.0.1', 8443, true, [], []);
    expect(lists.origins.has('https://127.0.0.1:8443')).toBe(true);
    expect(lists.origins.has('http://127.0.0.1:8443')).toBe(false);
  });

  test('an origin without a host is refused rather than becoming "null"', () => {
    expect(() => normalizeOrigin('file:///tmp/x.html')).toThrow();
    expect(normalizeOrigin('app://phonewall/index.html')).toBe('app://phonewall');
  });
});
