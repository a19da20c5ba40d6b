// Scheduled-posting state of the console: the box it works on, posts, jobs and filters.
import type { StateCreator } from 'zustand';
import type { JobTransition, WireJob, WirePost } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { CoreState } from '../../shared/state/coreState.ts';

/** The views posting adds to the view switch. */
export const PostingView = { posts: 'posts', schedule: 'schedule', jobs: 'jobs' } as const;
export type PostingView = (typeof PostingView)[keyof typeof PostingView];

export type JobStateName = WireJob['state'];

export interface JobFilter {
  state: JobStateName | null;
  deviceId: string | null;
  scheduleId: string | null;
}

export interface PostingSlice {
  /** The box whose posts and jobs are shown (null: the first online box). */
  postingBoxId: string | null;
  posts: Record<string, WirePost>;
  postSearch: string;
  jobs: Record<string, WireJob>;
  /** The last transitions seen live per job (newest last), so the drawer updates without a refetch. */
  liveLog: Record<string, JobTransition[]>;
  jobFilter: JobFilter;
  selectedJobId: string | null;
  /** The post the schedule dialog opens with. */
  schedulePostId: string | null;
  setPostingBox(boxId: string | null): void;
  setPosts(posts: WirePost[]): void;
  upsertPost(post: WirePost): void;
  removePost(postId: string): void;
  setPostSearch(search: string): void;
  setJobs(jobs: WireJob[]): void;
  applyJobEvent(job: WireJob, transition: JobTransition): void;
  setJobFilter(patch: Partial<JobFilter>): void;
  selectJob(jobId: string | null): void;
  /** Opens the schedule view for a post. */
  scheduleFor(postId: string | null): void;
  resetPosting(): void;
}

const liveLogLimit = 50;

const empty = {
  posts: {} as Record<string, WirePost>,
  jobs: {} as Record<string, WireJob>,
  liveLog: {} as Record<string, JobTransition[]>,
  selectedJobId: null,
};

export type PostingState = CoreState & PostingSlice;

export const createPostingSlice: StateCreator<PostingState, [], [], PostingSlice> = (set) => ({
  postingBoxId: null,
  postSearch: '',
  jobFilter: { state: null, deviceId: null, scheduleId: null },
  schedulePostId: null,
  ...empty,
  setPostingBox: (postingBoxId) => set({ postingBoxId, ...empty }),
  setPosts: (list) => set({ posts: Object.fromEntries(list.map((post) => [post.id, post])) }),
  upsertPost: (post) => set((state) => ({ posts: { ...state.posts, [post.id]: post } })),
  removePost: (postId) =>
    set((state) => {
      const posts = { ...state.posts };
      delete posts[postId];
      return { posts };
    }),
  setPostSearch: (postSearch) => set({ postSearch }),
  setJobs: (list) => set((state) => {
    const jobs = { ...state.jobs };
    for (const job of list) {
      const known = jobs[job.id];
      // A live event may be newer than a list answer that was already on its way.
      if (!known || known.updatedAt <= job.updatedAt) jobs[job.id] = job;
    }
    return { jobs };
  }),
  applyJobEvent: (job, transition) =>
    set((state) => {
      const known = state.jobs[job.id];
      const log = [...(state.liveLog[job.id] ?? []), transition].slice(-liveLogLimit);
      const jobs = !known || known.updatedAt <= job.updatedAt ? { ...state.jobs, [job.id]: job } : state.jobs;
      return { jobs, liveLog: { ...state.liveLog, [job.id]: log } };
    }),
  setJobFilter: (patch) => set((state) => ({ jobFilter: { ...state.jobFilter, ...patch } })),
  selectJob: (selectedJobId) => set({ selectedJobId }),
  scheduleFor: (schedulePostId) => set({ schedulePostId, view: PostingView.schedule }),
  resetPosting: () => set({ ...empty }),
});
