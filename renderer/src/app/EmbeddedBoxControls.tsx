// Desktop only: the embedded box's mode (simulated or real phones), restart when it stopped, and its recent log.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmbeddedBoxStatus } from '../../../preload/contract/desktopApi.ts';
import { useServices } from '../shared/services.ts';

export function EmbeddedBoxControls({ status }: { status: EmbeddedBoxStatus }) {
  const { t } = useTranslation();
  const { desktop } = useServices();
  const [logs, setLogs] = useState<string[] | null>(null);
  if (!desktop) return null;
  const label =
    status.state === 'failed'
      ? t('box.failed', { reason: status.reason ?? '' })
      : status.state === 'starting'
        ? t('box.starting')
        : status.state === 'stopped'
          ? t('box.stopped')
          : status.mode === 'simulated'
            ? t('box.simulatedMode')
            : t('box.realMode');
  return (
    <span className="embedded-box">
      <span className={`mode mode-${status.mode}`} data-testid="embedded-mode">
        {label}
      </span>
      {status.state === 'failed' || status.state === 'stopped' ? (
        <button type="button" onClick={() => void desktop.embeddedBoxStart()} data-testid="embedded-start">
          {t('box.start')}
        </button>
      ) : null}
      <button type="button" className="link" onClick={() => (logs ? setLogs(null) : void desktop.embeddedBoxLogs().then((lines) => setLogs(lines.slice(-200))))}>
        {logs ? t('box.hideLog') : t('box.showLog')}
      </button>
      {logs ? (
        <pre className="box-log" data-testid="embedded-log">
          {logs.join('\n')}
        </pre>
      ) : null}
    </span>
  );
}
