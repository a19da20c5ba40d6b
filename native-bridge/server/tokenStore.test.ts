// Token file: created with an admin token at first start, hashed, owner-only, shared live between processes.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { TokenStore } from './tokenStore.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-tokens-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('first start creates an owner-only admin token; only hashes are stored', async () => {
  const store = await TokenStore.open(dir);
  const admin = (await readFile(store.adminTokenPath, 'utf8')).trim();
  expect(admin).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(store.verify(admin)).toEqual({ role: 'admin', name: 'admin' });
  expect((await stat(store.adminTokenPath)).mode & 0o777).toBe(0o600);
  expect((await stat(join(dir, 'tokens.json'))).mode & 0o777).toBe(0o600);
  expect(await readFile(join(dir, 'tokens.json'), 'utf8')).not.toContain(admin);
  expect(store.verify(null)).toBeNull();
  expect(store.verify('x'.repeat(43))).toBeNull();
  expect(store.verify(`${admin} `)).toBeNull();
});

test('a token issued or revoked through another store instance takes effect in a running one', async () => {
  const running = await TokenStore.open(dir);
  const other = await TokenStore.open(dir);
  const token = await other.issue('desk-3', 'operator');
  expect(running.verify(token)).toEqual({ role: 'operator', name: 'desk-3' });
  expect(await other.revoke('desk-3')).toBe(1);
  expect(running.verify(token)).toBeNull();
  expect(running.list().map((t) => t.name)).toEqual(['admin']);
  await expect(other.issue('bad name!', 'viewer')).rejects.toThrow(/token name/);
});
