// The schedule dialog's pacing: the stagger across phones (seconds or minutes), the daily cap, the grace after a
// missed start, and quiet hours.
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '../../shared/ui/FieldErrors.tsx';
import type { StaggerUnit } from './scheduleDraft.ts';
import type { ScheduleFieldsProps } from './useScheduleForm.ts';

export function SchedulePacingFields({ draft, update, errors, changeUnit }: ScheduleFieldsProps & { changeUnit(unit: StaggerUnit): void }) {
  const { t } = useTranslation('posting');
  return (
    <>
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
    </>
  );
}
