// 排期: a post × phones/groups × a time (once, daily, weekly) with stagger, caps, quiet hours and grace,
// a preview of each phone's start, and the box's typed answer shown next to the field it names.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { placeProblems } from '../../shared/errors.ts';
import { FieldErrors } from '../../shared/ui/FieldErrors.tsx';
import { PhonePicker } from './PhonePicker.tsx';
import { phoneLabel, selectBoxPhones, selectFilteredPosts, selectPostingBox } from './postingSelectors.ts';
import { usePostingState, usePostingStore, useWritablePostingConnection } from './postingStore.ts';
import type { ScheduleDraft, ScheduleProblem, StaggerUnit } from './scheduleDraft.ts';
import { emptyScheduleDraft, previewPlannedStarts, scheduleDraftToInput, staggerSecondsOf, validateScheduleDraft, withStaggerUnit } from './scheduleDraft.ts';
import { ScheduleList } from './ScheduleList.tsx';
import './schedule.css';

type Field = ScheduleProblem['field'];

/** Box problems name request fields (`devices[1]`, `time.date`); this maps them to the dialog's fields. */
function fieldOf(path: string): Field {
  if (path.startsWith('devices') || path.startsWith('groups')) return 'devices';
  if (path.startsWith('postId')) return 'post';
  if (path.startsWith('time.weekdays')) return 'weekdays';
  if (path.startsWith('time.endDate')) return 'endDate';
  if (path.startsWith('time.date') || path.startsWith('time.startDate')) return 'date';
  if (path.startsWith('staggerSeconds') || path.startsWith('staggerMinutes')) return 'stagger';
  if (path.startsWith('dailyCapPerPhone')) return 'dailyCap';
  if (path.startsWith('quietHours')) return 'quietHours';
  if (path.startsWith('graceMinutes')) return 'graceMinutes';
  return 'time';
}

export function ScheduleDialog() {
  const { t, i18n } = useTranslation('posting');
  const store = usePostingStore();
  const client = useWritablePostingConnection();
  const posts = usePostingState(useShallow((state) => selectFilteredPosts({ ...state, postSearch: '' })));
  const box = usePostingState(selectPostingBox);
  const phones = usePostingState(useShallow((state) => selectBoxPhones(state, box?.id ?? null)));
  const initialPost = usePostingState((state) => state.schedulePostId);
  const [draft, setDraft] = useState<ScheduleDraft>(() => ({ ...emptyScheduleDraft(new Date()), postId: initialPost }));
  const [touched, setTouched] = useState(false);
  const [server, setServer] = useState<{ field: Field; message: string }[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [listVersion, setListVersion] = useState(0);
  useEffect(() => {
    if (initialPost) setDraft((current) => ({ ...current, postId: initialPost }));
  }, [initialPost]);
  const update = (patch: Partial<ScheduleDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setDone(null);
    setServer([]);
  };
  const changeUnit = (unit: StaggerUnit) => {
    setDraft((current) => withStaggerUnit(current, unit));
    setDone(null);
    setServer([]);
  };
  const problems = validateScheduleDraft(draft);
  const errors = (field: Field) => [...(touched ? problems.filter((p) => p.field === field).map((p) => t(`problem.${p.key}`, p.values ?? {})) : []), ...server.filter((p) => p.field === field).map((p) => p.message)];
  const preview = useMemo(() => previewPlannedStarts(draft, draft.devices), [draft]);
  const spread = staggerSecondsOf(draft);
  const phoneName = (id: string) => phoneLabel(phones, id);
  const clock = (at: Date) => at.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const firstDay = preview[0]?.from.toLocaleDateString(i18n.language, { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }) ?? '';

  const submit = async () => {
    setTouched(true);
    setServer([]);
    if (!client || problems.length > 0) return;
    setBusy(true);
    try {
      const result = await client.request({ type: 'createSchedule', schedule: scheduleDraftToInput(draft) });
      setDone(t('schedule.created', { count: result.jobsCreated }));
      setTouched(false);
      setListVersion((v) => v + 1);
      const jobs = await client.request({ type: 'listJobs', filter: { scheduleId: result.schedule.id }, limit: 500 });
      store.getState().setJobs(jobs.jobs);
    } catch (error) {
      setServer(placeProblems(error, fieldOf).map((p) => ({ field: p.place, message: p.field ? `${p.field}: ${p.message}` : p.message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="posting-screen schedule" data-testid="schedule">
      <div className="posting-toolbar">
        <h2>{t('schedule.title')}</h2>
      </div>
      <div className="schedule-body">
        <form
          className="schedule-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <label className="field">
            <span>{t('schedule.post')}</span>
            <select value={draft.postId ?? ''} onChange={(event) => update({ postId: event.target.value || null })} data-testid="schedule-post">
              <option value="">{t('schedule.choosePost')}</option>
              {posts.map((post) => (
                <option key={post.id} value={post.id}>
                  {post.title}
                </option>
              ))}
            </select>
            <FieldErrors messages={errors('post')} testId="error-post" />
          </label>
          <div className="field">
            <span>{t('schedule.phones')}</span>
            <PhonePicker phones={phones} selected={draft.devices} onChange={(devices) => update({ devices })} />
            <label className="inline">
              <span>{t('schedule.groups')}</span>
              <input value={draft.groupsText} onChange={(event) => update({ groupsText: event.target.value })} data-testid="schedule-groups" />
            </label>
            <FieldErrors messages={errors('devices')} testId="error-devices" />
          </div>
          <fieldset className="field time-fields">
            <legend>{t('schedule.repeat')}</legend>
            <div className="segmented" role="radiogroup">
              {(['once', 'daily', 'weekly'] as const).map((kind) => (
                <label key={kind} className={draft.repeat === kind ? 'active' : ''}>
                  <input type="radio" name="repeat" checked={draft.repeat === kind} onChange={() => update({ repeat: kind })} data-testid={`repeat-${kind}`} />
                  {t(`schedule.${kind}`)}
                </label>
              ))}
            </div>
            <div className="row">
              <label className="inline">
                <span>{draft.repeat === 'once' ? t('schedule.date') : t('schedule.startDate')}</span>
                <input type="date" value={draft.date} onChange={(event) => update({ date: event.target.value })} data-testid="schedule-date" />
              </label>
              <label className="inline">
                <span>{t('schedule.time')}</span>
                <input type="time" value={draft.time} onChange={(event) => update({ time: event.target.value })} data-testid="schedule-time" />
              </label>
              {draft.repeat !== 'once' ? (
                <label className="inline">
                  <span>{t('schedule.endDate')}</span>
                  <input type="date" value={draft.endDate} onChange={(event) => update({ endDate: event.target.value })} />
                </label>
              ) : null}
            </div>
            {draft.repeat === 'weekly' ? (
              <div className="weekdays" role="group" aria-label={t('schedule.weekdays')}>
                {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                  <label key={day} className={draft.weekdays.includes(day) ? 'active' : ''}>
                    <input type="checkbox" checked={draft.weekdays.includes(day)} onChange={(event) => update({ weekdays: event.target.checked ? [...draft.weekdays, day] : draft.weekdays.filter((d) => d !== day) })} />
                    {t(`schedule.weekday.${day}`)}
                  </label>
                ))}
              </div>
            ) : null}
            <FieldErrors messages={[...errors('date'), ...errors('time'), ...errors('weekdays'), ...errors('endDate')]} testId="error-time" />
          </fieldset>
          <div className="row pacing">
            <label className="inline">
              <span>{t('schedule.stagger')}</span>
              <span className="stagger-input">
                <input inputMode="numeric" value={draft.stagger} onChange={(event) => update({ stagger: event.target.value })} data-testid="schedule-stagger" />
                <select value={draft.staggerUnit} aria-label={t('schedule.staggerUnit')} onChange={(event) => changeUnit(event.target.value === 'seconds' ? 'seconds' : 'minutes')} data-testid="schedule-stagger-unit">
                  <option value="seconds">{t('schedule.unitSeconds')}</option>
                  <option value="minutes">{t('schedule.unitMinutes')}</option>
                </select>
              </span>
              <FieldErrors messages={errors('stagger')} testId="error-stagger" />
            </label>
            <label className="inline">
              <span>{t('schedule.dailyCap')}</span>
              <input inputMode="numeric" value={draft.dailyCap} onChange={(event) => update({ dailyCap: event.target.value })} data-testid="schedule-cap" />
              <FieldErrors messages={errors('dailyCap')} testId="error-cap" />
            </label>
            <label className="inline">
              <span>{t('schedule.grace')}</span>
              <input inputMode="numeric" value={draft.graceMinutes} onChange={(event) => update({ graceMinutes: event.target.value })} data-testid="schedule-grace" />
              <FieldErrors messages={errors('graceMinutes')} testId="error-grace" />
            </label>
          </div>
          <div className="row">
            <label className="inline check">
              <input type="checkbox" checked={draft.quietEnabled} onChange={(event) => update({ quietEnabled: event.target.checked })} />
              {t('schedule.quiet')}
            </label>
            {draft.quietEnabled ? (
              <>
                <label className="inline">
                  {t('schedule.quietFrom')}
                  <input type="time" value={draft.quietStart} onChange={(event) => update({ quietStart: event.target.value })} />
                </label>
                <label className="inline">
                  {t('schedule.quietTo')}
                  <input type="time" value={draft.quietEnd} onChange={(event) => update({ quietEnd: event.target.value })} />
                </label>
              </>
            ) : null}
            <FieldErrors messages={errors('quietHours')} testId="error-quiet" />
          </div>
          <div className="form-actions">
            {done ? (
              <span className="ok-text" role="status" data-testid="schedule-done">
                {done}
              </span>
            ) : null}
            <button type="submit" className="primary" disabled={busy || !client} data-testid="schedule-submit">
              {t('schedule.submit')}
            </button>
          </div>
        </form>
        <aside className="schedule-side">
          <h3>{t('schedule.preview')}</h3>
          {preview.length === 0 ? (
            <p className="muted">{t('schedule.previewEmpty')}</p>
          ) : (
            <>
              <p className="muted">{t('schedule.previewNote')}</p>
              {spread !== null && spread > 0 ? (
                <p className="muted" data-testid="schedule-spread">
                  {t(draft.staggerUnit === 'seconds' ? 'schedule.previewSpreadSeconds' : 'schedule.previewSpreadMinutes', { phones: preview.length, amount: draft.stagger.trim() })}
                </p>
              ) : null}
              <p className="preview-day">{firstDay}</p>
              <ol className="preview-list" data-testid="schedule-preview">
                {preview.map((start) => (
                  <li key={start.deviceId}>
                    <span className="phone-name">{phoneName(start.deviceId)}</span>
                    <span>{start.quietMoved ? t('schedule.previewQuiet', { at: clock(start.from) }) : start.from.getTime() === start.to.getTime() ? clock(start.from) : t('schedule.previewSlot', { from: clock(start.from), to: clock(start.to) })}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
          <ScheduleList version={listVersion} />
        </aside>
      </div>
    </section>
  );
}
