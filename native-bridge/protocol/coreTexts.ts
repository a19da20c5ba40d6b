// English wording of the texts the box's core sends (phones, requests, uploads to phones); keys are `core.*`.
import type { TextCatalog } from './boxText.ts';

export const CORE_TEXTS = {
  'core.deviceUnknown': 'no device {{deviceId}}',
  'core.deviceNotOnline': 'device {{deviceId}} is not online',
  'core.featureOff': '{{type}} is not available on this box (its feature is off)',
} as const satisfies TextCatalog;
