// Group control as a feature: select phones into a group, sync the leader's input to them, see who fails.
import { defineFeature } from '../../shared/feature.ts';
import { FollowerFailure } from './FollowerFailure.tsx';
import { GroupInput } from './groupInput.ts';
import { selectTileRole } from './groupSelectors.ts';
import { createGroupSlice } from './groupSlice.ts';
import type { GroupSlice } from './groupSlice.ts';
import { GroupToolbar } from './GroupToolbar.tsx';
import { groupControlEn } from './i18n.en.ts';
import { groupControlZhCN } from './i18n.zhCN.ts';
import { SyncBar } from './SyncBar.tsx';

export const groupControlFeature = defineFeature<GroupSlice>({
  id: 'groupControl',
  slice: createGroupSlice,
  i18n: { 'zh-CN': groupControlZhCN, en: groupControlEn },
  phoneInput: (store, links) => new GroupInput(store, links),
  tile: {
    decorate: (state, device) => {
      const role = selectTileRole(state, device.key);
      return { classNames: role === 'none' ? [] : [`tile-group-${role}`], data: { 'group-role': role } };
    },
    Overlay: FollowerFailure,
  },
  controlBar: [GroupToolbar],
  wallHosts: [SyncBar],
});
