// Which box the chat desk works with: the box of the selected phone, else the first online box, else the first box.
import type { CoreState } from '../../shared/state/coreState.ts';

export function selectActiveBoxId(state: Pick<CoreState, 'selectedKey' | 'devices' | 'boxOrder' | 'boxes'>): string | null {
  const selected = state.selectedKey ? state.devices[state.selectedKey] : undefined;
  if (selected) return selected.boxId;
  return state.boxOrder.find((id) => state.boxes[id]?.state === 'online') ?? state.boxOrder[0] ?? null;
}
