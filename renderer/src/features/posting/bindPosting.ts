// Posting on one box's connection: job events of the box posting works on go into the store, and its posts and
// recent jobs are loaded after every (re)connect and whenever posting switches to this box while it is online.
import type { StoreApi } from 'zustand/vanilla';
import type { BoxConnection } from '../../shared/connection/boxConnection.ts';
import { selectPostingBox } from './postingSelectors.ts';
import type { PostingState } from './postingSlice.ts';

/** Jobs planned from a day ago on are what the board shows first; older ones come with filters. */
const jobWindowMs = 24 * 3600_000;

export async function refreshPostingLists(connection: BoxConnection, store: StoreApi<PostingState>, now: number): Promise<void> {
  const [posts, jobs] = await Promise.all([
    connection.request({ type: 'listPosts' }),
    connection.request({ type: 'listJobs', filter: { plannedFrom: Math.max(0, now - jobWindowMs) }, limit: 500 }),
  ]);
  store.getState().setPosts(posts.posts);
  store.getState().setJobs(jobs.jobs);
}

export function bindPosting(connection: BoxConnection, store: StoreApi<PostingState>, boxId: string): () => void {
  const postsHere = (state: PostingState) => selectPostingBox(state)?.id === boxId;
  const refresh = () => void refreshPostingLists(connection, store, Date.now()).catch(() => undefined);
  const stops = [
    // The box reads online before ready handlers run, so a box that just became the posting box is seen here.
    connection.onReady(() => {
      if (postsHere(store.getState())) refresh();
    }),
    store.subscribe((state, previous) => {
      const online = state.boxes[boxId]?.state === 'online' && previous.boxes[boxId]?.state === 'online';
      if (online && postsHere(state) && !postsHere(previous)) refresh();
    }),
    connection.on('job', (event) => {
      if (postsHere(store.getState())) store.getState().applyJobEvent(event.job, event.transition);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
