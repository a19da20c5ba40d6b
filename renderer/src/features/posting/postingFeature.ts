// Scheduled posting as a feature: the post library, the schedule dialog, the job board, and the busy overlay on a
// phone that runs a posting flow. It works with the one connection of the box it posts with.
import { postingBoxTextsZhCN } from './boxTexts.zhCN.ts';
import { defineFeature } from '../../shared/feature.ts';
import { bindPosting } from './bindPosting.ts';
import { BusyOverlay } from './BusyOverlay.tsx';
import { postingEn } from './i18n.en.ts';
import { postingZhCN } from './i18n.zhCN.ts';
import { createPostingSlice } from './postingSlice.ts';
import type { PostingSlice } from './postingSlice.ts';
import { postingViews } from './postingViews.tsx';

export const postingFeature = defineFeature<PostingSlice>({
  id: 'posting',
  slice: createPostingSlice,
  i18n: { 'zh-CN': postingZhCN, en: postingEn },
  boxTexts: { 'zh-CN': postingBoxTextsZhCN },
  bind: bindPosting,
  views: postingViews,
  tile: { Overlay: BusyOverlay },
  focus: { Overlay: BusyOverlay },
});
