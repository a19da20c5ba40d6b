// Executes validated posting requests (materials, schedules, jobs, flows) against the box's posting service.
import { DateTime } from 'luxon';
import { parseFlow } from '../flows/flowSchema.ts';
import { cancelJob, resolveByHand, retryJob } from '../posting/jobActions.ts';
import type { Job, JobLogEntry, JobResult } from '../posting/jobStore.ts';
import type { FieldProblem } from '../posting/materialSchema.ts';
import { MaterialError, type Material } from '../posting/materialStore.ts';
import { scheduleSpecSchema } from '../posting/scheduleSpec.ts';
import { ScheduleError, type Schedule } from '../posting/scheduleStore.ts';
import type { BoxPosting } from '../posting/boxPosting.ts';
import type { ResultOf } from '../protocol/boxMessages.ts';
import type { ClientMessage } from '../protocol/clientMessages.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { POSTING_REQUEST_SCHEMAS } from '../protocol/postingMessages.ts';
import type { JobTransition, PostingResultMap, WireJob, WirePost, WireSchedule } from '../protocol/postingMessages.ts';
import { RequestError } from './errorMapping.ts';

type PostingType = keyof PostingResultMap;
type PostingMessage = Extract<ClientMessage, { type: PostingType }>;

const POSTING_TYPES: ReadonlySet<string> = new Set(POSTING_REQUEST_SCHEMAS.map((schema) => schema.shape.type.value));

export function isPostingRequest(message: ClientMessage): message is PostingMessage {
  return POSTING_TYPES.has(message.type);
}

/** How far ahead a new schedule is expanded into jobs at once (the engine keeps expanding after that). */
const CREATE_HORIZON_MS = 2 * 86_400_000;
const DEFAULT_PAGE = 100;

export interface PostingContext {
  posting: BoxPosting;
  /** Who asks, for the job log (`operator`, `admin`). */
  by: string;
  now: () => number;
}

export function wireJob(job: Job): WireJob {
  const { id, scheduleId, occurrence, deviceId, postId, flowId, state, nominalAt, plannedAt, dueAt, graceMs, planNote, attempt, maxAttempts, step, reason, updatedAt } = job;
  return { id, scheduleId, occurrence, deviceId, postId, flowId, state, nominalAt, plannedAt, dueAt, graceMs, planNote, attempt, maxAttempts, step, reason, updatedAt };
}

export function wireTransition(entry: JobLogEntry): JobTransition {
  return { at: entry.at, from: entry.from, to: entry.to, attempt: entry.attempt, detail: entry.detail };
}

function wirePost(post: Material): WirePost {
  return { id: post.id, title: post.title, text: post.text, images: [...post.images], tags: [...post.tags], createdAt: post.createdAt, updatedAt: post.updatedAt };
}

function wireSchedule(schedule: Schedule): WireSchedule {
  return { id: schedule.id, zone: schedule.zone, spec: { ...schedule.spec }, createdAt: schedule.createdAt, cancelledAt: schedule.cancelledAt };
}

/** Store errors become typed wire errors; field problems travel with `invalid`. */
function mapped<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MaterialError || error instanceof ScheduleError) {
      const code = error.code === 'invalid' ? ErrorCode.Invalid : error.code === 'not_found' ? ErrorCode.NotFound : ErrorCode.Conflict;
      throw new RequestError(code, error.message, error.problems.length > 0 ? { problems: error.problems } : {});
    }
    throw error;
  }
}

function jobOutcome(result: JobResult): { job: WireJob } {
  if (result.ok) return { job: wireJob(result.job) };
  throw new RequestError(result.error.code === 'not_found' ? ErrorCode.NotFound : ErrorCode.Conflict, result.error.message);
}

/** `steps[3].timeoutMs: expected a positive integer` → `{ field: "steps[3].timeoutMs", message: "expected …" }`. */
export function flowProblems(errors: readonly string[]): FieldProblem[] {
  return errors.map((line) => {
    const at = line.indexOf(': ');
    return at < 0 ? { field: '(flow)', message: line } : { field: line.slice(0, at), message: line.slice(at + 2) };
  });
}

/**
 * A post without pictures needs a flow that knows the app's text-only entry (steps marked `when: "noImages"`);
 * otherwise every job would fail on the phone after its attempts, so the schedule is refused up front.
 */
function refuseTextOnlyWithoutBranch(posting: BoxPosting, input: unknown): void {
  const spec = scheduleSpecSchema.safeParse(input);
  if (!spec.success) return;
  const post = posting.engine.materials.get(spec.data.postId);
  const flow = posting.flows.get(spec.data.flowId);
  if (!post || !flow || post.images.length > 0 || flow.steps.some((step) => step.when === 'noImages')) return;
  const problem = { field: 'postId', message: `post ${post.id} has no pictures and flow ${flow.id} posts only with pictures: add at least one picture` };
  throw new RequestError(ErrorCode.Invalid, `${problem.field}: ${problem.message}`, { problems: [problem] });
}

export function runPostingRequest(message: PostingMessage, ctx: PostingContext): PostingResultMap[PostingType] {
  const { engine, zone, flows } = ctx.posting;
  const now = ctx.now();
  switch (message.type) {
    case 'listPosts':
      return { posts: engine.materials.list().map(wirePost) } satisfies ResultOf<'listPosts'>;
    case 'getPost': {
      const post = engine.materials.get(message.postId);
      if (!post) throw new RequestError(ErrorCode.NotFound, `Post ${message.postId} does not exist.`);
      return { post: wirePost(post) } satisfies ResultOf<'getPost'>;
    }
    case 'createPost':
      return { post: wirePost(mapped(() => engine.materials.create(message.post, now))) };
    case 'updatePost':
      return { post: wirePost(mapped(() => engine.materials.edit(message.postId, message.post, now))) };
    case 'duplicatePost':
      return { post: wirePost(mapped(() => engine.materials.duplicate(message.postId, now))) };
    case 'deletePost':
      mapped(() => engine.materials.remove(message.postId));
      return {};
    case 'createSchedule': {
      refuseTextOnlyWithoutBranch(ctx.posting, message.schedule);
      const created = mapped(() => engine.schedules.create(message.schedule, zone, now, CREATE_HORIZON_MS));
      return { schedule: wireSchedule(created.schedule), jobsCreated: created.jobsCreated } satisfies ResultOf<'createSchedule'>;
    }
    case 'listSchedules':
      return { schedules: engine.schedules.list(message.includeCancelled ?? false).map(wireSchedule) };
    case 'cancelSchedule':
      return { jobsCancelled: mapped(() => engine.schedules.cancel(message.scheduleId, now)) };
    case 'listJobs': {
      const limit = message.limit ?? DEFAULT_PAGE;
      const offset = message.offset ?? 0;
      const jobs = engine.jobs.list({ ...message.filter, limit, offset }).map(wireJob);
      return { jobs, limit, offset, total: engine.jobs.count(message.filter) } satisfies ResultOf<'listJobs'>;
    }
    case 'getJob': {
      const job = engine.jobs.get(message.jobId);
      if (!job) throw new RequestError(ErrorCode.NotFound, `Job ${message.jobId} does not exist.`);
      return { job: wireJob(job), log: engine.jobs.log(job.id).map(wireTransition), proofs: engine.jobs.proofs(job.id) } satisfies ResultOf<'getJob'>;
    }
    case 'cancelJob':
      return jobOutcome(cancelJob(engine.jobs, message.jobId, now, ctx.by));
    case 'retryJob':
      return jobOutcome(retryJob(engine.jobs, message.jobId, now, ctx.by));
    case 'resolveJob':
      return jobOutcome(resolveByHand(engine.jobs, message.jobId, message.outcome, now, ctx.by, message.note));
    case 'phoneCalendar': {
      const first = DateTime.fromISO(message.from, { zone });
      if (!first.isValid) throw new RequestError(ErrorCode.BadRequest, `from: ${message.from} is not a real date`);
      const days = Array.from({ length: message.days }, (_, i) => {
        const start = first.plus({ days: i }).startOf('day');
        const jobs = engine.jobs.list({ deviceId: message.deviceId, plannedFrom: start.toMillis(), plannedTo: start.plus({ days: 1 }).toMillis() });
        return { date: start.toISODate() ?? message.from, jobs: jobs.map(wireJob) };
      });
      return { deviceId: message.deviceId, zone, days } satisfies ResultOf<'phoneCalendar'>;
    }
    case 'listFlows':
      return { flows: [...flows.values()].map((flow) => ({ id: flow.id, name: flow.name, version: flow.version, description: flow.description ?? null })) };
    case 'validateFlow': {
      const parsed = parseFlow(message.flow);
      if (!parsed.ok) throw new RequestError(ErrorCode.Invalid, `the flow is invalid: ${parsed.errors.slice(0, 5).join('; ')}`, { problems: flowProblems(parsed.errors) });
      return { id: parsed.flow.id, name: parsed.flow.name, steps: parsed.flow.steps.length } satisfies ResultOf<'validateFlow'>;
    }
  }
}
