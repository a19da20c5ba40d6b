// The focus view: one phone large with the focus stream, its buttons, and a text box that sends any language
// (through the PhoneInput port, so to a synced group as well); features add overlays, help under the text box and
// Tab completion of the draft.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useConsoleState, useServices } from '../../shared/services.ts';
import { deviceDisplayName, selectFocusDevice, selectTileState } from '../../shared/state/selectors.ts';
import { DeviceSlot } from '../../shared/ui/FeatureSlot.tsx';
import { StateBadge } from '../../shared/ui/StateBadge.tsx';
import { PhoneButtons } from './PhoneButtons.tsx';
import { PhoneScreen } from './PhoneScreen.tsx';

export function FocusView() {
  const { t } = useTranslation('wall');
  const { store, keyboard, phoneInput, features } = useServices();
  const device = useConsoleState(selectFocusDevice);
  const tile = useConsoleState(useShallow((state) => (device ? selectTileState(state, device) : { state: 'offline' as const, reason: null })));
  const name = useConsoleState((state) => (device ? deviceDisplayName(state, device) : ''));
  const [draft, setDraft] = useState('');
  const [sentCount, setSentCount] = useState(0);
  const completion = useConsoleState((state) => {
    for (const feature of features) {
      const completed = feature.focus?.completeDraft?.(state, draft);
      if (completed != null) return completed;
    }
    return null;
  });

  useEffect(() => {
    if (!device) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.shiftKey) store.getState().closeFocus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [device, store]);

  if (!device) return null;
  const send = () => {
    if (!draft) return;
    phoneInput.text(device, draft).then(() => setSentCount((count) => count + 1), () => undefined);
    setDraft('');
  };
  return (
    <div className="focus-backdrop" role="dialog" aria-label={t('focus.title', { name })} data-testid="focus-view">
      <div className="focus-panel">
        <header className="focus-header">
          <h2>{t('focus.title', { name })}</h2>
          <StateBadge state={tile.state} reason={tile.reason} />
          {device.simulated ? <span className="sim-mark">{t('tile.simulated')}</span> : null}
          <PhoneButtons device={device} />
          <button type="button" className="close" onClick={() => store.getState().closeFocus()} data-testid="close-focus">
            {t('focus.close')}
          </button>
        </header>
        <div className="focus-body">
          <div className="focus-screen" style={{ aspectRatio: device.width > 0 ? `${device.width} / ${device.height}` : '9 / 20' }}>
            <PhoneScreen device={device} profile="focus" live={tile.state === 'online'} wheelToPhone onPointerTaken={() => keyboard.focus()} className="focus-canvas" />
            <DeviceSlot pick={(feature) => feature.focus?.Overlay} device={device} />
          </div>
          <div className="focus-side">
            <textarea
              className="focus-text"
              value={draft}
              placeholder={t('focus.textPlaceholder')}
              data-testid="focus-text"
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (completion !== null && (event.key === 'Tab' || event.key === 'Enter') && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  setDraft(completion);
                  return;
                }
                if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  send();
                }
              }}
            />
            {features.map((feature) => {
              const Assist = feature.focus?.TextAssist;
              return Assist ? <Assist key={feature.id} draft={draft} onPick={setDraft} /> : null;
            })}
            <button type="button" className="primary" onClick={send} disabled={!draft}>
              {t('focus.send')}
            </button>
            {sentCount > 0 ? <span className="hint" data-testid="focus-sent">{t('focus.sent')} ×{sentCount}</span> : null}
            <p className="hint">{t('toolbar.clipboardNote')}</p>
          </div>
        </div>
      </div>
    </div>
  );
}
