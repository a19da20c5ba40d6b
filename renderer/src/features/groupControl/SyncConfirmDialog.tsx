// The warning before sync starts on phones whose screen shapes differ by more than the aspect rule allows.
import { useTranslation } from 'react-i18next';

export function SyncConfirmDialog({ spread, onAnswer }: { spread: number; onAnswer(accepted: boolean): void }) {
  const { t } = useTranslation('groupControl');
  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="sync-confirm-title"
        data-testid="sync-confirm"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onAnswer(false);
        }}
      >
        <h2 id="sync-confirm-title">{t('sync.confirmTitle')}</h2>
        <p>{t('sync.confirmBody', { percent: (spread * 100).toFixed(1) })}</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => onAnswer(false)} data-testid="sync-confirm-cancel">
            {t('sync.cancel')}
          </button>
          <button type="button" className="primary" autoFocus onClick={() => onAnswer(true)} data-testid="sync-confirm-ok">
            {t('sync.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
