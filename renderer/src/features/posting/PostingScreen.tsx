// Shows the posting screen the view switch chose, or says why posting is not available yet.
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../shared/services.ts';
import { JobBoard } from './JobBoard.tsx';
import { MaterialBox } from './MaterialBox.tsx';
import { usePostingClient } from './PostingProvider.tsx';
import { ScheduleDialog } from './ScheduleDialog.tsx';
import './posting.css';

export function PostingScreen() {
  const { t } = useTranslation('posting');
  const view = useAppState((state) => state.view);
  const client = usePostingClient();
  if (view === 'wall') return null;
  return (
    <main className="posting-main">
      {!client ? (
        <p className="posting-notice" role="status">
          {t('common.noBox')}
        </p>
      ) : null}
      {view === 'materials' ? <MaterialBox /> : view === 'schedule' ? <ScheduleDialog /> : <JobBoard />}
    </main>
  );
}
