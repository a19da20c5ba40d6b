// Named selectors over group control: the followers of the phone being worked and how each tile is outlined.
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { selectSelectedKeys } from '../../shared/state/selectors.ts';
import type { GroupState } from './groupSlice.ts';

type GroupView = Pick<GroupState, 'selectionKeys' | 'selectionAnchor' | 'selectedKey' | 'devices' | 'syncOn' | 'followerFailures'>;

/** The phones that repeat the leader's input: empty unless sync is on. */
export function selectFollowers(state: GroupView): WallDevice[] {
  if (!state.syncOn || state.selectedKey === null) return [];
  return selectSelectedKeys(state)
    .filter((key) => key !== state.selectedKey)
    .flatMap((key) => (state.devices[key] ? [state.devices[key]] : []));
}

export const TileRole = { none: 'none', member: 'member', leader: 'leader', follower: 'follower', failed: 'failed' } as const;
export type TileRole = (typeof TileRole)[keyof typeof TileRole];

/** How a tile is outlined: selected, leading, following or failed. */
export function selectTileRole(state: GroupView, key: string): TileRole {
  const members = selectSelectedKeys(state);
  if (!members.includes(key)) return TileRole.none;
  if (members.length < 2) return TileRole.none;
  if (!state.syncOn) return TileRole.member;
  if (key === state.selectedKey) return TileRole.leader;
  return key in state.followerFailures ? TileRole.failed : TileRole.follower;
}
