// Identifier schemas shared by every request: request ids, device ids and the ids of records the box keeps.
import { z } from 'zod';
import { Limits } from './limits.ts';

export const RequestIdSchema = z.union([
  z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  z.string().min(1).max(Limits.idMaxChars),
]);
export type RequestId = z.infer<typeof RequestIdSchema>;

export const DeviceIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:@-]+$/, 'invalid device id');

/** Ids of records the box made (posts, schedules, jobs, groups, quick replies). */
export const RecordIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'invalid id');

/** The common head of a request: its `type` literal and the `id` the box answers with. */
export const requestHead = <T extends string>(type: T) => ({ type: z.literal(type), id: RequestIdSchema });
