// Turns one occurrence of a schedule into one job per phone: stagger, quiet hours and daily caps, with reasons.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { NewJob } from './jobStore.ts';
import type { Occurrence } from './scheduleRules.ts';
import { localDate, localToInstant } from './scheduleRules.ts';
import type { ScheduleSpec } from './scheduleSpec.ts';

export interface PlanInput {
  scheduleId: string;
  spec: ScheduleSpec;
  zone: string;
  occurrence: Occurrence;
  /** Resolved phones (explicit + group members), any order; planning sorts them. */
  deviceIds: readonly string[];
  /** A phone's own cap across schedules, if it has one. */
  deviceCap(deviceId: string): number | null;
  /** Jobs already planned for a phone on a local date (from the store). */
  plannedOn(deviceId: string, localDay: string): number;
}

/** A uniform number in [0, 1) from a string: the same inputs always give the same jitter. */
export function seededUnit(...parts: string[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

export function jobIdFor(scheduleId: string, occurrenceKey: string, deviceId: string): string {
  return createHash('sha256').update(`${scheduleId}\u0000${occurrenceKey}\u0000${deviceId}`).digest('hex').slice(0, 16);
}

function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** If `at` falls in the quiet window, the instant the window ends; otherwise null. */
export function quietEnd(at: number, quiet: { start: string; end: string }, zone: string): number | null {
  const local = DateTime.fromMillis(at, { zone });
  const m = local.hour * 60 + local.minute;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  const inside = start < end ? m >= start && m < end : m >= start || m < end;
  if (!inside) return null;
  const day = local.toISODate() ?? '';
  const endDay = start > end && m >= start ? (local.plus({ days: 1 }).toISODate() ?? day) : day;
  return localToInstant(endDay, quiet.end, zone);
}

function hhmm(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** Plans a batch; `counts` carries jobs planned earlier in the same batch so caps hold inside it too. */
export class SchedulePlanner {
  private readonly counts = new Map<string, number>();

  plan(input: PlanInput): NewJob[] {
    const { spec, zone, occurrence, scheduleId } = input;
    const devices = [...new Set(input.deviceIds)].sort();
    const staggerMs = spec.staggerSeconds * 1000;
    const slot = devices.length > 0 ? staggerMs / devices.length : 0;
    // Phones take evenly spaced slots in a seeded order, each with seeded jitter inside its slot.
    const seed = spec.seed ?? scheduleId;
    const rank = new Map(devices.map((id) => [id, seededUnit(seed, 'order', id)]));
    const order = [...devices].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    return order.map((deviceId, index) => {
      let at = occurrence.at + Math.floor(index * slot + seededUnit(seed, occurrence.key, deviceId) * slot);
      const notes: string[] = [];
      const cap = minCap(spec.dailyCapPerPhone, input.deviceCap(deviceId));
      for (let guard = 0; guard < 400; guard++) {
        if (spec.quietHours) {
          const end = quietEnd(at, spec.quietHours, zone);
          if (end !== null) {
            notes.push(`quiet hours ${spec.quietHours.start}–${spec.quietHours.end}: moved from ${hhmm(at, zone)} to ${hhmm(end, zone)}`);
            at = end;
          }
        }
        if (cap === null) break;
        const day = localDate(at, zone);
        const key = `${deviceId}\u0000${day}`;
        const count = this.counts.get(key) ?? input.plannedOn(deviceId, day);
        if (count < cap) {
          this.counts.set(key, count + 1);
          break;
        }
        const next = DateTime.fromMillis(at, { zone }).plus({ days: 1 });
        const nextAt = localToInstant(next.toISODate() ?? day, next.toFormat('HH:mm'), zone);
        notes.push(`daily cap ${cap} reached on ${day}: moved to ${hhmm(nextAt, zone)}`);
        at = nextAt;
      }
      return {
        id: jobIdFor(scheduleId, occurrence.key, deviceId),
        scheduleId,
        occurrence: occurrence.key,
        deviceId,
        postId: spec.postId,
        flowId: spec.flowId,
        nominalAt: occurrence.at,
        plannedAt: at,
        graceMs: spec.graceMinutes * 60_000,
        planNote: notes.length > 0 ? notes.join('; ') : null,
        maxAttempts: spec.maxAttempts,
      };
    });
  }
}

function minCap(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
