// Keeps one posting link to the box posting works on, feeds posts and live job events into the store,
// and hands the link to the posting screens.
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { DesktopApi } from '../../../../preload/contract/desktopApi.ts';
import { loadToken } from '../../shared/connection/tokenStorage.ts';
import { useAppState, useServices } from '../../shared/services.ts';
import type { AppStore } from '../../app/appStore.ts';
import type { BoxEntry } from '../../shared/state/boxesSlice.ts';
import { PostingClient } from './postingClient.ts';
import { selectPostingBox } from './postingSelectors.ts';

const PostingClientContext = createContext<PostingClient | null>(null);

/** The posting link of the current box, or null while there is none (no box online yet). */
export function usePostingClient(): PostingClient | null {
  return useContext(PostingClientContext);
}

async function credentialsFor(box: BoxEntry, desktop: DesktopApi | null): Promise<{ url: string; token: string } | null> {
  if (desktop) {
    const credentials = await desktop.boxCredentials(box.id);
    return credentials.ok ? credentials.value : null;
  }
  const token = loadToken({ session: window.sessionStorage, local: window.localStorage });
  return token ? { url: box.url, token } : null;
}

/** Jobs planned from a day ago on are what the board shows first; older ones come with filters. */
const jobWindowMs = 24 * 3600_000;

export async function refreshPostingLists(client: PostingClient, store: AppStore, now: number): Promise<void> {
  const [posts, jobs] = await Promise.all([
    client.request({ type: 'listPosts' }),
    client.request({ type: 'listJobs', filter: { plannedFrom: Math.max(0, now - jobWindowMs) }, limit: 500 }),
  ]);
  store.getState().setPosts(posts.posts);
  store.getState().setJobs(jobs.jobs);
}

export function PostingProvider({ children }: { children: ReactNode }) {
  const { store, desktop } = useServices();
  const box = useAppState(selectPostingBox);
  const boxId = box?.id ?? null;
  const online = box?.state === 'online';
  const [client, setClient] = useState<PostingClient | null>(null);
  useEffect(() => {
    if (!box || !online) return;
    let cancelled = false;
    let started: PostingClient | null = null;
    void credentialsFor(box, desktop).then((credentials) => {
      if (cancelled || !credentials) return;
      started = new PostingClient({
        url: credentials.url,
        token: credentials.token,
        events: {
          onReady: () => void refreshPostingLists(started!, store, Date.now()).catch(() => undefined),
          onJob: (event) => store.getState().applyJobEvent(event.job, event.transition),
        },
      });
      started.start();
      setClient(started);
    });
    return () => {
      cancelled = true;
      started?.stop();
      setClient(null);
    };
    // The link follows the box id and its online state, not every change of the entry.
  }, [boxId, online, desktop, store]);
  return <PostingClientContext.Provider value={client}>{children}</PostingClientContext.Provider>;
}
