// The wall tools' switch of the quick-reply panel (also Alt+Q).
import { useTranslation } from 'react-i18next';
import { useChatDeskState, useChatDeskStore } from '../chatDeskStore.ts';

export function RepliesToggle() {
  const { t } = useTranslation('chatDesk');
  const store = useChatDeskStore();
  const panelOpen = useChatDeskState((state) => state.quickPanelOpen);
  return (
    <button
      type="button"
      className={panelOpen ? 'active' : ''}
      aria-pressed={panelOpen}
      title={`${t('replies.toggle')} (Alt+Q)`}
      onClick={() => store.getState().toggleQuickPanel()}
      data-testid="replies-toggle"
    >
      {t('replies.toggle')}
    </button>
  );
}
