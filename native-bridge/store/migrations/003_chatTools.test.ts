// Test of migration 3: upgrading a version-2 database keeps its rows and adds the device book and quick replies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../database.ts';
import { migration001 } from './001_init.ts';
import { migration002 } from './002_deviceCaps.ts';
import { migration003 } from './003_chatTools.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 003 chat tools', () => {
  it('upgrades a version-2 database in place, keeps groups and enforces reply uniqueness', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-m3-'));
    dirs.push(dir);
    const file = join(dir, 'box.db');
    const v2 = openDatabase(file, { migrations: [migration001, migration002] });
    v2.prepare("INSERT INTO devices (id, label, added_at) VALUES ('d1', 'Phone 1', 5)").run();
    v2.prepare("INSERT INTO device_groups (id, name) VALUES ('g1', 'Shop')").run();
    v2.prepare("INSERT INTO group_members (group_id, device_id) VALUES ('g1', 'd1')").run();
    v2.close();

    const v3 = openDatabase(file, { migrations: [migration001, migration002, migration003] });
    expect(schemaVersion(v3)).toBe(3);
    expect(v3.prepare('SELECT id, name, updated_at FROM device_groups').all()).toEqual([{ id: 'g1', name: 'Shop', updated_at: 0 }]);
    v3.prepare("INSERT INTO device_book (device_id, name, updated_at) VALUES ('d1', '客服小王', 7)").run();
    expect(v3.prepare('SELECT device_id, name, note, tags FROM device_book').all()).toEqual([{ device_id: 'd1', name: '客服小王', note: '', tags: '[]' }]);
    expect(() => v3.prepare("INSERT INTO device_book (device_id, updated_at) VALUES ('nope', 1)").run()).toThrow(/FOREIGN KEY/);

    const reply = v3.prepare('INSERT INTO quick_replies (id, category, title, text, position, shortcut, created_at, updated_at) VALUES (?, ?, NULL, ?, 0, ?, 1, 1)');
    reply.run('r1', '问候', '您好', '/hi');
    expect(() => reply.run('r2', '问候', '您好', null)).toThrow(/UNIQUE/);
    expect(() => reply.run('r3', '其他', '在的', '/HI')).toThrow(/UNIQUE/);
    reply.run('r4', '其他', '在的', null);
    reply.run('r5', '其他', '稍等', null);
    expect(v3.prepare('SELECT count(*) FROM quick_replies').pluck().get()).toBe(3);
    v3.close();
  });
});
