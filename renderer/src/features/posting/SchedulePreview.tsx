// Beside the schedule form: when each picked phone is expected to start (its stagger slot, or after quiet hours).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { phoneLabel, selectBoxPhones, selectPostingBox } from './postingSelectors.ts';
import { usePostingState } from './postingStore.ts';
import type { ScheduleDraft } from './scheduleDraft.ts';
import { previewPlannedStarts, staggerSecondsOf } from './scheduleDraft.ts';

export function SchedulePreview({ draft }: { draft: ScheduleDraft }) {
  const { t, i18n } = useTranslation('posting');
  const box = usePostingState(selectPostingBox);
  const phones = usePostingState(useShallow((state) => selectBoxPhones(state, box?.id ?? null)));
  const preview = useMemo(() => previewPlannedStarts(draft, draft.devices), [draft]);
  const spread = staggerSecondsOf(draft);
  const clock = (at: Date) => at.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const firstDay = preview[0]?.from.toLocaleDateString(i18n.language, { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }) ?? '';
  if (preview.length === 0) return <p className="muted">{t('schedule.previewEmpty')}</p>;
  return (
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
            <span className="phone-name">{phoneLabel(phones, start.deviceId)}</span>
            <span>{start.quietMoved ? t('schedule.previewQuiet', { at: clock(start.from) }) : start.from.getTime() === start.to.getTime() ? clock(start.from) : t('schedule.previewSlot', { from: clock(start.from), to: clock(start.to) })}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
