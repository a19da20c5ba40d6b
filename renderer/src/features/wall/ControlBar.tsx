// The bars under the top bar: which phone the keyboard drives with its Back / Home / Recents / Focus buttons and
// the features' control-bar tools, then the strip of wall tools, then what the features mount with the wall.
import { useTranslation } from 'react-i18next';
import { useConsoleState, useServices } from '../../shared/services.ts';
import { deviceDisplayName, selectSelectedDevice } from '../../shared/state/selectors.ts';
import { FeatureSlot } from '../../shared/ui/FeatureSlot.tsx';
import { ToastView } from '../../shared/ui/ToastView.tsx';
import { KeyboardSink } from './KeyboardSink.tsx';
import { PhoneButtons } from './PhoneButtons.tsx';

export function ControlBar() {
  const { t } = useTranslation('wall');
  const { store } = useServices();
  const selected = useConsoleState(selectSelectedDevice);
  const selectedName = useConsoleState((state) => (selected ? deviceDisplayName(state, selected) : ''));
  return (
    <>
      <div className="controlbar" data-testid="controlbar">
        <KeyboardSink />
        {selected ? (
          <>
            <span className="controlling" data-testid="controlling">
              {t('toolbar.selected', { name: selectedName })}
            </span>
            <PhoneButtons device={selected} />
            <button type="button" onClick={() => store.getState().openFocus(selected.key)} data-testid="open-focus">
              {t('toolbar.focus')}
            </button>
            <FeatureSlot slot="controlBar" />
            <span className="hint" title={t('toolbar.selectionHint')}>{t('toolbar.clipboardNote')}</span>
          </>
        ) : (
          <span className="hint">{t('toolbar.noneSelected')}</span>
        )}
      </div>
      <div className="wall-tools" data-testid="wall-tools">
        <FeatureSlot slot="wallTools" />
      </div>
      <FeatureSlot slot="wallHosts" />
      <ToastView />
    </>
  );
}
