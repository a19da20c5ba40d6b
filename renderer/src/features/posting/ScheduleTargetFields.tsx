// The schedule dialog's what and where: the post, and the phones (picked, or by group name).
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { FieldErrors } from '../../shared/ui/FieldErrors.tsx';
import { PhonePicker } from './PhonePicker.tsx';
import { selectBoxPhones, selectFilteredPosts, selectPostingBox } from './postingSelectors.ts';
import { usePostingState } from './postingStore.ts';
import type { ScheduleFieldsProps } from './useScheduleForm.ts';

export function ScheduleTargetFields({ draft, update, errors }: ScheduleFieldsProps) {
  const { t } = useTranslation('posting');
  const posts = usePostingState(useShallow((state) => selectFilteredPosts({ ...state, postSearch: '' })));
  const box = usePostingState(selectPostingBox);
  const phones = usePostingState(useShallow((state) => selectBoxPhones(state, box?.id ?? null)));
  return (
    <>
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
    </>
  );
}
