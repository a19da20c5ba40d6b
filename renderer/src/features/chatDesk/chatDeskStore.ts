// The chat desk's typed hooks over the one store.
import { featureStoreHooks } from '../../shared/services.ts';
import type { ChatDeskSlice } from './chatDeskSlice.ts';

export const { useFeatureStore: useChatDeskStore, useFeatureState: useChatDeskState } = featureStoreHooks<ChatDeskSlice>();
