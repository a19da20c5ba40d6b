// Which schedules keep a group from being deleted: live recurring ones, and finished-looking ones with jobs still waiting.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { schedulesUsingGroups } from './groupsInUse.ts';

let db: Database.Database;

function setUp(): void {
  db = new Database(':memory:');
  // Only the columns the guard reads; the real tables (migration 1) have more.
  db.exec(`CREATE TABLE schedules (id TEXT PRIMARY KEY, spec TEXT NOT NULL, created_at INTEGER NOT NULL, cancelled_at INTEGER);
           CREATE TABLE jobs (id TEXT PRIMARY KEY, schedule_id TEXT NOT NULL, state TEXT NOT NULL);`);
}

function schedule(id: string, groups: string[], time: Record<string, unknown>, cancelled = false): void {
  db.prepare('INSERT INTO schedules (id, spec, created_at, cancelled_at) VALUES (?, ?, ?, ?)').run(id, JSON.stringify({ spec: { groups, time }, zone: 'Asia/Shanghai' }), 1, cancelled ? 2 : null);
}

afterEach(() => db?.close());

describe('schedulesUsingGroups', () => {
  it('names live recurring schedules and ones with waiting jobs; ignores cancelled, ended and finished ones', () => {
    setUp();
    schedule('daily-open', ['g1'], { kind: 'daily', time: '08:00', startDate: '2026-01-01' });
    schedule('weekly-ending', ['g2', 'g1'], { kind: 'weekly', time: '08:00', weekdays: [1], startDate: '2026-01-01', endDate: '2026-11-22' });
    schedule('daily-ended', ['g1'], { kind: 'daily', time: '08:00', startDate: '2026-01-01', endDate: '2026-11-21' });
    schedule('cancelled', ['g1'], { kind: 'daily', time: '08:00', startDate: '2026-01-01' }, true);
    schedule('once-done', ['g1'], { kind: 'once', date: '2026-11-20', time: '08:00' });
    schedule('once-waiting', ['g3'], { kind: 'once', date: '2026-11-23', time: '08:00' });
    db.prepare("INSERT INTO jobs VALUES ('j1', 'once-done', 'done'), ('j2', 'once-waiting', 'scheduled')").run();

    expect(schedulesUsingGroups(db, ['g1'], '2026-11-22')).toEqual([
      { groupId: 'g1', scheduleId: 'daily-open' },
      { groupId: 'g1', scheduleId: 'weekly-ending' },
    ]);
    expect(schedulesUsingGroups(db, ['g2', 'g3'], '2026-11-22')).toEqual([
      { groupId: 'g3', scheduleId: 'once-waiting' },
      { groupId: 'g2', scheduleId: 'weekly-ending' },
    ]);
    expect(schedulesUsingGroups(db, ['g2'], '2026-11-23')).toEqual([]);
    expect(schedulesUsingGroups(db, ['other'], '2026-11-22')).toEqual([]);
    expect(schedulesUsingGroups(db, [], '2026-11-22')).toEqual([]);
  });
});
