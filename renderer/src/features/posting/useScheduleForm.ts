// The schedule dialog's form: the draft, its checks once submitted, the box's typed answer placed on the field it
// names, and the submit that creates the schedule and loads its jobs.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeProblems } from '../../shared/errors.ts';
import { usePostingState, usePostingStore, useWritablePostingConnection } from './postingStore.ts';
import type { ScheduleDraft, ScheduleProblem, StaggerUnit } from './scheduleDraft.ts';
import { emptyScheduleDraft, scheduleDraftToInput, validateScheduleDraft, withStaggerUnit } from './scheduleDraft.ts';

export type ScheduleField = ScheduleProblem['field'];

/** Box problems name request fields (`devices[1]`, `time.date`); this maps them to the dialog's fields. */
function fieldOf(path: string): ScheduleField {
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

/** What the field components of the dialog get: the draft, a way to change it, and each field's messages. */
export interface ScheduleFieldsProps {
  draft: ScheduleDraft;
  update(patch: Partial<ScheduleDraft>): void;
  errors(field: ScheduleField): string[];
}

export function useScheduleForm() {
  const { t } = useTranslation('posting');
  const store = usePostingStore();
  const connection = useWritablePostingConnection();
  const initialPost = usePostingState((state) => state.schedulePostId);
  const [draft, setDraft] = useState<ScheduleDraft>(() => ({ ...emptyScheduleDraft(new Date()), postId: initialPost }));
  const [touched, setTouched] = useState(false);
  const [server, setServer] = useState<{ field: ScheduleField; message: string }[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [listVersion, setListVersion] = useState(0);
  useEffect(() => {
    if (initialPost) setDraft((current) => ({ ...current, postId: initialPost }));
  }, [initialPost]);

  const change = (next: (current: ScheduleDraft) => ScheduleDraft) => {
    setDraft(next);
    setDone(null);
    setServer([]);
  };
  const problems = validateScheduleDraft(draft);
  const errors = (field: ScheduleField) => [
    ...(touched ? problems.filter((p) => p.field === field).map((p) => t(`problem.${p.key}`, p.values ?? {})) : []),
    ...server.filter((p) => p.field === field).map((p) => p.message),
  ];

  const submit = async () => {
    setTouched(true);
    setServer([]);
    if (!connection || problems.length > 0) return;
    setBusy(true);
    try {
      const result = await connection.request({ type: 'createSchedule', schedule: scheduleDraftToInput(draft) });
      setDone(t('schedule.created', { count: result.jobsCreated }));
      setTouched(false);
      setListVersion((v) => v + 1);
      const jobs = await connection.request({ type: 'listJobs', filter: { scheduleId: result.schedule.id }, limit: 500 });
      store.getState().setJobs(jobs.jobs);
    } catch (error) {
      setServer(placeProblems(error, fieldOf).map((p) => ({ field: p.place, message: p.field ? `${p.field}: ${p.message}` : p.message })));
    } finally {
      setBusy(false);
    }
  };

  return {
    draft,
    update: (patch: Partial<ScheduleDraft>) => change((current) => ({ ...current, ...patch })),
    changeUnit: (unit: StaggerUnit) => change((current) => withStaggerUnit(current, unit)),
    errors,
    submit,
    canSubmit: !busy && connection !== null,
    done,
    listVersion,
  };
}
