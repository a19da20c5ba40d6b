// Test of migration 1: tables and the one-active-job-per-phone index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../database.ts';
import { migration001 } from './001_init.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 001 init', () => {
  it('creates the tables and enforces one active job per device', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-m1-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'box.db'), { migrations: [migration001] });
    expect(schemaVersion(db)).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['devices', 'posts', 'post_images', 'media', 'schedules', 'jobs', 'job_log', 'job_proofs']));
    db.prepare("INSERT INTO posts VALUES ('p', 't', 'x', '[]', 0, 0)").run();
    db.prepare("INSERT INTO schedules VALUES ('s', 'p', 'f', '{}', 0, NULL)").run();
    const insert = db.prepare(
      `INSERT INTO jobs (id, schedule_id, occurrence, device_id, post_id, flow_id, state, nominal_at, planned_at, due_at, grace_ms, max_attempts, updated_at)
       VALUES (?, 's', ?, 'd1', 'p', 'f', ?, 0, 0, 0, 0, 3, 0)`,
    );
    insert.run('j1', 'o1', 'preparing');
    expect(() => insert.run('j2', 'o2', 'claimed')).toThrow(/UNIQUE/);
    insert.run('j3', 'o3', 'scheduled');
    expect(() => insert.run('j4', 'o3', 'scheduled')).toThrow(/UNIQUE/);
    db.close();
  });
});
