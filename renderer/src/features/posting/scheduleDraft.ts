// The schedule dialog's draft: its checks, the request it becomes, and a preview of the planned start times.
import { MAX_STAGGER_SECONDS } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { ScheduleInputSchema } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { z } from 'zod';

export type ScheduleInput = z.infer<typeof ScheduleInputSchema>;
export const RepeatKind = { once: 'once', daily: 'daily', weekly: 'weekly' } as const;
export type RepeatKind = (typeof RepeatKind)[keyof typeof RepeatKind];

export const StaggerUnit = { seconds: 'seconds', minutes: 'minutes' } as const;
export type StaggerUnit = (typeof StaggerUnit)[keyof typeof StaggerUnit];
const SECONDS_PER: Record<StaggerUnit, number> = { seconds: 1, minutes: 60 };

export interface ScheduleDraft {
  postId: string | null;
  devices: string[];
  groupsText: string;
  repeat: RepeatKind;
  /** YYYY-MM-DD: the day of a one-off post, or the first day of a repeating one. */
  date: string;
  endDate: string;
  /** HH:MM, 24 h, in the box's time zone. */
  time: string;
  /** 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** The spread of the phones' starts, a whole number in `staggerUnit`. */
  stagger: string;
  staggerUnit: StaggerUnit;
  dailyCap: string;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  graceMinutes: string;
}

export interface ScheduleProblem {
  field: 'post' | 'devices' | 'date' | 'time' | 'weekdays' | 'stagger' | 'dailyCap' | 'quietHours' | 'graceMinutes' | 'endDate';
  key: string;
  values?: Record<string, number | string>;
}

const hm = /^([01]\d|2[0-3]):[0-5]\d$/;
const ymd = /^\d{4}-\d{2}-\d{2}$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function localDateText(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function localTimeText(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A fresh draft starting at the next whole minute after `now` (plus `leadMinutes`). */
export function emptyScheduleDraft(now: Date, leadMinutes = 10): ScheduleDraft {
  const start = new Date(now.getTime() + leadMinutes * 60_000);
  start.setSeconds(0, 0);
  return {
    postId: null,
    devices: [],
    groupsText: '',
    repeat: 'once',
    date: localDateText(start),
    endDate: '',
    time: localTimeText(start),
    weekdays: [1, 2, 3, 4, 5],
    stagger: '0',
    staggerUnit: 'minutes',
    dailyCap: '',
    quietEnabled: false,
    quietStart: '22:00',
    quietEnd: '08:00',
    graceMinutes: '30',
  };
}

export function parseGroups(text: string): string[] {
  return [...new Set(text.split(/[,，\s]+/u).map((name) => name.trim()).filter((name) => name.length > 0))];
}

function wholeNumber(text: string): number | null {
  return /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : null;
}

export function validateScheduleDraft(draft: ScheduleDraft): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (!draft.postId) problems.push({ field: 'post', key: 'postMissing' });
  if (draft.devices.length === 0 && parseGroups(draft.groupsText).length === 0) problems.push({ field: 'devices', key: 'phonesMissing' });
  if (!ymd.test(draft.date) || Number.isNaN(Date.parse(`${draft.date}T00:00:00`))) problems.push({ field: 'date', key: 'dateInvalid' });
  if (!hm.test(draft.time)) problems.push({ field: 'time', key: 'timeInvalid' });
  if (draft.repeat === 'weekly' && draft.weekdays.length === 0) problems.push({ field: 'weekdays', key: 'weekdaysMissing' });
  if (draft.repeat !== 'once' && draft.endDate && (!ymd.test(draft.endDate) || draft.endDate < draft.date)) problems.push({ field: 'endDate', key: 'endBeforeStart' });
  if (staggerSecondsOf(draft) === null) {
    const max = MAX_STAGGER_SECONDS / SECONDS_PER[draft.staggerUnit];
    problems.push({ field: 'stagger', key: draft.staggerUnit === 'seconds' ? 'staggerRangeSeconds' : 'staggerRangeMinutes', values: { max } });
  }
  if (draft.dailyCap.trim() !== '') {
    const cap = wholeNumber(draft.dailyCap);
    if (cap === null || cap < 1) problems.push({ field: 'dailyCap', key: 'capRange' });
  }
  if (draft.quietEnabled && (!hm.test(draft.quietStart) || !hm.test(draft.quietEnd) || draft.quietStart === draft.quietEnd)) problems.push({ field: 'quietHours', key: 'quietInvalid' });
  const grace = wholeNumber(draft.graceMinutes);
  if (grace === null || grace > 1440) problems.push({ field: 'graceMinutes', key: 'graceRange', values: { max: 1440 } });
  return problems;
}

/** The stagger in seconds, or null when it is not a whole number of the chosen unit within 12 hours. */
export function staggerSecondsOf(draft: Pick<ScheduleDraft, 'stagger' | 'staggerUnit'>): number | null {
  const count = wholeNumber(draft.stagger);
  if (count === null) return null;
  const seconds = count * SECONDS_PER[draft.staggerUnit];
  return seconds <= MAX_STAGGER_SECONDS ? seconds : null;
}

/** Switching the unit keeps the spread when it converts exactly (2 minutes → 120 seconds), else keeps the digits. */
export function withStaggerUnit(draft: ScheduleDraft, unit: StaggerUnit): ScheduleDraft {
  const seconds = staggerSecondsOf(draft);
  const converted = seconds === null || seconds % SECONDS_PER[unit] !== 0 ? draft.stagger : String(seconds / SECONDS_PER[unit]);
  return { ...draft, staggerUnit: unit, stagger: converted };
}

/** The request for a draft that passed `validateScheduleDraft`. */
export function scheduleDraftToInput(draft: ScheduleDraft): ScheduleInput {
  const time: ScheduleInput['time'] =
    draft.repeat === 'once'
      ? { kind: 'once', date: draft.date, time: draft.time }
      : draft.repeat === 'daily'
        ? { kind: 'daily', time: draft.time, startDate: draft.date, ...(draft.endDate ? { endDate: draft.endDate } : {}) }
        : { kind: 'weekly', time: draft.time, weekdays: [...draft.weekdays].sort(), startDate: draft.date, ...(draft.endDate ? { endDate: draft.endDate } : {}) };
  const groups = parseGroups(draft.groupsText);
  return {
    postId: draft.postId ?? '',
    ...(draft.devices.length > 0 ? { devices: [...draft.devices] } : {}),
    ...(groups.length > 0 ? { groups } : {}),
    time,
    staggerSeconds: staggerSecondsOf(draft) ?? 0,
    dailyCapPerPhone: draft.dailyCap.trim() === '' ? null : wholeNumber(draft.dailyCap),
    quietHours: draft.quietEnabled ? { start: draft.quietStart, end: draft.quietEnd } : null,
    graceMinutes: wholeNumber(draft.graceMinutes) ?? 30,
  };
}

/** The first start instant of a draft in this console's local time, or null when the date/time is incomplete. */
export function firstOccurrence(draft: ScheduleDraft): Date | null {
  if (!ymd.test(draft.date) || !hm.test(draft.time)) return null;
  const start = new Date(`${draft.date}T${draft.time}:00`);
  if (Number.isNaN(start.getTime())) return null;
  if (draft.repeat !== 'weekly') return start;
  for (let day = 0; day < 7; day++) {
    const candidate = new Date(start.getTime());
    candidate.setDate(start.getDate() + day);
    const isoWeekday = ((candidate.getDay() + 6) % 7) + 1;
    if (draft.weekdays.includes(isoWeekday)) return candidate;
  }
  return null;
}

export interface PlannedStart {
  deviceId: string;
  /** Earliest and latest start inside this phone's stagger slot. */
  from: Date;
  to: Date;
  quietMoved: boolean;
}

/**
 * Each phone gets an equal slot of the stagger window (the box shuffles the order and jitters inside a slot with
 * its seed), so the preview shows the window each phone's start falls in, in the order picked.
 */
export function previewPlannedStarts(draft: ScheduleDraft, deviceIds: readonly string[]): PlannedStart[] {
  const first = firstOccurrence(draft);
  if (!first || deviceIds.length === 0) return [];
  const slot = ((staggerSecondsOf(draft) ?? 0) * 1000) / deviceIds.length;
  return deviceIds.map((deviceId, index) => {
    let from = new Date(first.getTime() + Math.floor(index * slot));
    let to = new Date(first.getTime() + Math.floor((index + 1) * slot));
    let quietMoved = false;
    if (draft.quietEnabled && hm.test(draft.quietStart) && hm.test(draft.quietEnd)) {
      const end = quietEndOf(from, draft.quietStart, draft.quietEnd);
      if (end) {
        quietMoved = true;
        from = end;
        to = end;
      }
    }
    return { deviceId, from, to, quietMoved };
  });
}

function minutesOf(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The local end of the quiet window that `at` falls in, or null when `at` is outside it (may cross midnight). */
export function quietEndOf(at: Date, start: string, end: string): Date | null {
  const m = at.getHours() * 60 + at.getMinutes();
  const s = minutesOf(start);
  const e = minutesOf(end);
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return null;
  const result = new Date(at.getTime());
  result.setHours(Math.floor(e / 60), e % 60, 0, 0);
  if (s > e && m >= s) result.setDate(result.getDate() + 1);
  return result;
}
