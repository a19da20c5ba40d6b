// The wall as a feature: the first view of the console. Its state is the core's (devices, wall view, selection).
import { defineFeature } from '../../shared/feature.ts';
import { wallViewId } from '../../shared/state/viewSlice.ts';
import { wallEn } from './i18n.en.ts';
import { wallZhCN } from './i18n.zhCN.ts';
import { WallView } from './WallView.tsx';

export const wallFeature = defineFeature({
  id: 'wall',
  i18n: { 'zh-CN': wallZhCN, en: wallEn },
  views: [{ id: wallViewId, labelKey: 'view', Component: WallView }],
});
