// The phone tools' typed hooks over the one store.
import { featureStoreHooks } from '../../shared/services.ts';
import type { PhoneToolsSlice } from './phoneToolsSlice.ts';

export const { useFeatureStore: usePhoneToolsStore, useFeatureState: usePhoneToolsState } = featureStoreHooks<PhoneToolsSlice>();
