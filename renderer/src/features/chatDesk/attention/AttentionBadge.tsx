// The red dot on a tile whose phone needs attention, with the time it happened (「新消息 10:42」).
import { useTranslation } from 'react-i18next';
import type { DeviceProps } from '../../../shared/feature.ts';
import { useConsoleState } from '../../../shared/services.ts';
import { attentionTimeLabel } from './attentionTime.ts';
import './attention.css';

export function AttentionBadge({ device }: DeviceProps) {
  const { t } = useTranslation('chatDesk');
  const since = useConsoleState((state) => state.attention[device.key] ?? null);
  if (since === null) return null;
  return (
    <span className="attention-badge" data-testid="attention-badge" data-since={since}>
      <span className="attention-dot" aria-hidden="true" />
      {t('attention.badge', { time: attentionTimeLabel(since, Date.now()) })}
    </span>
  );
}
