// The group tools in the control bar: selection count and clear, sync on/off (a warning first when screen shapes
// differ), and their keyboard shortcuts.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../shared/services.ts';
import { selectSelectedKeys } from '../../shared/state/selectors.ts';
import { selectAllOnPage } from '../../shared/state/selectionGestures.ts';
import { checkAspects } from './aspectCheck.ts';
import { useGroupState, useGroupStore } from './groupStore.ts';
import { SyncConfirmDialog } from './SyncConfirmDialog.tsx';
import { useGroupShortcuts } from './useGroupShortcuts.ts';

export function GroupToolbar() {
  const { t } = useTranslation('groupControl');
  const { keyboard } = useServices();
  const store = useGroupStore();
  const count = useGroupState((state) => selectSelectedKeys(state).length);
  const syncOn = useGroupState((state) => state.syncOn);
  const [confirmSpread, setConfirmSpread] = useState<number | null>(null);

  const requestSync = () => {
    const state = store.getState();
    if (state.syncOn) {
      state.setSync(false);
      return;
    }
    const members = selectSelectedKeys(state).flatMap((key) => (state.devices[key] ? [state.devices[key]] : []));
    if (members.length < 2) {
      state.showToast({ namespace: 'groupControl', message: 'sync.needTwo', tone: 'error' });
      return;
    }
    const aspects = checkAspects(members);
    if (aspects.differs) setConfirmSpread(aspects.spread);
    else state.setSync(true);
  };
  const confirm = (accepted: boolean) => {
    setConfirmSpread(null);
    if (accepted) store.getState().setSync(true);
    keyboard.focus();
  };

  useGroupShortcuts({
    selectAll: () => selectAllOnPage(store),
    clearSelection: () => {
      const state = store.getState();
      if (state.syncOn || selectSelectedKeys(state).length < 2) return false;
      state.clearSelection();
      return true;
    },
    toggleSync: requestSync,
  });

  return (
    <span className="group-tools">
      {count > 1 ? (
        <>
          <span className="group-count" data-testid="group-count">{t('selection.count', { count })}</span>
          {!syncOn ? (
            <button type="button" className="link" onClick={() => store.getState().clearSelection()} data-testid="group-clear">
              {t('selection.clear')}
            </button>
          ) : null}
        </>
      ) : null}
      <button
        type="button"
        className={syncOn ? 'sync-toggle sync-toggle-on' : 'sync-toggle'}
        aria-pressed={syncOn}
        title={`${t('sync.note')} (${t('sync.shortcut')})`}
        disabled={!syncOn && count < 2}
        onClick={requestSync}
        data-testid="sync-toggle"
      >
        {syncOn ? t('sync.turnOff') : t('sync.turnOn')}
      </button>
      {confirmSpread !== null ? <SyncConfirmDialog spread={confirmSpread} onAnswer={confirm} /> : null}
    </span>
  );
}
