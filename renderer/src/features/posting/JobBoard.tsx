// 任务: the live job table with filters and counts per state, the selected job's drawer, and a phone calendar.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { JOB_STATES } from '../../../../native-bridge/protocol/postingMessages.ts';
import { JobDrawer } from './JobDrawer.tsx';
import { PhoneCalendar } from './PhoneCalendar.tsx';
import { phoneLabel, selectBoxPhones, selectJobCounts, selectJobScheduleIds, selectPostingBox, selectVisibleJobs } from './postingSelectors.ts';
import type { JobStateName } from './postingSlice.ts';
import { usePostingConnection, usePostingState, usePostingStore } from './postingStore.ts';
import './jobs.css';

export function JobBoard() {
  const { t, i18n } = useTranslation('posting');
  const store = usePostingStore();
  const jobs = usePostingState(useShallow(selectVisibleJobs));
  const counts = usePostingState(useShallow(selectJobCounts));
  const filter = usePostingState((state) => state.jobFilter);
  const selected = usePostingState((state) => state.selectedJobId);
  const box = usePostingState(selectPostingBox);
  const phones = usePostingState(useShallow((state) => selectBoxPhones(state, box?.id ?? null)));
  const scheduleIds = usePostingState(useShallow(selectJobScheduleIds));
  const posts = usePostingState((state) => state.posts);
  const actions = store.getState();
  const connection = usePostingConnection();
  // The board starts with recent jobs; a filter also asks the box, so older matching jobs show up too.
  useEffect(() => {
    if (!connection || (!filter.state && !filter.deviceId && !filter.scheduleId)) return;
    const wanted = { ...(filter.state ? { state: filter.state } : {}), ...(filter.deviceId ? { deviceId: filter.deviceId } : {}), ...(filter.scheduleId ? { scheduleId: filter.scheduleId } : {}) };
    connection.request({ type: 'listJobs', filter: wanted, limit: 500 }).then((result) => store.getState().setJobs(result.jobs), () => undefined);
  }, [connection, store, filter.state, filter.deviceId, filter.scheduleId]);
  const phoneName = (id: string) => phoneLabel(phones, id);
  return (
    <section className="posting-screen jobs" data-testid="jobs">
      <div className="posting-toolbar">
        <h2>{t('jobs.title')}</h2>
        <label className="inline">
          {t('jobs.filterPhone')}
          <select value={filter.deviceId ?? ''} onChange={(event) => actions.setJobFilter({ deviceId: event.target.value || null })} data-testid="job-filter-phone">
            <option value="">{t('jobs.all')}</option>
            {phones.map((phone) => (
              <option key={phone.id} value={phone.id}>
                {phoneLabel(phones, phone.id)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('jobs.filterSchedule')}
          <select value={filter.scheduleId ?? ''} onChange={(event) => actions.setJobFilter({ scheduleId: event.target.value || null })} data-testid="job-filter-schedule">
            <option value="">{t('jobs.all')}</option>
            {scheduleIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="state-chips" role="group" aria-label={t('jobs.filterState')}>
        <button type="button" className={filter.state === null ? 'active' : ''} onClick={() => actions.setJobFilter({ state: null })}>
          {t('jobs.all')} {Object.values(counts).reduce((sum, n) => sum + n, 0)}
        </button>
        {JOB_STATES.map((name: JobStateName) => (
          <button key={name} type="button" className={`state-chip s-${name}${filter.state === name ? ' active' : ''}`} onClick={() => actions.setJobFilter({ state: filter.state === name ? null : name })} data-testid={`count-${name}`} data-count={counts[name]}>
            {t(`state.${name}`)} {counts[name]}
          </button>
        ))}
      </div>
      <div className="jobs-body">
        <div className="job-table-wrap">
          <table className="job-table" data-testid="job-table">
            <thead>
              <tr>
                <th>{t('jobs.planned')}</th>
                <th>{t('jobs.phone')}</th>
                <th>{t('jobs.post')}</th>
                <th>{t('jobs.state')}</th>
                <th>{t('jobs.attempt')}</th>
                <th>{t('jobs.step')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.length === 0 ? (
                <tr>
                  <td colSpan={6} className="empty">
                    {t('jobs.empty')}
                  </td>
                </tr>
              ) : null}
              {jobs.map((job) => (
                <tr key={job.id} className={selected === job.id ? 'selected' : ''} onClick={() => actions.selectJob(job.id)} data-testid="job-row" data-job-id={job.id} data-state={job.state}>
                  <td>{new Date(job.plannedAt).toLocaleString(i18n.language)}</td>
                  <td>{phoneName(job.deviceId)}</td>
                  <td>{posts[job.postId]?.title ?? job.postId}</td>
                  <td>
                    <span className={`job-state s-${job.state}`}>{t(`state.${job.state}`)}</span>
                  </td>
                  <td>
                    {job.attempt}/{job.maxAttempts}
                  </td>
                  <td className="muted">{job.reason ?? job.step ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {selected ? <JobDrawer jobId={selected} phoneName={phoneName} /> : <PhoneCalendar phones={phones} />}
      </div>
    </section>
  );
}
