// A phone's calendar: what is due on it day by day (the box groups jobs by its local date).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingResultMap } from '../../../../native-bridge/protocol/postingMessages.ts';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { phoneLabel } from './postingSelectors.ts';
import { usePostingConnection, usePostingState, usePostingStore } from './postingStore.ts';
import { localDateText } from './scheduleDraft.ts';

const calendarDays = 7;

export function PhoneCalendar({ phones }: { phones: WallDevice[] }) {
  const { t, i18n } = useTranslation('posting');
  const store = usePostingStore();
  const connection = usePostingConnection();
  const deviceId = usePostingState((state) => state.jobFilter.deviceId);
  const posts = usePostingState((state) => state.posts);
  const jobCount = usePostingState((state) => Object.keys(state.jobs).length);
  const [calendar, setCalendar] = useState<PostingResultMap['phoneCalendar'] | null>(null);
  useEffect(() => {
    if (!connection || !deviceId) return;
    let cancelled = false;
    connection.request({ type: 'phoneCalendar', deviceId, from: localDateText(new Date()), days: calendarDays }).then((result) => !cancelled && setCalendar(result), () => !cancelled && setCalendar(null));
    return () => {
      cancelled = true;
    };
  }, [connection, deviceId, jobCount]);
  return (
    <aside className="phone-calendar" data-testid="phone-calendar">
      <h3>{t('jobs.calendar')}</h3>
      <select value={deviceId ?? ''} onChange={(event) => store.getState().setJobFilter({ deviceId: event.target.value || null })} aria-label={t('jobs.calendarPhone')} data-testid="calendar-phone">
        <option value="">{t('jobs.calendarPhone')}</option>
        {phones.map((phone) => (
          <option key={phone.id} value={phone.id}>
            {phoneLabel(phones, phone.id)}
          </option>
        ))}
      </select>
      {!deviceId ? <p className="muted">{t('jobs.calendarNone')}</p> : null}
      {deviceId && calendar?.deviceId === deviceId ? (
        <ol className="calendar-days">
          {calendar.days.map((day) => (
            <li key={day.date} data-testid="calendar-day" data-date={day.date}>
              <strong>{new Date(`${day.date}T00:00:00`).toLocaleDateString(i18n.language, { weekday: 'short', month: 'numeric', day: 'numeric' })}</strong>
              {day.jobs.length === 0 ? <span className="muted">—</span> : null}
              <ul>
                {day.jobs.map((job) => (
                  <li key={job.id}>
                    <button type="button" className="link" onClick={() => store.getState().selectJob(job.id)}>
                      {new Date(job.plannedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })} {posts[job.postId]?.title ?? job.postId}
                    </button>
                    <span className={`job-state s-${job.state}`}>{t(`state.${job.state}`)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
      {deviceId && calendar?.deviceId === deviceId && calendar.days.every((day) => day.jobs.length === 0) ? <p className="muted">{t('jobs.calendarEmpty')}</p> : null}
    </aside>
  );
}
