// Covers a phone's screen while a posting flow runs on it: input is paused and the operator sees why.
import { useTranslation } from 'react-i18next';
import type { DeviceProps } from '../../shared/feature.ts';
import { selectBusyJobId } from './postingSelectors.ts';
import { usePostingState } from './postingStore.ts';
import './posting.css';

/** Over a tile's or the focus view's screen; renders nothing when the phone is free. */
export function BusyOverlay({ device }: DeviceProps) {
  const { t } = useTranslation('posting');
  const jobId = usePostingState((state) => selectBusyJobId(state, device.key));
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
