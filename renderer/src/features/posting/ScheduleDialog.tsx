// 排期: a post × phones/groups × a time (once, daily, weekly) with stagger, caps, quiet hours and grace, a preview
// of each phone's start, and the box's typed answer shown next to the field it names; the box's schedules beside.
import { useTranslation } from 'react-i18next';
import { SchedulePacingFields } from './SchedulePacingFields.tsx';
import { SchedulePreview } from './SchedulePreview.tsx';
import { ScheduleList } from './ScheduleList.tsx';
import { ScheduleTargetFields } from './ScheduleTargetFields.tsx';
import { ScheduleTimeFields } from './ScheduleTimeFields.tsx';
import { useScheduleForm } from './useScheduleForm.ts';
import './schedule.css';

export function ScheduleDialog() {
  const { t } = useTranslation('posting');
  const form = useScheduleForm();
  const fields = { draft: form.draft, update: form.update, errors: form.errors };
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
            void form.submit();
          }}
        >
          <ScheduleTargetFields {...fields} />
          <ScheduleTimeFields {...fields} />
          <SchedulePacingFields {...fields} changeUnit={form.changeUnit} />
          <div className="form-actions">
            {form.done ? (
              <span className="ok-text" role="status" data-testid="schedule-done">
                {form.done}
              </span>
            ) : null}
            <button type="submit" className="primary" disabled={!form.canSubmit} data-testid="schedule-submit">
              {t('schedule.submit')}
            </button>
          </div>
        </form>
        <aside className="schedule-side">
          <h3>{t('schedule.preview')}</h3>
          <SchedulePreview draft={form.draft} />
          <ScheduleList version={form.listVersion} />
        </aside>
      </div>
    </section>
  );
}
