// Group control's typed hooks over the one store.
import { featureStoreHooks } from '../../shared/services.ts';
import type { GroupSlice } from './groupSlice.ts';

export const { useFeatureStore: useGroupStore, useFeatureState: useGroupState } = featureStoreHooks<GroupSlice>();
