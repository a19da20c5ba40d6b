// When a schedule fires: one-off, daily or weekly local times in the box's time zone, with DST edges resolved.
import { DateTime } from 'luxon';

export type ScheduleTime =
  | { kind: 'once'; date: string; time: string }
  | { kind: 'daily'; time: string; startDate: string; endDate?: string | undefined }
  | { kind: 'weekly'; time: string; weekdays: number[]; startDate: string; endDate?: string | undefined };

export interface Occurrence {
  /** Stable key of the occurrence: its local date and time as written in the schedule (`2026-03-29T02:30`). */
  key: string;
  /** The instant it fires. */
  at: number;
}

function parseHm(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(':').map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}

function matchesWall(dt: DateTime, hour: number, minute: number): boolean {
  return dt.hour === hour && dt.minute === minute;
}

/**
 * The instant of a local wall time. A time skipped by spring-forward (02:30 on a day that jumps 02:00→03:00)
 * runs at the moment the clocks jump (03:00); a time that occurs twice at fall-back runs once, at its first
 * occurrence (cron's behaviour: no post twice, none skipped).
 */
export function localToInstant(date: string, time: string, zone: string): number {
  const { hour, minute } = parseHm(time);
  const [year, month, day] = date.split('-').map(Number);
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!dt.isValid) throw new Error(`invalid local time ${date} ${time} in ${zone}: ${dt.invalidExplanation ?? ''}`);
  if (!matchesWall(dt, hour, minute)) {
    // Luxon pushes a skipped time forward by the gap; walk back to the first instant with the new offset.
    let lo = dt.toMillis() - 3 * 3_600_000;
    let hi = dt.toMillis();
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (DateTime.fromMillis(mid, { zone }).offset === dt.offset) hi = mid;
      else lo = mid;
    }
    return hi;
  }
  for (const back of [60, 30, 120]) {
    const earlier = DateTime.fromMillis(dt.toMillis() - back * 60_000, { zone });
    if (matchesWall(earlier, hour, minute) && earlier.day === dt.day) return earlier.toMillis();
  }
  return dt.toMillis();
}

function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

/** Local calendar date of an instant. */
export function localDate(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toISODate() ?? '';
}

/** Occurrences with `fromMs <= at < toMs`, in time order. */
export function occurrencesBetween(rule: ScheduleTime, zone: string, fromMs: number, toMs: number): Occurrence[] {
  if (rule.kind === 'once') {
    const at = localToInstant(rule.date, rule.time, zone);
    return at >= fromMs && at < toMs ? [{ key: `${rule.date}T${rule.time}`, at }] : [];
  }
  const out: Occurrence[] = [];
  // Start a day early: a local date's instant can precede `fromMs`'s local date in another offset.
  let date = localDate(fromMs, zone);
  date = addDays(date < rule.startDate ? rule.startDate : date, -1);
  const lastDate = rule.endDate ?? addDays(localDate(toMs, zone), 1);
  for (; date <= lastDate; date = addDays(date, 1)) {
    if (date < rule.startDate) continue;
    if (rule.kind === 'weekly') {
      const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
      if (!rule.weekdays.includes(weekday)) continue;
    }
    const at = localToInstant(date, rule.time, zone);
    if (at >= toMs) break;
    if (at >= fromMs) out.push({ key: `${date}T${rule.time}`, at });
  }
  return out;
}
