// The focus view: one phone large with the focus stream, its buttons, and a text box that sends any language
// (to the synced followers as well when this phone leads a group).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupInputFor } from '../groupControl/groupInput.ts';
import { deviceDisplayName, selectFocusDevice, selectTileState } from '../../shared/state/selectors.ts';
import { ReplySuggestions } from '../chatDesk/quickReplies/QuickReplyPalette.tsx';
import { matchReplies } from '../chatDesk/quickReplies/replyMatching.ts';
import { selectActiveReplies } from '../chatDesk/quickReplies/quickRepliesSlice.ts';
import { useShallow } from 'zustand/react/shallow';
import { useAppState, useServices } from '../../shared/services.ts';
import { PhoneButtons } from './ControlBar.tsx';
import { BusyOverlay } from '../posting/BusyOverlay.tsx';
import { PhoneScreen } from './PhoneScreen.tsx';
import { StateBadge } from '../../shared/ui/StateBadge.tsx';

export function FocusView() {
  const { t } = useTranslation();
  const { store, links, keyboard } = useServices();
  const device = useAppState(selectFocusDevice);
  const tile = useAppState(useShallow((state) => (device ? selectTileState(state, device) : { state: 'offline' as const, reason: null })));
  const name = useAppState((state) => (device ? deviceDisplayName(state, device) : ''));
  const replies = useAppState(selectActiveReplies);
  const [draft, setDraft] = useState('');
  const [sentCount, setSentCount] = useState(0);

  useEffect(() => {
    if (!device) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.shiftKey) store.getState().closeFocus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [device, store]);

  if (!device) return null;
  // `/shortcut` + Tab (or Enter) takes the best matching quick reply into the text box instead of sending it.
  const suggestion = draft.startsWith('/') ? (matchReplies(replies, draft, 1)[0] ?? null) : null;
  const send = () => {
    if (!draft) return;
    groupInputFor(store, links).text(device, draft).then(() => setSentCount((count) => count + 1), () => undefined);
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
            <BusyOverlay deviceKey={device.key} />
          </div>
          <div className="focus-side">
            <textarea
              className="focus-text"
              value={draft}
              placeholder={t('focus.textPlaceholder')}
              data-testid="focus-text"
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (suggestion && (event.key === 'Tab' || event.key === 'Enter') && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  setDraft(suggestion.text);
                  return;
                }
                if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  send();
                }
              }}
            />
            <ReplySuggestions draft={draft} onPick={setDraft} />
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
