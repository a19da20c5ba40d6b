// Tests of schedule times across time zones and DST edges (Shanghai, Berlin, New York).
import { describe, expect, it } from 'vitest';
import { localToInstant, occurrencesBetween } from './scheduleRules.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('localToInstant', () => {
  it('Asia/Shanghai has no DST: 02:30 is always 18:30 UTC the day before', () => {
    expect(iso(localToInstant('2026-03-29', '02:30', 'Asia/Shanghai'))).toBe('2026-03-28T18:30:00.000Z');
    expect(iso(localToInstant('2026-10-25', '02:30', 'Asia/Shanghai'))).toBe('2026-10-24T18:30:00.000Z');
  });

  it('Europe/Berlin spring-forward: 02:30 does not exist and runs at 03:00 CEST', () => {
    expect(iso(localToInstant('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(localToInstant('2026-03-29', '03:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('Europe/Berlin fall-back: 02:30 happens twice and runs once, at the first (CEST)', () => {
    expect(iso(localToInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localToInstant('2026-10-25', '03:30', 'Europe/Berlin'))).toBe('2026-10-25T02:30:00.000Z');
  });

  it('America/New_York spring-forward and fall-back', () => {
    expect(iso(localToInstant('2026-03-08', '02:15', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(localToInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('occurrencesBetween', () => {
  it('a daily 02:30 across both Berlin DST changes fires once per day, never twice, never skipped', () => {
    const rule = { kind: 'daily' as const, time: '02:30', startDate: '2026-03-27' };
    const march = occurrencesBetween(rule, 'Europe/Berlin', Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 31));
    expect(march.map((o) => `${o.key}=${iso(o.at)}`)).toEqual([
      '2026-03-27T02:30=2026-03-27T01:30:00.000Z',
      '2026-03-28T02:30=2026-03-28T01:30:00.000Z',
      '2026-03-29T02:30=2026-03-29T01:00:00.000Z',
      '2026-03-30T02:30=2026-03-30T00:30:00.000Z',
    ]);
    const october = occurrencesBetween(rule, 'Europe/Berlin', Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 27));
    expect(october.map((o) => o.key)).toEqual(['2026-10-24T02:30', '2026-10-25T02:30', '2026-10-26T02:30']);
  });

  it('weekly on Mon/Wed/Fri in Shanghai, bounded by endDate', () => {
    const rule = { kind: 'weekly' as const, time: '08:00', weekdays: [1, 3, 5], startDate: '2026-03-01', endDate: '2026-03-11' };
    const got = occurrencesBetween(rule, 'Asia/Shanghai', Date.UTC(2026, 1, 1), Date.UTC(2026, 5, 1));
    expect(got.map((o) => o.key)).toEqual(['2026-03-02T08:00', '2026-03-04T08:00', '2026-03-06T08:00', '2026-03-09T08:00', '2026-03-11T08:00']);
    expect(iso(got[0]!.at)).toBe('2026-03-02T00:00:00.000Z');
  });

  it('a one-off fires only inside the window', () => {
    const rule = { kind: 'once' as const, date: '2026-05-01', time: '09:00' };
    expect(occurrencesBetween(rule, 'Asia/Shanghai', Date.UTC(2026, 3, 30), Date.UTC(2026, 4, 2))).toEqual([{ key: '2026-05-01T09:00', at: Date.UTC(2026, 4, 1, 1) }]);
    expect(occurrencesBetween(rule, 'Asia/Shanghai', Date.UTC(2026, 4, 2), Date.UTC(2026, 4, 3))).toEqual([]);
  });
});
