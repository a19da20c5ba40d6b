// Validation of a schedule: which post, which phones/groups, when, and how to pace it.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { MAX_STAGGER_SECONDS } from '../protocol/postingMessages.ts';

const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM (24 h)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine((d) => DateTime.fromISO(d).isValid, 'not a real date');

export const scheduleTimeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('once'), date, time: hm }).strict(),
    z.object({ kind: z.literal('daily'), time: hm, startDate: date, endDate: date.optional() }).strict(),
    z.object({ kind: z.literal('weekly'), time: hm, weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'pick at least one weekday (1 = Monday … 7 = Sunday)'), startDate: date, endDate: date.optional() }).strict(),
  ],
  { error: 'expected kind to be once, daily or weekly' },
);

export const scheduleSpecSchema = z
  .object({
    postId: z.string().min(1, 'choose a post'),
    flowId: z.string().min(1).default('simulated-moments'),
    devices: z.array(z.string().min(1)).default([]),
    groups: z.array(z.string().min(1)).default([]),
    time: scheduleTimeSchema,
    /** Spread the phones' start times over this many seconds (seeded, same spread every time for this schedule). */
    staggerSeconds: z.number().int().min(0).max(MAX_STAGGER_SECONDS, 'stagger at most 12 hours (43200 seconds)').optional(),
    /** The older whole-minute form of the stagger, still accepted (and found in schedules stored before seconds). */
    staggerMinutes: z.number().int().min(0).max(MAX_STAGGER_SECONDS / 60, 'stagger at most 12 hours (720 minutes)').optional(),
    /** Seed of the stagger order and jitter (the schedule's id when absent): the same seed gives the same spread. */
    seed: z.string().min(1).max(100).optional(),
    /** At most this many posts per phone per local day, across all schedules (null: no cap from this schedule). */
    dailyCapPerPhone: z.number().int().min(1, 'a cap is at least 1 post per day').nullable().default(null),
    /** No post starts inside this local window; jobs wait for its end. May cross midnight (22:00–08:00). */
    quietHours: z.object({ start: hm, end: hm }).strict().refine((q) => q.start !== q.end, 'quiet hours need different start and end').nullable().default(null),
    /** Late starts (box down, phone busy) are still run up to this many minutes after the planned time. */
    graceMinutes: z.number().int().min(0).max(24 * 60).default(30),
    maxAttempts: z.number().int().min(1).max(10).default(3),
  })
  .strict()
  .refine((s) => s.staggerSeconds === undefined || s.staggerMinutes === undefined, { message: 'give the stagger once: staggerSeconds or staggerMinutes, not both', path: ['staggerSeconds'] })
  .refine((s) => s.devices.length + s.groups.length > 0, { message: 'choose at least one phone or group', path: ['devices'] })
  .refine((s) => s.time.kind === 'once' || s.time.endDate === undefined || s.time.endDate >= s.time.startDate, { message: 'the end date is before the start date', path: ['time', 'endDate'] })
  // One unit from here on: what is stored and what the box returns carry seconds only.
  .transform(({ staggerMinutes, staggerSeconds, ...rest }) => ({ ...rest, staggerSeconds: staggerSeconds ?? (staggerMinutes ?? 0) * 60 }));

export type ScheduleSpec = z.infer<typeof scheduleSpecSchema>;
