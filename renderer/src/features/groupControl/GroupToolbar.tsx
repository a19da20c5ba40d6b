// The group tools in the control bar: selection count, sync on/off (warning first when screen shapes differ),
// screenshots of the selected phones, and their keyboard shortcuts.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useServices } from '../../shared/services.ts';
import { useScreenshots } from '../phoneTools/useScreenshots.ts';
import { checkAspects } from './aspectCheck.ts';
import { selectGroupMembers } from './groupSelectors.ts';
import { useGroupActions } from './useGroupActions.ts';
import { useGroupShortcuts } from './useGroupShortcuts.ts';

export function GroupToolbar() {
  const { t } = useTranslation('chatTools');
  const { store, keyboard } = useServices();
  const group = useGroupActions();
  const screenshots = useScreenshots();
  const count = useAppState((state) => selectGroupMembers(state).length);
  const syncOn = useAppState((state) => state.syncOn);
  const [confirmSpread, setConfirmSpread] = useState<number | null>(null);

  const requestSync = () => {
    const state = store.getState();
    if (state.syncOn) {
      state.setSync(false);
      return;
    }
    const members = selectGroupMembers(state).flatMap((key) => (state.devices[key] ? [state.devices[key]] : []));
    if (members.length < 2) {
      state.showToast({ message: 'sync.needTwo', tone: 'error' });
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
    selectAll: () => group.selectAll(),
    clearSelection: () => {
      const state = store.getState();
      if (state.syncOn || selectGroupMembers(state).length < 2) return false;
      group.clear();
      return true;
    },
    toggleSync: requestSync,
    screenshot: () => void screenshots.take(),
  });

  return (
    <span className="group-tools">
      {count > 1 ? (
        <>
          <span className="group-count" data-testid="group-count">{t('selection.count', { count })}</span>
          {!syncOn ? (
            <button type="button" className="link" onClick={() => group.clear()} data-testid="group-clear">
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
      <button type="button" title={t('screenshot.shortcut')} disabled={count < 1} onClick={() => void screenshots.take()} data-testid="screenshot">
        {t('screenshot.selected')}
      </button>
      {confirmSpread !== null ? (
        <div className="dialog-backdrop" role="presentation">
          <div
            className="dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="sync-confirm-title"
            data-testid="sync-confirm"
            onKeyDown={(event) => {
              if (event.key === 'Escape') confirm(false);
            }}
          >
            <h2 id="sync-confirm-title">{t('sync.confirmTitle')}</h2>
            <p>{t('sync.confirmBody', { percent: (confirmSpread * 100).toFixed(1) })}</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => confirm(false)} data-testid="sync-confirm-cancel">
                {t('sync.cancel')}
              </button>
              <button type="button" className="primary" autoFocus onClick={() => confirm(true)} data-testid="sync-confirm-ok">
                {t('sync.confirm')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </span>
  );
}
