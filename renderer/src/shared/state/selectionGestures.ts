// The wall's selection gestures as store updates: a click (plain, Ctrl/Cmd, Shift), select all on the page, clear.
import type { ConsoleStore } from './coreState.ts';
import { selectCurrentSelection, selectWallPageKeys } from './selectors.ts';
import { clickSelection, selectAllVisible } from './selection.ts';
import type { ClickModifiers } from './selection.ts';

export function clickTile(store: ConsoleStore, key: string, modifiers: ClickModifiers): void {
  const state = store.getState();
  state.setSelection(clickSelection(selectCurrentSelection(state), key, modifiers, selectWallPageKeys(state)));
}

export function selectAllOnPage(store: ConsoleStore): void {
  const state = store.getState();
  state.setSelection(selectAllVisible(selectCurrentSelection(state), selectWallPageKeys(state)));
}
