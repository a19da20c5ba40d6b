// Tests of schedules on a real SQLite file: expansion, validation errors, caps across schedules, cancel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.ts';
import { DeviceStore } from '../store/deviceStore.ts';
import { JobStore } from './jobStore.ts';
import { PostStore } from './postStore.ts';
import { localToInstant } from './scheduleRules.ts';
import { BoxError } from '../base/boxError.ts';
import { ScheduleStore } from './scheduleStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const zone = 'Europe/Berlin';
const now = Date.UTC(2026, 2, 27, 12);

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pw-sched-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'box.db'));
  const jobs = new JobStore(db);
  const devices = new DeviceStore(db);
  for (let i = 0; i < 4; i++) devices.upsert(`phone-${i}`, `Phone ${i}`, now);
  devices.saveGroup('shop', 'Shop', ['phone-2', 'phone-3']);
  const post = new PostStore(db).create({ title: 't', text: 'hello', images: [] }, now);
  const schedules = new ScheduleStore({ db, jobs, devices, knownFlows: new Set(['simulated-moments']) });
  return { db, jobs, devices, schedules, post };
}

describe('ScheduleStore', () => {
  it('expands phones and groups × daily occurrences into one job each, idempotently, across DST', () => {
    const { db, jobs, schedules, post } = setup();
    const { schedule, jobsCreated } = schedules.create(
      { postId: post.id, devices: ['phone-0', 'phone-2'], groups: ['shop'], time: { kind: 'daily', time: '02:30', startDate: '2026-03-28' } },
      zone, now, 3 * 86_400_000,
    );
    expect(jobsCreated).toBe(9);
    expect(schedules.expandAll(now, 3 * 86_400_000)).toBe(0);
    const onSunday = jobs.list({ scheduleId: schedule.id }).filter((j) => j.occurrence === '2026-03-29T02:30');
    expect(onSunday.map((j) => j.deviceId).sort()).toEqual(['phone-0', 'phone-2', 'phone-3']);
    expect(new Set(onSunday.map((j) => j.plannedAt))).toEqual(new Set([localToInstant('2026-03-29', '03:00', zone)]));
    expect(schedules.expandAll(now + 86_400_000, 3 * 86_400_000)).toBe(3);
    db.close();
  });

  it('rejects unknown phones, groups, posts and flows with named fields, writing nothing', () => {
    const { db, schedules, post } = setup();
    const attempt = (input: unknown) => {
      try {
        schedules.create(input, zone, now, 86_400_000);
      } catch (error) {
        expect(error).toBeInstanceOf(BoxError);
        return (error as BoxError).message;
      }
      throw new Error('expected a BoxError');
    };
    const time = { kind: 'once', date: '2026-03-28', time: '09:00' };
    expect(attempt({ postId: post.id, devices: ['phone-0', 'ghost'], time })).toBe('devices[1]: unknown phone ghost: connect it to this box first');
    expect(attempt({ postId: 'nope', groups: ['nogroup'], flowId: 'x', time })).toBe('postId: post nope does not exist; flowId: flow x is not installed on this box; groups[0]: unknown group nogroup');
    expect(attempt({ postId: post.id, time })).toBe('devices: choose at least one phone or group');
    expect(attempt({ postId: post.id, devices: ['phone-0'], time: { kind: 'once', date: '2026-02-30', time: '25:00' } })).toMatch(/^time\.date: not a real date; time\.time: expected a time HH:MM/);
    expect(db.prepare('SELECT COUNT(*) FROM schedules').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM jobs').pluck().get()).toBe(0);
    db.close();
  });

  it('per-phone daily cap across schedules moves the extra job to the next day', () => {
    const { db, jobs, devices, schedules, post } = setup();
    devices.setDailyCap('phone-1', 1);
    const time = { kind: 'once', date: '2026-03-28', time: '10:00' };
    schedules.create({ postId: post.id, devices: ['phone-1'], time }, zone, now, 7 * 86_400_000);
    const second = schedules.create({ postId: post.id, devices: ['phone-1'], time: { ...time, time: '18:00' } }, zone, now, 7 * 86_400_000);
    const [moved] = jobs.list({ scheduleId: second.schedule.id });
    expect(moved!.plannedAt).toBe(localToInstant('2026-03-29', '18:00', zone));
    expect(moved!.planNote).toBe('daily cap 1 reached on 2026-03-28: moved to 2026-03-29 18:00');
    expect(jobs.log(moved!.id)[0]!.detail).toBe(moved!.planNote);
    db.close();
  });

  it('cancelling a schedule cancels its jobs that have not started', () => {
    const { db, jobs, schedules, post } = setup();
    const { schedule } = schedules.create({ postId: post.id, devices: ['phone-0', 'phone-1'], time: { kind: 'once', date: '2026-03-28', time: '10:00' } }, zone, now, 86_400_000 * 2);
    const [first] = jobs.list({ scheduleId: schedule.id });
    jobs.claim(first!.id, 'scheduled', 'r', now, 1000);
    expect(schedules.cancel(schedule.id, now)).toBe(1);
    expect(jobs.list({ scheduleId: schedule.id }).map((j) => j.state).sort()).toEqual(['cancelled', 'claimed']);
    db.close();
  });

  it('takes the stagger in seconds or in minutes, not both, and stores seconds', () => {
    const { db, jobs, schedules, post } = setup();
    const time = { kind: 'once', date: '2026-03-28', time: '09:00' };
    const both = (() => {
      try {
        schedules.create({ postId: post.id, devices: ['phone-0'], time, staggerSeconds: 30, staggerMinutes: 1 }, zone, now, 86_400_000);
      } catch (error) {
        return error as BoxError;
      }
      throw new Error('expected a BoxError');
    })();
    expect(both).toBeInstanceOf(BoxError);
    expect(both.code).toBe('invalid');
    expect(both.problems?.map((p) => p.field)).toEqual(['staggerSeconds']);
    expect(db.prepare('SELECT COUNT(*) FROM schedules').pluck().get()).toBe(0);
    expect(() => schedules.create({ postId: post.id, devices: ['phone-0'], time, staggerSeconds: 43_201 }, zone, now, 86_400_000)).toThrow(/staggerSeconds: stagger at most 12 hours/);

    const { schedule } = schedules.create({ postId: post.id, devices: ['phone-0', 'phone-1', 'phone-2'], time, staggerSeconds: 30 }, zone, now, 86_400_000);
    expect(schedule.spec.staggerSeconds).toBe(30);
    expect(schedule.spec).not.toHaveProperty('staggerMinutes');
    const stored = JSON.parse(db.prepare('SELECT spec FROM schedules WHERE id = ?').pluck().get(schedule.id) as string) as { spec: Record<string, unknown> };
    expect(stored.spec.staggerSeconds).toBe(30);
    expect(stored.spec).not.toHaveProperty('staggerMinutes');
    const t = localToInstant('2026-03-28', '09:00', zone);
    expect(jobs.list({ scheduleId: schedule.id }).every((j) => j.plannedAt >= t && j.plannedAt < t + 30_000)).toBe(true);
    const minutes = schedules.create({ postId: post.id, devices: ['phone-3'], time, staggerMinutes: 2 }, zone, now, 86_400_000);
    expect(minutes.schedule.spec.staggerSeconds).toBe(120);
    db.close();
  });

  it('loads schedules stored before seconds (staggerMinutes in the JSON) and plans them as before', () => {
    const { db, jobs, schedules, post } = setup();
    const oldSpec = {
      postId: post.id, flowId: 'simulated-moments', devices: ['phone-0', 'phone-1'], groups: [], time: { kind: 'daily', time: '09:00', startDate: '2026-03-28' },
      staggerMinutes: 10, seed: 'old', dailyCapPerPhone: null, quietHours: null, graceMinutes: 30, maxAttempts: 3,
    };
    db.prepare('INSERT INTO schedules (id, post_id, flow_id, spec, created_at) VALUES (?, ?, ?, ?, ?)').run('old-1', post.id, 'simulated-moments', JSON.stringify({ spec: oldSpec, zone }), now);
    const loaded = schedules.get('old-1')!;
    expect(loaded.spec.staggerSeconds).toBe(600);
    expect(schedules.list(false).map((s) => s.id)).toContain('old-1');
    expect(schedules.expandAll(now, 86_400_000)).toBe(2);
    const t = localToInstant('2026-03-28', '09:00', zone);
    const planned = jobs.list({ scheduleId: 'old-1' }).map((j) => j.plannedAt - t);
    expect(planned).toHaveLength(2);
    // Two phones over ten minutes: one in each five-minute slot, as a minute spec always planned.
    expect(new Set(planned.map((o) => Math.floor(o / 300_000)))).toEqual(new Set([0, 1]));
    db.close();
  });
});
