// The frame of every posting view: its screen, with a notice while no box is online to post with.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePostingConnection } from './postingStore.ts';
import './posting.css';

export function PostingScreen({ children }: { children: ReactNode }) {
  const { t } = useTranslation('posting');
  const connection = usePostingConnection();
  return (
    <main className="posting-main">
      {!connection ? (
        <p className="posting-notice" role="status">
          {t('common.noBox')}
        </p>
      ) : null}
      {children}
    </main>
  );
}
