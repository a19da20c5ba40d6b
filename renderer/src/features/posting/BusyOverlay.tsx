// Covers a phone's screen while a posting flow runs on it: input is paused and the operator sees why.
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../shared/services.ts';
import { selectBusyJobId } from './postingSelectors.ts';
import './posting.css';

/** Mount inside a tile or the focus view (positioned over the screen); renders nothing when the phone is free. */
export function BusyOverlay({ deviceKey }: { deviceKey: string }) {
  const { t } = useTranslation('posting');
  const jobId = useAppState((state) => selectBusyJobId(state, deviceKey));
  if (!jobId) return null;
  return (
    <div
      className="busy-overlay"
      data-testid="busy-overlay"
      data-job-id={jobId}
      role="status"
      onPointerDown={(event) => event.stopPropagation()}
      onClick={(event) => event.stopPropagation()}
      onContextMenu={(event) => event.preventDefault()}
    >
      <strong>{t('busy.overlay')}</strong>
      <span>{t('busy.paused')}</span>
    </div>
  );
}
