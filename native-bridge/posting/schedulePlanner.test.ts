// Tests of planning: seeded stagger, quiet hours and daily caps with visible reasons.
import { describe, expect, it } from 'vitest';
import { localToInstant } from './scheduleRules.ts';
import { quietEnd, SchedulePlanner, type PlanInput } from './schedulePlanner.ts';
import { scheduleSpecSchema } from './scheduleSpec.ts';

const zone = 'Asia/Shanghai';
const devices = Array.from({ length: 10 }, (_, i) => `phone-${i}`);

function input(overrides: Record<string, unknown> = {}, extra: Partial<PlanInput> = {}): PlanInput {
  const spec = scheduleSpecSchema.parse({ postId: 'p', devices, time: { kind: 'once', date: '2026-03-02', time: '09:00' }, ...overrides });
  return {
    scheduleId: 's1', spec, zone, occurrence: { key: '2026-03-02T09:00', at: localToInstant('2026-03-02', '09:00', zone) },
    deviceIds: devices, deviceCap: () => null, plannedOn: () => 0, ...extra,
  };
}

describe('SchedulePlanner', () => {
  it('stagger spreads phones over the window, the same way every time for a schedule', () => {
    const a = new SchedulePlanner().plan(input({ staggerMinutes: 10 }));
    const b = new SchedulePlanner().plan(input({ staggerMinutes: 10 }, { deviceIds: [...devices].reverse() }));
    expect(a).toEqual(b);
    const start = localToInstant('2026-03-02', '09:00', zone);
    const offsets = a.map((j) => j.plannedAt - start).sort((x, y) => x - y);
    expect(offsets.every((o) => o >= 0 && o < 10 * 60_000)).toBe(true);
    // Evenly spaced slots: one phone per minute-slot.
    expect(new Set(offsets.map((o) => Math.floor(o / 60_000))).size).toBe(10);
    const other = new SchedulePlanner().plan({ ...input({ staggerMinutes: 10 }), scheduleId: 's2' });
    expect(other.map((j) => j.plannedAt)).not.toEqual(a.map((j) => j.plannedAt));
    expect(new Set(a.map((j) => j.id)).size).toBe(10);
  });

  it('a 30-second stagger gives 10 phones 10 starts inside [t, t + 30 s), one per 3-second slot, seeded', () => {
    const start = localToInstant('2026-03-02', '09:00', zone);
    const a = new SchedulePlanner().plan(input({ staggerSeconds: 30, seed: 'launch' }));
    const offsets = a.map((j) => j.plannedAt - start).sort((x, y) => x - y);
    expect(offsets).toHaveLength(10);
    expect(offsets.every((o) => o >= 0 && o < 30_000)).toBe(true);
    expect(new Set(offsets.map((o) => Math.floor(o / 3_000)))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(new SchedulePlanner().plan(input({ staggerSeconds: 30, seed: 'launch' }, { deviceIds: [...devices].reverse() }))).toEqual(a);
    const reseeded = new SchedulePlanner().plan(input({ staggerSeconds: 30, seed: 'other' }));
    expect(reseeded.map((j) => j.plannedAt)).not.toEqual(a.map((j) => j.plannedAt));
  });

  it('a stagger in minutes plans exactly as the same stagger in seconds', () => {
    const minutes = new SchedulePlanner().plan(input({ staggerMinutes: 10 }));
    const seconds = new SchedulePlanner().plan(input({ staggerSeconds: 600 }));
    expect(minutes).toEqual(seconds);
  });

  it('no stagger: every phone at the nominal time', () => {
    const jobs = new SchedulePlanner().plan(input());
    expect(new Set(jobs.map((j) => j.plannedAt))).toEqual(new Set([localToInstant('2026-03-02', '09:00', zone)]));
    expect(jobs.every((j) => j.planNote === null)).toBe(true);
  });

  it('quiet hours across midnight move the job to their end, with the reason', () => {
    const at = localToInstant('2026-03-02', '23:10', zone);
    expect(quietEnd(at, { start: '22:00', end: '08:00' }, zone)).toBe(localToInstant('2026-03-03', '08:00', zone));
    expect(quietEnd(localToInstant('2026-03-02', '07:00', zone), { start: '22:00', end: '08:00' }, zone)).toBe(localToInstant('2026-03-02', '08:00', zone));
    expect(quietEnd(localToInstant('2026-03-02', '12:00', zone), { start: '22:00', end: '08:00' }, zone)).toBeNull();
    const [job] = new SchedulePlanner().plan({ ...input({ quietHours: { start: '22:00', end: '08:00' } }, { deviceIds: ['phone-1'] }), occurrence: { key: 'k', at } });
    expect(job!.plannedAt).toBe(localToInstant('2026-03-03', '08:00', zone));
    expect(job!.nominalAt).toBe(at);
    expect(job!.planNote).toBe('quiet hours 22:00–08:00: moved from 2026-03-02 23:10 to 2026-03-03 08:00');
  });

  it('a job beyond the daily cap moves to the next day, visibly, counting store and batch', () => {
    const planner = new SchedulePlanner();
    const base = input({ dailyCapPerPhone: 2 }, { deviceIds: ['phone-1'], plannedOn: (_id, day) => (day === '2026-03-02' ? 1 : 0) });
    const first = planner.plan(base)[0]!;
    expect(first.planNote).toBeNull();
    const second = planner.plan({ ...base, occurrence: { key: 'k2', at: localToInstant('2026-03-02', '15:00', zone) } })[0]!;
    expect(second.plannedAt).toBe(localToInstant('2026-03-03', '15:00', zone));
    expect(second.planNote).toBe('daily cap 2 reached on 2026-03-02: moved to 2026-03-03 15:00');
    // A phone's own cap wins when lower.
    const own = new SchedulePlanner().plan(input({}, { deviceIds: ['phone-1'], deviceCap: () => 1, plannedOn: (_i, d) => (d === '2026-03-02' ? 1 : 0) }))[0]!;
    expect(own.planNote).toMatch(/daily cap 1 reached on 2026-03-02/);
  });
});
