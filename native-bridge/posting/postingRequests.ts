// The posting feature's request handlers (posts, schedules, jobs, flows) over its engine, and its wire copies.
import { say } from '../base/boxText.ts';
import { DateTime } from 'luxon';
import { BoxError } from '../base/boxError.ts';
import type { Handlers } from '../base/boxFeature.ts';
import type { FieldProblem } from '../base/fieldProblems.ts';
import { parseFlow } from '../flows/flowSchema.ts';
import type { Flow } from '../flows/flowSchema.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { JobTransition, PostingResultMap, WireJob, WirePost, WireSchedule } from '../protocol/postingMessages.ts';
import { cancelJob, resolveByHand, retryJob } from './jobActions.ts';
import type { Job, JobLogEntry } from './jobStore.ts';
import type { PostingEngine } from './postingEngine.ts';
import type { Post } from './postStore.ts';
import { scheduleSpecSchema } from './scheduleSpec.ts';
import type { Schedule } from './scheduleStore.ts';

/** How far ahead a new schedule is expanded into jobs at once (the engine keeps expanding after that). */
const CREATE_HORIZON_MS = 2 * 86_400_000;
const DEFAULT_PAGE = 100;

export interface PostingParts {
  engine: PostingEngine;
  zone: string;
  flows: ReadonlyMap<string, Flow>;
  now: () => number;
}

export function wireJob(job: Job): WireJob {
  const { id, scheduleId, occurrence, deviceId, postId, flowId, state, nominalAt, plannedAt, dueAt, graceMs, planNote, attempt, maxAttempts, step, reason, updatedAt } = job;
  return { id, scheduleId, occurrence, deviceId, postId, flowId, state, nominalAt, plannedAt, dueAt, graceMs, planNote, attempt, maxAttempts, step, reason, updatedAt };
}

export function wireTransition(entry: JobLogEntry): JobTransition {
  return { at: entry.at, from: entry.from, to: entry.to, attempt: entry.attempt, detail: entry.detail };
}

function wirePost(post: Post): WirePost {
  return { id: post.id, title: post.title, text: post.text, images: [...post.images], tags: [...post.tags], createdAt: post.createdAt, updatedAt: post.updatedAt };
}

function wireSchedule(schedule: Schedule): WireSchedule {
  return { id: schedule.id, zone: schedule.zone, spec: { ...schedule.spec }, createdAt: schedule.createdAt, cancelledAt: schedule.cancelledAt };
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
function refuseTextOnlyWithoutBranch({ engine, flows }: PostingParts, input: unknown): void {
  const spec = scheduleSpecSchema.safeParse(input);
  if (!spec.success) return;
  const post = engine.posts.get(spec.data.postId);
  const flow = flows.get(spec.data.flowId);
  if (!post || !flow || post.images.length > 0 || flow.steps.some((step) => step.when === 'noImages')) return;
  throw BoxError.invalid([{ field: 'postId', message: `post ${post.id} has no pictures and flow ${flow.id} posts only with pictures: add at least one picture` }]);
}

function jobNotFound(id: string): BoxError {
  return new BoxError(ErrorCode.NotFound, say('posting.jobNotFound', { jobId: id }));
}

export function postingHandlers(parts: PostingParts): Handlers<keyof PostingResultMap> {
  const { engine, zone, flows, now } = parts;
  return {
    listPosts: () => ({ posts: engine.posts.list().map(wirePost) }),
    getPost: (message) => {
      const post = engine.posts.get(message.postId);
      if (!post) throw new BoxError(ErrorCode.NotFound, say('posting.postNotFound', { postId: message.postId }));
      return { post: wirePost(post) };
    },
    createPost: (message) => ({ post: wirePost(engine.posts.create(message.post, now())) }),
    updatePost: (message) => ({ post: wirePost(engine.posts.edit(message.postId, message.post, now())) }),
    duplicatePost: (message) => ({ post: wirePost(engine.posts.duplicate(message.postId, now())) }),
    deletePost: (message) => {
      engine.posts.remove(message.postId);
      return {};
    },
    createSchedule: (message) => {
      refuseTextOnlyWithoutBranch(parts, message.schedule);
      const created = engine.schedules.create(message.schedule, zone, now(), CREATE_HORIZON_MS);
      return { schedule: wireSchedule(created.schedule), jobsCreated: created.jobsCreated };
    },
    listSchedules: (message) => ({ schedules: engine.schedules.list(message.includeCancelled ?? false).map(wireSchedule) }),
    cancelSchedule: (message) => ({ jobsCancelled: engine.schedules.cancel(message.scheduleId, now()) }),
    listJobs: (message) => {
      const limit = message.limit ?? DEFAULT_PAGE;
      const offset = message.offset ?? 0;
      const jobs = engine.jobs.list({ ...message.filter, limit, offset }).map(wireJob);
      return { jobs, limit, offset, total: engine.jobs.count(message.filter) };
    },
    getJob: (message) => {
      const job = engine.jobs.get(message.jobId);
      if (!job) throw jobNotFound(message.jobId);
      return { job: wireJob(job), log: engine.jobs.log(job.id).map(wireTransition), proofs: engine.jobs.proofs(job.id) };
    },
    cancelJob: (message, context) => ({ job: wireJob(cancelJob(engine.jobs, message.jobId, now(), context.who.role)) }),
    retryJob: (message, context) => ({ job: wireJob(retryJob(engine.jobs, message.jobId, now(), context.who.role)) }),
    resolveJob: (message, context) => ({ job: wireJob(resolveByHand(engine.jobs, message.jobId, message.outcome, now(), context.who.role, message.note)) }),
    phoneCalendar: (message) => {
      const first = DateTime.fromISO(message.from, { zone });
      if (!first.isValid) throw new BoxError(ErrorCode.BadRequest, `from: ${message.from} is not a real date`);
      const days = Array.from({ length: message.days }, (_, i) => {
        const start = first.plus({ days: i }).startOf('day');
        const jobs = engine.jobs.list({ deviceId: message.deviceId, plannedFrom: start.toMillis(), plannedTo: start.plus({ days: 1 }).toMillis() });
        return { date: start.toISODate() ?? message.from, jobs: jobs.map(wireJob) };
      });
      return { deviceId: message.deviceId, zone, days };
    },
    listFlows: () => ({ flows: [...flows.values()].map((flow) => ({ id: flow.id, name: flow.name, version: flow.version, description: flow.description ?? null })) }),
    validateFlow: (message) => {
      const parsed = parseFlow(message.flow);
      if (!parsed.ok) throw new BoxError(ErrorCode.Invalid, `the flow is invalid: ${parsed.errors.slice(0, 5).join('; ')}`, { problems: flowProblems(parsed.errors) });
      return { id: parsed.flow.id, name: parsed.flow.name, steps: parsed.flow.steps.length };
    },
  };
}
