// Device book: names, notes, tags and groups in a real SQLite file; validation; batches that apply fully or not at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { refusalOf as failure } from '../testing/refusal.ts';
import { openDatabase } from '../store/database.ts';
import { DeviceStore } from '../store/deviceStore.ts';
import { DeviceBook, type DeviceBookSnapshot } from './deviceBook.ts';

let dir: string;
let db: BetterSqlite3.Database;
let clock: number;
let ids: number;
const book = () => new DeviceBook({ db, now: () => clock, newId: () => `g${++ids}` });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pw-book-'));
  db = openDatabase(join(dir, 'box.db'));
  clock = 1_000;
  ids = 0;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DeviceBook', () => {
  it('names, notes and tags phones, trimmed and deduplicated, and keeps fields not given', () => {
    const b = book();
    b.setEntry({ deviceId: 'sim-PWSIM0001', name: '  客服小王 (wx: shop_a) ', note: '周一到周五\n9:00-18:00', tags: ['售后', 'VIP', '售后'] });
    clock = 2_000;
    b.setEntry({ deviceId: 'sim-PWSIM0001', tags: ['售后'] });
    expect(b.entry('sim-PWSIM0001')).toEqual({ deviceId: 'sim-PWSIM0001', name: '客服小王 (wx: shop_a)', note: '周一到周五\n9:00-18:00', tags: ['售后'], updatedAt: 2_000 });
    expect(b.list().entries).toHaveLength(1);
  });

  it('saves, renames and deletes groups in the tables posting schedules target', () => {
    const b = book();
    const saved = b.saveGroup({ name: '门店A', deviceIds: ['p1', 'p2', 'p2'] });
    expect(saved.groups).toEqual([{ id: 'g1', name: '门店A', deviceIds: ['p1', 'p2'], updatedAt: 1_000 }]);
    expect(new DeviceStore(db).getGroup('g1')).toEqual({ id: 'g1', name: '门店A', deviceIds: ['p1', 'p2'] });
    b.saveGroup({ id: 'g1', name: '门店 A 区', deviceIds: ['p3'] });
    expect(b.list().groups).toEqual([{ id: 'g1', name: '门店 A 区', deviceIds: ['p3'], updatedAt: 1_000 }]);
    b.deleteGroup('g1');
    expect(b.list().groups).toEqual([]);
  });

  it('answers unknown group ids with a typed not_found error', () => {
    const b = book();
    expect(failure(() => b.deleteGroup('nope'))).toEqual({ code: 'not_found', message: 'no group with id nope', text: { key: 'chatDesk.groupNotFound', params: { groupId: 'nope' } } });
    expect(failure(() => b.saveGroup({ id: 'nope', name: 'x', deviceIds: [] }))).toMatchObject({ code: 'not_found' });
  });

  it('refuses over-long, empty and control-character input, naming each field', () => {
    const b = book();
    const result = failure(() => b.apply({
      entries: [
        { deviceId: 'p1', name: '名'.repeat(65) },
        { deviceId: 'p2', note: 'n'.repeat(501) },
        { deviceId: 'p3', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        { deviceId: 'p4', tags: ['x'.repeat(33), ' '] },
        { deviceId: 'p5', name: 'evil\u202Ename' },
        { deviceId: 'bad id' },
      ],
    }));
    expect(result.code).toBe('invalid');
    expect(result.problems?.map((p) => p.field)).toEqual(['entries[0].name', 'entries[1].note', 'entries[2].tags', 'entries[3].tags[0]', 'entries[3].tags[1]', 'entries[4].name', 'entries[5].deviceId']);
    expect(b.list()).toEqual({ entries: [], groups: [] });
    // Exactly at the limits is fine.
    b.setEntry({ deviceId: 'p1', name: '名'.repeat(64), note: 'n'.repeat(500), tags: Array.from({ length: 20 }, () => 'x'.repeat(32)) });
  });

  it('applies a batch in one transaction: one bad item changes nothing', () => {
    const b = book();
    b.apply({ entries: [{ deviceId: 'p1', name: 'A' }], groups: [{ name: 'G', deviceIds: ['p1'] }] });
    const before = b.list();
    const changes: DeviceBookSnapshot[] = [];
    b.onChange((snapshot) => changes.push(snapshot));
    clock = 5_000;
    const result = failure(() => b.apply({
      entries: [{ deviceId: 'p1', name: 'B' }, { deviceId: 'p9', name: 'new phone' }],
      groups: [{ name: 'H', deviceIds: ['p9'] }, { id: 'g1', name: 'G2', deviceIds: [] }],
      deleteGroups: ['missing'],
    }));
    expect(result).toMatchObject({ code: 'not_found' });
    const clash = failure(() => b.apply({ entries: [{ deviceId: 'p1', name: 'C' }], groups: [{ name: 'g', deviceIds: [] }] }));
    expect(clash).toMatchObject({ code: 'invalid', problems: [{ field: 'groups[0].name' }] });
    expect(b.list()).toEqual(before);
    expect(changes).toHaveLength(0);
    b.apply({ entries: [{ deviceId: 'p1', name: 'B' }], groups: [{ id: 'g1', name: 'G2', deviceIds: ['p1', 'p2'] }] });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.groups[0]).toMatchObject({ name: 'G2', deviceIds: ['p1', 'p2'], updatedAt: 5_000 });
    expect(changes[0]?.entries[0]).toMatchObject({ deviceId: 'p1', name: 'B' });
  });

  it('selects phones by groups and tags; an unknown group is not_found', () => {
    const b = book();
    b.apply({
      entries: [{ deviceId: 'p1', tags: ['售后'] }, { deviceId: 'p2', tags: ['VIP', '新客'] }, { deviceId: 'p3', tags: [] }],
      groups: [{ name: '门店A', deviceIds: ['p3', 'p4'] }],
    });
    expect(b.select({ tags: ['售后', '新客'] })).toEqual(['p1', 'p2']);
    expect(b.select({ groupIds: ['g1'], tags: ['VIP'] })).toEqual(['p2', 'p3', 'p4']);
    expect(b.select({})).toEqual([]);
    expect(failure(() => b.select({ groupIds: ['g1', 'gone'] }))).toEqual({ code: 'not_found', message: 'no group with id gone', text: { key: 'chatDesk.groupNotFound', params: { groupId: 'gone' } } });
    expect(failure(() => b.select({ groupIds: 'g1' }))).toMatchObject({ code: 'invalid' });
  });

  it('survives reopening the database file', () => {
    const b = book();
    b.apply({ entries: [{ deviceId: 'p1', name: '账号一', tags: ['新客'] }], groups: [{ name: '全部', deviceIds: ['p1'] }] });
    const snapshot = b.list();
    db.close();
    db = openDatabase(join(dir, 'box.db'));
    expect(book().list()).toEqual(snapshot);
  });
});
