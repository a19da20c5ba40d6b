// Scheduled-posting part of protocol v1: material, schedule, job and flow requests, the job wire type and event.
import { z } from 'zod';
import type { TextCatalog } from './boxText.ts';
import { DeviceIdSchema, RecordIdSchema, requestHead as req } from './ids.ts';

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 (64 lowercase hex digits)');
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const Hm = z.string().max(5);

export const JOB_STATES = ['scheduled', 'claimed', 'preparing', 'committing', 'verifying', 'done', 'failed', 'needs_check', 'missed', 'cancelled'] as const;
export const JobStateSchema = z.enum(JOB_STATES);

/** Shape and size only; the box's material rules (text ≤ 2000 code points, 0–9 uploaded images) answer `invalid`. */
export const PostInputSchema = z.strictObject({
  title: z.string().max(1000),
  text: z.string().max(20_000),
  images: z.array(Sha256Schema).max(50),
  tags: z.array(z.string().max(100)).max(50).optional(),
});

/** The widest spread of a schedule's phone starts: 12 hours, in seconds. */
export const MAX_STAGGER_SECONDS = 43_200;

/** Shape and size only; the box's schedule rules (known post, phones, groups, ranges) answer `invalid`. */
export const ScheduleInputSchema = z.strictObject({
  postId: RecordIdSchema,
  flowId: z.string().min(1).max(100).optional(),
  devices: z.array(DeviceIdSchema).max(1000).optional(),
  groups: z.array(RecordIdSchema).max(200).optional(),
  time: z.union([
    z.strictObject({ kind: z.literal('once'), date: DateSchema, time: Hm }),
    z.strictObject({ kind: z.literal('daily'), time: Hm, startDate: DateSchema, endDate: DateSchema.optional() }),
    z.strictObject({ kind: z.literal('weekly'), time: Hm, weekdays: z.array(z.int()).max(7), startDate: DateSchema, endDate: DateSchema.optional() }),
  ]),
  /** Spread of the phones' starts in seconds (0–43200); `staggerMinutes` is the older form: give one, not both. */
  staggerSeconds: z.int().optional(),
  staggerMinutes: z.int().optional(),
  /** Seed of the stagger spread; the schedule's id when absent. */
  seed: z.string().min(1).max(100).optional(),
  dailyCapPerPhone: z.int().nullable().optional(),
  quietHours: z.strictObject({ start: Hm, end: Hm }).nullable().optional(),
  graceMinutes: z.int().optional(),
  maxAttempts: z.int().optional(),
});

export const JobFilterSchema = z.strictObject({
  state: JobStateSchema.optional(),
  deviceId: DeviceIdSchema.optional(),
  scheduleId: RecordIdSchema.optional(),
  /** Planned time range [plannedFrom, plannedTo), ms since the epoch. */
  plannedFrom: z.int().min(0).optional(),
  plannedTo: z.int().min(0).optional(),
});

export const ListPostsRequestSchema = z.strictObject({ ...req('listPosts') });
export const GetPostRequestSchema = z.strictObject({ ...req('getPost'), postId: RecordIdSchema });
export const CreatePostRequestSchema = z.strictObject({ ...req('createPost'), post: PostInputSchema });
export const UpdatePostRequestSchema = z.strictObject({ ...req('updatePost'), postId: RecordIdSchema, post: PostInputSchema });
export const DuplicatePostRequestSchema = z.strictObject({ ...req('duplicatePost'), postId: RecordIdSchema });
export const DeletePostRequestSchema = z.strictObject({ ...req('deletePost'), postId: RecordIdSchema });
export const CreateScheduleRequestSchema = z.strictObject({ ...req('createSchedule'), schedule: ScheduleInputSchema });
export const ListSchedulesRequestSchema = z.strictObject({ ...req('listSchedules'), includeCancelled: z.boolean().optional() });
export const CancelScheduleRequestSchema = z.strictObject({ ...req('cancelSchedule'), scheduleId: RecordIdSchema });
export const ListJobsRequestSchema = z.strictObject({
  ...req('listJobs'),
  filter: JobFilterSchema.optional(),
  limit: z.int().min(1).max(500).optional(),
  offset: z.int().min(0).max(10_000_000).optional(),
});
export const GetJobRequestSchema = z.strictObject({ ...req('getJob'), jobId: RecordIdSchema });
export const CancelJobRequestSchema = z.strictObject({ ...req('cancelJob'), jobId: RecordIdSchema });
export const RetryJobRequestSchema = z.strictObject({ ...req('retryJob'), jobId: RecordIdSchema });
export const ResolveJobRequestSchema = z.strictObject({
  ...req('resolveJob'),
  jobId: RecordIdSchema,
  outcome: z.enum(['done', 'failed']),
  note: z.string().min(1).max(1000),
});
export const PhoneCalendarRequestSchema = z.strictObject({ ...req('phoneCalendar'), deviceId: DeviceIdSchema, from: DateSchema, days: z.int().min(1).max(62) });
export const ListFlowsRequestSchema = z.strictObject({ ...req('listFlows') });
/** `flow` is the flow document (JSON value, or its text). */
export const ValidateFlowRequestSchema = z.strictObject({ ...req('validateFlow'), flow: z.unknown() });

export const POSTING_REQUEST_SCHEMAS = [
  ListPostsRequestSchema,
  GetPostRequestSchema,
  CreatePostRequestSchema,
  UpdatePostRequestSchema,
  DuplicatePostRequestSchema,
  DeletePostRequestSchema,
  CreateScheduleRequestSchema,
  ListSchedulesRequestSchema,
  CancelScheduleRequestSchema,
  ListJobsRequestSchema,
  GetJobRequestSchema,
  CancelJobRequestSchema,
  RetryJobRequestSchema,
  ResolveJobRequestSchema,
  PhoneCalendarRequestSchema,
  ListFlowsRequestSchema,
  ValidateFlowRequestSchema,
] as const;

/** Posting requests a viewer may send: they only read. */
export const POSTING_READ_TYPES = ['listPosts', 'getPost', 'listSchedules', 'listJobs', 'getJob', 'phoneCalendar', 'listFlows', 'validateFlow'] as const;

export const WirePostSchema = z.strictObject({
  id: z.string(), title: z.string(), text: z.string(), images: z.array(z.string()), tags: z.array(z.string()),
  createdAt: z.number(), updatedAt: z.number(),
});
export type WirePost = z.infer<typeof WirePostSchema>;

export const WireJobSchema = z.strictObject({
  id: z.string(), scheduleId: z.string(), occurrence: z.string(), deviceId: z.string(), postId: z.string(), flowId: z.string(),
  state: JobStateSchema, nominalAt: z.number(), plannedAt: z.number(), dueAt: z.number(), graceMs: z.number(),
  planNote: z.string().nullable(), attempt: z.number(), maxAttempts: z.number(), step: z.string().nullable(),
  reason: z.string().nullable(), updatedAt: z.number(),
});
export type WireJob = z.infer<typeof WireJobSchema>;

export const JobTransitionSchema = z.strictObject({
  at: z.number(), from: JobStateSchema.nullable(), to: JobStateSchema, attempt: z.number(), detail: z.string().nullable(),
});
export type JobTransition = z.infer<typeof JobTransitionSchema>;

/** Sent to every control client on each job transition (the job as it is now, and the transition logged). */
export const JobEventSchema = z.strictObject({ type: z.literal('job'), job: WireJobSchema, transition: JobTransitionSchema });
export type JobEvent = z.infer<typeof JobEventSchema>;

export const POSTING_EVENT_SCHEMAS = [JobEventSchema] as const;

/** English wording of the texts posting sends; keys are `posting.*`. */
export const POSTING_TEXTS = {
  'posting.phoneBusy': 'phone {{deviceId}} is publishing a scheduled post (job {{jobId}}); input resumes when it is done',
  'posting.postNotFound': 'Post {{postId}} does not exist.',
  'posting.jobNotFound': 'Job {{jobId}} does not exist.',
} as const satisfies TextCatalog;

export interface WireSchedule {
  id: string;
  zone: string;
  spec: Record<string, unknown>;
  createdAt: number;
  cancelledAt: number | null;
}

export interface PostingResultMap {
  listPosts: { posts: WirePost[] };
  getPost: { post: WirePost };
  createPost: { post: WirePost };
  updatePost: { post: WirePost };
  duplicatePost: { post: WirePost };
  deletePost: Record<string, never>;
  createSchedule: { schedule: WireSchedule; jobsCreated: number };
  listSchedules: { schedules: WireSchedule[] };
  cancelSchedule: { jobsCancelled: number };
  /** `total`: jobs matching the filter across all pages. */
  listJobs: { jobs: WireJob[]; limit: number; offset: number; total: number };
  getJob: { job: WireJob; log: JobTransition[]; proofs: { at: number; label: string; sha256: string }[] };
  cancelJob: { job: WireJob };
  retryJob: { job: WireJob };
  resolveJob: { job: WireJob };
  phoneCalendar: { deviceId: string; zone: string; days: { date: string; jobs: WireJob[] }[] };
  listFlows: { flows: { id: string; name: string; version: number; description: string | null }[] };
  validateFlow: { id: string; name: string; steps: number };
}
