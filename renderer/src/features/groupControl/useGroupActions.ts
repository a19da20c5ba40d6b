// The wall's group actions shared by tiles, toolbar and shortcuts: click-selection, select all, clear.
import { useServices } from '../../shared/services.ts';
import { selectWallPage } from '../../shared/state/selectors.ts';
import type { AppState } from '../../app/appStore.ts';
import { selectCurrentSelection } from './groupSelectors.ts';
import { clickSelection, selectAllVisible } from './selection.ts';
import type { ClickModifiers } from './selection.ts';

/** Keys of the tiles on the current wall page, in wall order. */
export function visibleKeys(state: AppState): string[] {
  return selectWallPage(state).devices.map((device) => device.key);
}

export function useGroupActions() {
  const { store } = useServices();
  return {
    click(key: string, modifiers: ClickModifiers): void {
      const state = store.getState();
      state.setSelection(clickSelection(selectCurrentSelection(state), key, modifiers, visibleKeys(state)));
    },
    selectAll(): void {
      const state = store.getState();
      state.setSelection(selectAllVisible(selectCurrentSelection(state), visibleKeys(state)));
    },
    clear(): void {
      store.getState().clearSelection();
    },
  };
}
