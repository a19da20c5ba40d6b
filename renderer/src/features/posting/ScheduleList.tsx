// The box's active schedules with their post and time, each cancellable (its waiting jobs are cancelled).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireSchedule } from '../../../../native-bridge/protocol/postingMessages.ts';
import { boxProblemsOf, problemMessages } from '../../shared/errors.ts';
import { selectPostingCanWrite } from './postingSelectors.ts';
import { PostingView } from './postingSlice.ts';
import { usePostingConnection, usePostingState, usePostingStore } from './postingStore.ts';

function describeTime(spec: Record<string, unknown>): string {
  const time = spec.time as Record<string, unknown> | undefined;
  if (!time || typeof time !== 'object') return '';
  const parts = [time.kind, time.date ?? time.startDate, time.time, Array.isArray(time.weekdays) ? time.weekdays.join(',') : null];
  return parts.filter((part) => typeof part === 'string' || typeof part === 'number').join(' ');
}

export function ScheduleList({ version }: { version: number }) {
  const { t } = useTranslation('posting');
  const store = usePostingStore();
  const connection = usePostingConnection();
  const posts = usePostingState((state) => state.posts);
  const canWrite = usePostingState(selectPostingCanWrite);
  const [schedules, setSchedules] = useState<WireSchedule[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    if (!connection) return;
    let cancelled = false;
    connection.request({ type: 'listSchedules' }).then((result) => !cancelled && setSchedules(result.schedules), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [connection, version, reload]);
  return (
    <div className="schedule-list">
      <h3>{t('schedule.schedules')}</h3>
      {message ? <p className="muted" role="status">{message}</p> : null}
      {schedules.length === 0 ? <p className="muted">{t('schedule.noSchedules')}</p> : null}
      <ul>
        {schedules.map((schedule) => {
          const postId = typeof schedule.spec.postId === 'string' ? schedule.spec.postId : '';
          return (
            <li key={schedule.id} data-testid="schedule-row">
              <span className="post-title">{posts[postId]?.title ?? postId}</span>
              <span className="muted">{describeTime(schedule.spec)}</span>
              <button
                type="button"
                onClick={() => {
                  store.getState().setJobFilter({ scheduleId: schedule.id, state: null });
                  store.getState().setView(PostingView.jobs);
                }}
              >
                {t('jobs.title')}
              </button>
              <button
                type="button"
                disabled={!connection || !canWrite}
                onClick={() =>
                  void connection
                    ?.request({ type: 'cancelSchedule', scheduleId: schedule.id })
                    .then((result) => {
                      setMessage(t('schedule.cancelled', { count: result.jobsCancelled }));
                      setReload((n) => n + 1);
                    })
                    .catch((error: unknown) => setMessage(problemMessages(boxProblemsOf(error))[0] ?? ''))
                }
              >
                {t('schedule.cancelSchedule')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
