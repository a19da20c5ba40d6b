// The wall's attention switches: sort phones with new messages first, and desktop alerts per box (desktop only).
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useServices } from '../../../shared/services.ts';
import { selectBoxes } from '../../../shared/state/selectors.ts';
import { useChatDeskState, useChatDeskStore } from '../chatDeskStore.ts';
import './attention.css';

export function AttentionControls() {
  const { t } = useTranslation('chatDesk');
  const { t: tc } = useTranslation();
  const { desktop } = useServices();
  const store = useChatDeskStore();
  const attentionFirst = useChatDeskState((state) => state.attentionFirst);
  const notifyBoxes = useChatDeskState((state) => state.notifyBoxes);
  const boxes = useChatDeskState(useShallow(selectBoxes));
  const count = useChatDeskState((state) => Object.keys(state.attention).length);
  return (
    <span className="attention-controls">
      <label className="switch">
        <input type="checkbox" checked={attentionFirst} onChange={(event) => store.getState().setAttentionFirst(event.target.checked)} data-testid="attention-first" />
        {t('attention.sortFirst')}
        {count > 0 ? <span className="attention-count" data-testid="attention-count">{count}</span> : null}
      </label>
      {desktop
        ? boxes.map((box) => (
            <label key={box.id} className="switch" title={t('attention.notifyBox', { name: box.embedded ? tc('box.embedded') : box.name || box.url })}>
              <input type="checkbox" checked={notifyBoxes.includes(box.id)} onChange={(event) => store.getState().setNotifyBox(box.id, event.target.checked)} data-testid="attention-notify" />
              {boxes.length > 1 ? `${t('attention.notify')} · ${box.embedded ? tc('box.embedded') : box.name || box.url}` : t('attention.notify')}
            </label>
          ))
        : null}
    </span>
  );
}
