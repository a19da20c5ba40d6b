// Test of migration 2: upgrading a version-1 database keeps its rows and adds the cap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../database.ts';
import { migration001 } from './001_init.ts';
import { migration002 } from './002_deviceCaps.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 002 device daily cap', () => {
  it('upgrades a version-1 database in place and keeps its rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-m2-'));
    dirs.push(dir);
    const file = join(dir, 'box.db');
    const v1 = openDatabase(file, { migrations: [migration001] });
    v1.prepare("INSERT INTO devices (id, label, added_at) VALUES ('d1', 'Phone 1', 5)").run();
    v1.close();
    const v2 = openDatabase(file, { migrations: [migration001, migration002] });
    expect(schemaVersion(v2)).toBe(2);
    expect(v2.prepare('SELECT id, label, daily_cap FROM devices').all()).toEqual([{ id: 'd1', label: 'Phone 1', daily_cap: null }]);
    v2.prepare("UPDATE devices SET daily_cap = 2 WHERE id = 'd1'").run();
    expect(v2.prepare('SELECT daily_cap FROM devices').pluck().get()).toBe(2);
    v2.close();
  });
});
