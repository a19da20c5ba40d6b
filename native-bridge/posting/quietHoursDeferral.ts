// Quiet hours at run time: a job that becomes due inside its schedule's quiet hours (late, or retried) waits.
import { DateTime } from 'luxon';
import type { Job } from './jobStore.ts';
import { quietEnd } from './schedulePlanner.ts';
import type { Schedule } from './scheduleStore.ts';

export function quietHoursDeferral(scheduleOf: (id: string) => Schedule | null): (job: Job, now: number) => { until: number; reason: string } | null {
  return (job, now) => {
    let schedule: Schedule | null;
    try {
      schedule = scheduleOf(job.scheduleId);
    } catch {
      return null;
    }
    const quiet = schedule?.spec.quietHours;
    if (!schedule || !quiet) return null;
    const until = quietEnd(now, quiet, schedule.zone);
    if (until === null) return null;
    const at = (ms: number) => DateTime.fromMillis(ms, { zone: schedule.zone }).toFormat('yyyy-MM-dd HH:mm');
    return { until, reason: `quiet hours ${quiet.start}–${quiet.end} reached at ${at(now)}: waits until ${at(until)}` };
  };
}
