// The schedule dialog's draft: checks, the request it becomes, the preview of each phone's start.
import { describe, expect, it } from 'vitest';
import { ScheduleInputSchema } from '../../../../native-bridge/protocol/postingMessages.ts';
import { emptyScheduleDraft, firstOccurrence, previewPlannedStarts, quietEndOf, scheduleDraftToInput, staggerSecondsOf, validateScheduleDraft, withStaggerUnit } from './scheduleDraft.ts';

describe('schedule draft', () => {
  const now = new Date(2026, 10, 22, 9, 30, 20);

  it('starts at a whole minute ahead and asks for a post and phones', () => {
    const draft = emptyScheduleDraft(now, 1);
    expect([draft.date, draft.time]).toEqual(['2026-11-22', '09:31']);
    expect(validateScheduleDraft(draft).map((p) => p.field)).toEqual(['post', 'devices']);
  });

  it('flags each bad field and accepts groups instead of phones', () => {
    const bad = { ...emptyScheduleDraft(now), postId: 'p1', groupsText: '门店A', repeat: 'weekly' as const, weekdays: [], time: '25:00', stagger: '-1', dailyCap: '0', quietEnabled: true, quietStart: '22:00', quietEnd: '22:00', graceMinutes: 'x', endDate: '2026-01-01' };
    expect(validateScheduleDraft(bad).map((p) => p.field)).toEqual(['time', 'weekdays', 'endDate', 'stagger', 'dailyCap', 'quietHours', 'graceMinutes']);
  });

  it('builds once, daily and weekly requests the protocol accepts', () => {
    const base = { ...emptyScheduleDraft(now), postId: 'p1', devices: ['sim-1', 'sim-2'], stagger: '5', dailyCap: '2', quietEnabled: true };
    const once = scheduleDraftToInput(base);
    expect(once).toMatchObject({ postId: 'p1', devices: ['sim-1', 'sim-2'], time: { kind: 'once', date: '2026-11-22', time: '09:40' }, staggerSeconds: 300, dailyCapPerPhone: 2, quietHours: { start: '22:00', end: '08:00' }, graceMinutes: 30 });
    expect(once.groups).toBeUndefined();
    const weekly = scheduleDraftToInput({ ...base, repeat: 'weekly', weekdays: [5, 1], endDate: '2026-12-31', groupsText: 'a, b' });
    expect(weekly.time).toEqual({ kind: 'weekly', time: '09:40', weekdays: [1, 5], startDate: '2026-11-22', endDate: '2026-12-31' });
    expect(weekly.groups).toEqual(['a', 'b']);
    const daily = scheduleDraftToInput({ ...base, repeat: 'daily', dailyCap: '' });
    expect(daily.time).toEqual({ kind: 'daily', time: '09:40', startDate: '2026-11-22' });
    expect(daily.dailyCapPerPhone).toBeNull();
    for (const input of [once, weekly, daily]) expect(ScheduleInputSchema.safeParse(input).success).toBe(true);
  });

  it('previews one slot per phone across the stagger window, moved past quiet hours', () => {
    const draft = { ...emptyScheduleDraft(now), time: '10:00', stagger: '5' };
    const starts = previewPlannedStarts(draft, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    expect(starts).toHaveLength(10);
    expect(starts.map((s) => s.from.getTime() - starts[0]!.from.getTime())).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240, 270].map((s) => s * 1000));
    expect(starts[9]!.to.getTime() - starts[0]!.from.getTime()).toBe(5 * 60_000);
    const quiet = previewPlannedStarts({ ...draft, time: '23:10', quietEnabled: true }, ['a']);
    expect(quiet[0]!.quietMoved).toBe(true);
    expect([quiet[0]!.from.getDate(), quiet[0]!.from.getHours()]).toEqual([23, 8]);
    expect(quietEndOf(new Date(2026, 10, 22, 12, 0), '22:00', '08:00')).toBeNull();
    expect(quietEndOf(new Date(2026, 10, 22, 3, 0), '22:00', '08:00')?.getHours()).toBe(8);
  });

  it('a stagger in seconds: range checked in that unit, sent as seconds, previewed slot by slot', () => {
    const base = { ...emptyScheduleDraft(now), postId: 'p1', devices: ['sim-1'], time: '10:00', stagger: '30', staggerUnit: 'seconds' as const };
    expect(validateScheduleDraft(base)).toEqual([]);
    expect(scheduleDraftToInput(base).staggerSeconds).toBe(30);
    expect(ScheduleInputSchema.safeParse(scheduleDraftToInput(base)).success).toBe(true);
    const starts = previewPlannedStarts(base, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    expect(starts.map((s) => s.from.getTime() - starts[0]!.from.getTime())).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27].map((s) => s * 1000));
    expect(starts[9]!.to.getTime() - starts[0]!.from.getTime()).toBe(30_000);
    expect(validateScheduleDraft({ ...base, stagger: '43200' })).toEqual([]);
    expect(validateScheduleDraft({ ...base, stagger: '43201' })).toEqual([{ field: 'stagger', key: 'staggerRangeSeconds', values: { max: 43200 } }]);
    expect(validateScheduleDraft({ ...base, staggerUnit: 'minutes', stagger: '721' })).toEqual([{ field: 'stagger', key: 'staggerRangeMinutes', values: { max: 720 } }]);
    expect(staggerSecondsOf({ stagger: '2', staggerUnit: 'minutes' })).toBe(120);
  });

  it('switching the stagger unit keeps the spread when it converts exactly', () => {
    const minutes = { ...emptyScheduleDraft(now), stagger: '2' };
    expect(minutes.staggerUnit).toBe('minutes');
    expect(withStaggerUnit(minutes, 'seconds')).toMatchObject({ stagger: '120', staggerUnit: 'seconds' });
    expect(withStaggerUnit({ ...minutes, stagger: '180', staggerUnit: 'seconds' }, 'minutes')).toMatchObject({ stagger: '3', staggerUnit: 'minutes' });
    expect(withStaggerUnit({ ...minutes, stagger: '30', staggerUnit: 'seconds' }, 'minutes')).toMatchObject({ stagger: '30', staggerUnit: 'minutes' });
  });

  it('a weekly schedule first runs on the next chosen weekday', () => {
    // 2026-11-22 is a Sunday; Wednesday is the 25th.
    const first = firstOccurrence({ ...emptyScheduleDraft(now), repeat: 'weekly', weekdays: [3], time: '08:00' });
    expect(first?.getDate()).toBe(25);
    expect(firstOccurrence({ ...emptyScheduleDraft(now), date: 'nope' })).toBeNull();
  });
});
