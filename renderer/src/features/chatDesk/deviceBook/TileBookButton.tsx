// The ✎ on a tile's name bar: edits the phone's book entry (or the selection's, when the tile is in it).
import { useTranslation } from 'react-i18next';
import type { DeviceProps } from '../../../shared/feature.ts';
import { useChatDeskStore } from '../chatDeskStore.ts';
import { openBookEditorFor } from './openBookEditor.ts';
import './deviceBook.css';

export function TileBookButton({ device }: DeviceProps) {
  const { t } = useTranslation('chatDesk');
  const store = useChatDeskStore();
  return (
    <button type="button" className="tile-book-edit icon" aria-label={t('book.edit')} title={t('book.edit')} onClick={() => openBookEditorFor(store, device)} data-testid="tile-book-edit">
      ✎
    </button>
  );
}
