// The bar under the top bar: which phone the keyboard drives, its Back / Home / Recents / Focus buttons, the group
// tools (selection, sync, screenshots) and, while sync is on, the bar of followers.
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../native-bridge/protocol/controlInput.ts';
import { ClipboardBridge } from '../chatTools/ClipboardBridge.tsx';
import { ToastView } from '../chatTools/ToastView.tsx';
import { GroupToolbar } from '../groupControl/GroupToolbar.tsx';
import { groupInputFor } from '../groupControl/groupInput.ts';
import { SyncBar } from '../groupControl/SyncBar.tsx';
import '../chatTools/chatTools.css';
import type { WallDevice } from '../state/boxesSlice.ts';
import { selectSelectedDevice } from '../state/selectors.ts';
import { useAppState, useServices } from './consoleServices.ts';
import { KeyboardSink } from './KeyboardSink.tsx';

export function PhoneButtons({ device }: { device: WallDevice }) {
  const { t } = useTranslation();
  const { links, keyboard, store } = useServices();
  const press = (input: Input) => {
    groupInputFor(store, links).input(device, input).catch(() => undefined);
    keyboard.focus();
  };
  return (
    <span className="phone-buttons">
      <button type="button" onClick={() => press({ kind: 'back' })}>{t('toolbar.back')}</button>
      <button type="button" onClick={() => press({ kind: 'home' })}>{t('toolbar.home')}</button>
      <button type="button" onClick={() => press({ kind: 'recents' })}>{t('toolbar.recents')}</button>
    </span>
  );
}

export function ControlBar() {
  const { t } = useTranslation();
  const { t: tt } = useTranslation('chatTools');
  const { store } = useServices();
  const selected = useAppState(selectSelectedDevice);
  return (
    <>
      <div className="controlbar" data-testid="controlbar">
        <KeyboardSink />
        {selected ? (
          <>
            <span className="controlling" data-testid="controlling">
              {t('toolbar.selected', { name: selected.model || selected.serial })}
            </span>
            <PhoneButtons device={selected} />
            <button type="button" onClick={() => store.getState().openFocus(selected.key)} data-testid="open-focus">
              {t('toolbar.focus')}
            </button>
            <GroupToolbar />
            <span className="hint" title={tt('selection.hint')}>{t('toolbar.clipboardNote')}</span>
          </>
        ) : (
          <span className="hint">{t('toolbar.noneSelected')}</span>
        )}
      </div>
      <SyncBar />
      <ClipboardBridge />
      <ToastView />
    </>
  );
}
