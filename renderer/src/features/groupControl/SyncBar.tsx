// The bar that says group control is on: how many phones follow, their names, who failed and why; while it is
// mounted, followers that stop being online are marked failed at once.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectFollowers } from './groupSelectors.ts';
import { watchFollowers } from './groupInput.ts';
import { useGroupState, useGroupStore } from './groupStore.ts';
import './groupControl.css';

export function SyncBar() {
  const { t } = useTranslation('groupControl');
  const store = useGroupStore();
  const syncOn = useGroupState((state) => state.syncOn);
  const followers = useGroupState(useShallow(selectFollowers));
  const leader = useGroupState((state) => (state.selectedKey ? state.devices[state.selectedKey] : undefined));
  const failures = useGroupState((state) => state.followerFailures);
  useEffect(() => watchFollowers(store), [store]);
  if (!syncOn || !leader) return null;
  const failedCount = followers.filter((follower) => follower.key in failures).length;
  return (
    <div className="sync-bar" role="status" data-testid="sync-bar">
      <strong className="sync-count" data-testid="sync-count">
        {t('sync.on', { count: followers.length - failedCount })}
      </strong>
      <span className="sync-leader">{t('sync.leader', { name: leader.model || leader.serial })}</span>
      {failedCount > 0 ? <span className="sync-failed-count">{t('sync.failedCount', { count: failedCount })}</span> : null}
      <ul className="sync-followers">
        {followers.map((follower) => {
          const reason = failures[follower.key];
          return (
            <li key={follower.key} className={`sync-follower${reason ? ' sync-follower-failed' : ''}`} data-testid="sync-follower" data-device-id={follower.id} data-state={reason ? 'failed' : 'ok'}>
              <span className="sync-follower-name" title={follower.serial}>{follower.model || follower.serial}</span>
              {reason ? (
                <>
                  <span className="sync-follower-reason">{t('sync.failed', { reason: t(`failure.${reason}`, { defaultValue: reason }) })}</span>
                  <button type="button" className="link" onClick={() => store.getState().reincludeFollower(follower.key)} data-testid="sync-reinclude">
                    {t('sync.reinclude')}
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => store.getState().setSync(false)} data-testid="sync-stop">
        {t('sync.turnOff')}
      </button>
    </div>
  );
}
