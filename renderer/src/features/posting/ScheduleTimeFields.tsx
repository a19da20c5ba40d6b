// The schedule dialog's when: once, daily or weekly, the date (or start and end dates), the time and the weekdays.
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../../shared/ui/FieldErrors.tsx';
import type { ScheduleFieldsProps } from './useScheduleForm.ts';

const weekdays = [1, 2, 3, 4, 5, 6, 7];

export function ScheduleTimeFields({ draft, update, errors }: ScheduleFieldsProps) {
  const { t } = useTranslation('posting');
  return (
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
          {weekdays.map((day) => (
            <label key={day} className={draft.weekdays.includes(day) ? 'active' : ''}>
              <input type="checkbox" checked={draft.weekdays.includes(day)} onChange={(event) => update({ weekdays: event.target.checked ? [...draft.weekdays, day] : draft.weekdays.filter((d) => d !== day) })} />
              {t(`schedule.weekday.${day}`)}
            </label>
          ))}
        </div>
      ) : null}
      <FieldErrors messages={[...errors('date'), ...errors('time'), ...errors('weekdays'), ...errors('endDate')]} testId="error-time" />
    </fieldset>
  );
}
