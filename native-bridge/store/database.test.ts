// Tests of opening the store: pragmas, migrations, newer-schema refusal, corruption refusal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, StoreOpenError } from './database.ts';
import { latestSchemaVersion } from './migrations/migrationList.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-db-'));
  dirs.push(dir);
  return join(dir, 'box.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('applies every migration with durable pragmas', () => {
    const db = openDatabase(tempFile());
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('reopens an up-to-date database without changes', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    db.close();
  });

  it('refuses a database from a newer PhoneWall', () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    const error = (() => {
      try {
        openDatabase(file);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as StoreOpenError).code).toBe('newer_schema');
    expect((error as StoreOpenError).message).toMatch(/Update PhoneWall/);
  });

  it('refuses to start on a corrupt file', () => {
    const file = tempFile();
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xab)]));
    expect(() => openDatabase(file)).toThrow(StoreOpenError);
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as StoreOpenError).code).toBe('corrupt');
    }
  });
});
