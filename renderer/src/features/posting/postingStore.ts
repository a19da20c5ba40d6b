// Posting's typed hooks over the one store, and the connection of the box posting works on.
import type { BoxConnection } from '../../shared/connection/boxConnection.ts';
import { featureStoreHooks, useServices } from '../../shared/services.ts';
import { selectPostingBox, selectPostingCanWrite } from './postingSelectors.ts';
import type { PostingSlice } from './postingSlice.ts';

export const { useFeatureStore: usePostingStore, useFeatureState: usePostingState } = featureStoreHooks<PostingSlice>();

/** The link of the box posting works on while it is online, else null (the screens then say so). */
export function usePostingConnection(): BoxConnection | null {
  const { links } = useServices();
  const boxId = usePostingState((state) => {
    const box = selectPostingBox(state);
    return box?.state === 'online' ? box.id : null;
  });
  return boxId ? links.get(boxId) : null;
}

/** The posting link, but only for someone who may write (viewers look only). */
export function useWritablePostingConnection(): BoxConnection | null {
  const connection = usePostingConnection();
  const canWrite = usePostingState((state) => selectPostingCanWrite(state));
  return canWrite ? connection : null;
}
