// Unit tests of the composer and schedule dialog checks, the requests they build and the planned-time preview.
import { describe, expect, it } from 'vitest';
import { ScheduleInputSchema, PostInputSchema } from '../../native-bridge/protocol/postingMessages.ts';
import type { PostDraft } from '../../renderer/src/features/posting/postDraft.ts';
import { checkImageFile, codePointCount, draftToInput, emptyDraft, fieldOfServerProblem, moveImage, parseTags, validateDraft } from '../../renderer/src/features/posting/postDraft.ts';
import { emptyScheduleDraft, firstOccurrence, previewPlannedStarts, quietEndOf, scheduleDraftToInput, staggerSecondsOf, validateScheduleDraft, withStaggerUnit } from '../../renderer/src/features/posting/scheduleDraft.ts';

const sha = (c: string) => c.repeat(64);
const uploaded = (c: string) => ({ key: c, name: `${c}.png`, sha256: sha(c), previewUrl: null, progress: 1, error: null });
const keys = (draft: PostDraft) => validateDraft(draft).map((p) => `${p.field}:${p.key}`);

describe('post draft', () => {
  it('counts emoji and Chinese as one character each and flags text over 2000', () => {
    expect(codePointCount('新品上市，欢迎咨询！🎉')).toBe(11);
    const draft = { ...emptyDraft(), title: 't', text: '🎉'.repeat(2000) };
    expect(keys(draft)).toEqual([]);
    const over = validateDraft({ ...draft, text: '🎉'.repeat(2003) });
    expect(over).toEqual([{ field: 'text', key: 'textTooLong', values: { max: 2000, over: 3 } }]);
  });

  it('names the field of each problem: title, text-or-image, tags, images still uploading or failed', () => {
    expect(keys(emptyDraft())).toEqual(['title:titleMissing', 'text:textOrImage']);
    expect(keys({ ...emptyDraft(), title: 'x', images: [uploaded('a')] })).toEqual([]);
    expect(keys({ ...emptyDraft(), title: 'x', text: 'y', tagsText: 'a'.repeat(33) })).toEqual(['tags:tagTooLong']);
    expect(keys({ ...emptyDraft(), title: 'x', text: 'y', images: [{ ...uploaded('a'), sha256: null }] })).toEqual(['images:imageUploading']);
    expect(keys({ ...emptyDraft(), title: 'x', text: 'y', images: [{ ...uploaded('a'), error: 'too big' }] })).toEqual(['images:imageFailed']);
    const ten = 'abcdef0123'.split('').map(uploaded);
    expect(keys({ ...emptyDraft(), title: 'x', images: ten })).toEqual(['images:tooManyImages']);
  });

  it('builds a request the protocol accepts, with tags split on commas, spaces and #', () => {
    expect(parseTags('促销, 新品，促销 #sale')).toEqual(['促销', '新品', 'sale']);
    const input = draftToInput({ id: null, title: ' 上新 ', text: '新品上市，欢迎咨询！🎉', tagsText: '促销', images: [uploaded('b'), uploaded('a')] });
    expect(input).toEqual({ title: '上新', text: '新品上市，欢迎咨询！🎉', images: [sha('b'), sha('a')], tags: ['促销'] });
    expect(PostInputSchema.safeParse(input).success).toBe(true);
  });

  it('checks picked files by type and size, reorders pictures and maps box problems to fields', () => {
    expect(checkImageFile({ type: 'image/png', size: 1000 })).toBeNull();
    expect(checkImageFile({ type: 'text/html', size: 10 })).toBe('imageType');
    expect(checkImageFile({ type: 'image/jpeg', size: 21 * 1024 * 1024 })).toBe('imageTooLarge');
    expect(moveImage(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveImage(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
    expect(moveImage(['a', 'b'], 7, 0)).toEqual(['a', 'b']);
    expect(fieldOfServerProblem('images[3]')).toBe('images');
    expect(fieldOfServerProblem('title')).toBe('title');
    expect(fieldOfServerProblem('')).toBe('text');
  });
});

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
