// Named selectors over the posting slice: post search, job filters and counts, the box posting works on.
import type { WireJob, WirePost } from '../../../../native-bridge/protocol/postingMessages.ts';
import { JOB_STATES } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { BoxEntry, WallDevice } from '../../shared/state/boxesSlice.ts';
import type { JobStateName, PostingState } from './postingSlice.ts';

/** Posts whose title, text or tags contain the search (case-insensitive), newest edit first. */
export function selectFilteredPosts(state: Pick<PostingState, 'posts' | 'postSearch'>): WirePost[] {
  const needle = state.postSearch.trim().toLocaleLowerCase();
  const all = Object.values(state.posts).sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
  if (!needle) return all;
  return all.filter((post) => [post.title, post.text, ...post.tags].some((text) => text.toLocaleLowerCase().includes(needle)));
}

/** Jobs that pass the board's filters, by planned time then id (a stable order as events arrive). */
export function selectVisibleJobs(state: Pick<PostingState, 'jobs' | 'jobFilter'>): WireJob[] {
  const { state: wanted, deviceId, scheduleId } = state.jobFilter;
  return Object.values(state.jobs)
    .filter((job) => (!wanted || job.state === wanted) && (!deviceId || job.deviceId === deviceId) && (!scheduleId || job.scheduleId === scheduleId))
    .sort((a, b) => a.plannedAt - b.plannedAt || a.id.localeCompare(b.id));
}

/** How many known jobs are in each state (phone and schedule filters apply, the state filter does not). */
export function selectJobCounts(state: Pick<PostingState, 'jobs' | 'jobFilter'>): Record<JobStateName, number> {
  const counts = Object.fromEntries(JOB_STATES.map((name) => [name, 0])) as Record<JobStateName, number>;
  const { deviceId, scheduleId } = state.jobFilter;
  for (const job of Object.values(state.jobs)) {
    if ((deviceId && job.deviceId !== deviceId) || (scheduleId && job.scheduleId !== scheduleId)) continue;
    counts[job.state] += 1;
  }
  return counts;
}

export function selectSelectedJob(state: Pick<PostingState, 'jobs' | 'selectedJobId'>): WireJob | null {
  return state.selectedJobId ? (state.jobs[state.selectedJobId] ?? null) : null;
}

/** The box posting works on: the chosen one if still known, else the first online box, else the first box. */
export function selectPostingBox(state: Pick<PostingState, 'boxes' | 'boxOrder' | 'postingBoxId'>): BoxEntry | null {
  if (state.postingBoxId && state.boxes[state.postingBoxId]) return state.boxes[state.postingBoxId] ?? null;
  const boxes = state.boxOrder.flatMap((id) => (state.boxes[id] ? [state.boxes[id]] : []));
  return boxes.find((box) => box.state === 'online') ?? boxes[0] ?? null;
}

/** Viewers may look at posts and jobs; writing (compose, schedule, job actions) needs operator or admin. */
export function selectPostingCanWrite(state: Pick<PostingState, 'boxes' | 'boxOrder' | 'postingBoxId'>): boolean {
  const box = selectPostingBox(state);
  return box !== null && box.role !== 'viewer';
}

/** The phones of one box, sorted by model then id, for pickers and filters. */
export function selectBoxPhones(state: Pick<PostingState, 'devices'>, boxId: string | null): WallDevice[] {
  if (!boxId) return [];
  return Object.values(state.devices)
    .filter((device) => device.boxId === boxId)
    .sort((a, b) => a.model.localeCompare(b.model, 'zh-CN', { numeric: true }) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** How a phone is named in posting screens: many phones share a model, so the serial tells them apart. */
export function phoneLabel(phones: readonly WallDevice[], deviceId: string): string {
  const phone = phones.find((candidate) => candidate.id === deviceId);
  if (!phone) return deviceId;
  return phone.model ? `${phone.model} · ${phone.serial}` : phone.serial;
}

/** Distinct schedule ids among known jobs, for the schedule filter. */
export function selectJobScheduleIds(state: Pick<PostingState, 'jobs'>): string[] {
  return [...new Set(Object.values(state.jobs).map((job) => job.scheduleId))].sort();
}

/** The posting job running on a phone, if the box says it is busy. */
export function selectBusyJobId(state: Pick<PostingState, 'devices'>, deviceKey: string): string | null {
  return state.devices[deviceKey]?.busy?.jobId ?? null;
}
