// Named selectors over the group state: members, leader, followers and what each tile shows of them.
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import type { GroupSlice } from './groupSlice.ts';
import type { Selection } from './selection.ts';

type GroupView = Pick<GroupSlice, 'groupKeys' | 'groupAnchor' | 'syncOn' | 'followerFailures'> & {
  selectedKey: string | null;
  devices: Record<string, WallDevice>;
};

/**
 * The selected phones that still exist. A leader taken outside the group (focus view, another path) makes the
 * group just that phone, so sync never follows a phone the operator is not looking at.
 */
export function selectGroupMembers(state: GroupView): string[] {
  const members = state.groupKeys.filter((key) => key in state.devices);
  if (state.selectedKey === null || !(state.selectedKey in state.devices)) return members;
  return members.includes(state.selectedKey) ? members : [state.selectedKey];
}

export function selectCurrentSelection(state: GroupView): Selection {
  return { keys: selectGroupMembers(state), anchor: state.groupAnchor, leader: state.selectedKey };
}

/** The phones that repeat the leader's input: empty unless sync is on. */
export function selectFollowers(state: GroupView): WallDevice[] {
  if (!state.syncOn || state.selectedKey === null) return [];
  return selectGroupMembers(state)
    .filter((key) => key !== state.selectedKey)
    .flatMap((key) => (state.devices[key] ? [state.devices[key]] : []));
}

export const TileRole = { none: 'none', member: 'member', leader: 'leader', follower: 'follower', failed: 'failed' } as const;
export type TileRole = (typeof TileRole)[keyof typeof TileRole];

/** How a tile is outlined: selected, leading, following or failed. */
export function selectTileRole(state: GroupView, key: string): TileRole {
  const members = selectGroupMembers(state);
  if (!members.includes(key)) return TileRole.none;
  if (members.length < 2) return TileRole.none;
  if (!state.syncOn) return TileRole.member;
  if (key === state.selectedKey) return TileRole.leader;
  return key in state.followerFailures ? TileRole.failed : TileRole.follower;
}
