// The bar under the top bar: which phone the keyboard drives, its Back / Home / Recents / Focus buttons.
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../native-bridge/protocol/controlInput.ts';
import { selectSelectedDevice } from '../state/selectors.ts';
import { useAppState, useServices } from './consoleServices.ts';
import { KeyboardSink } from './KeyboardSink.tsx';

export function PhoneButtons({ boxId, deviceId }: { boxId: string; deviceId: string }) {
  const { t } = useTranslation();
  const { links, keyboard } = useServices();
  const press = (input: Input) => {
    links.get(boxId)?.input(deviceId, input).catch(() => undefined);
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
  const { store } = useServices();
  const selected = useAppState(selectSelectedDevice);
  return (
    <div className="controlbar" data-testid="controlbar">
      <KeyboardSink />
      {selected ? (
        <>
          <span className="controlling" data-testid="controlling">
            {t('toolbar.selected', { name: selected.model || selected.serial })}
          </span>
          <PhoneButtons boxId={selected.boxId} deviceId={selected.id} />
          <button type="button" onClick={() => store.getState().openFocus(selected.key)} data-testid="open-focus">
            {t('toolbar.focus')}
          </button>
          <span className="hint">{t('toolbar.clipboardNote')}</span>
        </>
      ) : (
        <span className="hint">{t('toolbar.noneSelected')}</span>
      )}
    </div>
  );
}
