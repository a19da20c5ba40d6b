// Over a failed follower's screen on its tile: why it stopped following.
import { useTranslation } from 'react-i18next';
import type { DeviceProps } from '../../shared/feature.ts';
import { selectTileRole } from './groupSelectors.ts';
import { useGroupState } from './groupStore.ts';

export function FollowerFailure({ device }: DeviceProps) {
  const { t } = useTranslation('groupControl');
  const failure = useGroupState((state) => (selectTileRole(state, device.key) === 'failed' ? (state.followerFailures[device.key] ?? null) : null));
  if (!failure) return null;
  return (
    <div className="tile-group-failure" data-testid="tile-follower-failed">
      {t('sync.failed', { reason: t(`failure.${failure}`, { defaultValue: failure }) })}
    </div>
  );
}
