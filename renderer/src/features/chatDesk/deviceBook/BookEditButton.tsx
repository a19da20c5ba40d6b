// The control bar's "details" button: edits the book entries of the selected phones.
import { useTranslation } from 'react-i18next';
import { selectSelectedKeys } from '../../../shared/state/selectors.ts';
import { useChatDeskStore } from '../chatDeskStore.ts';

export function BookEditButton() {
  const { t } = useTranslation('chatDesk');
  const store = useChatDeskStore();
  return (
    <button type="button" onClick={() => store.getState().openBookEditor(selectSelectedKeys(store.getState()))} data-testid="book-edit">
      {t('book.edit')}
    </button>
  );
}
