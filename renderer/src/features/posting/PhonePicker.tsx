// Multi-select of a box's phones with a filter; offline and busy phones are marked.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';

export function PhonePicker({ phones, selected, onChange }: { phones: WallDevice[]; selected: string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation('posting');
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle ? phones.filter((phone) => [phone.model, phone.serial, phone.id].some((text) => text.toLocaleLowerCase().includes(needle))) : phones;
  const chosen = new Set(selected);
  return (
    <div className="phone-picker" data-testid="phone-picker">
      <div className="picker-bar">
        <input type="search" value={filter} placeholder={t('schedule.phonesFilter')} aria-label={t('schedule.phonesFilter')} onChange={(event) => setFilter(event.target.value)} />
        <button type="button" onClick={() => onChange([...new Set([...selected, ...shown.filter((p) => p.state === 'online').map((p) => p.id)])])} data-testid="phones-all">
          {t('schedule.selectAll')}
        </button>
        <button type="button" onClick={() => onChange([])}>
          {t('schedule.selectNone')}
        </button>
        <span className="muted">{t('schedule.selected', { count: selected.length })}</span>
      </div>
      <ul className="picker-list">
        {shown.map((phone) => (
          <li key={phone.id} className={phone.state === 'online' ? '' : 'offline'}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(phone.id)}
                onChange={(event) => onChange(event.target.checked ? [...selected, phone.id] : selected.filter((id) => id !== phone.id))}
                data-testid="phone-option"
                data-device-id={phone.id}
              />
              <span className="phone-name">{phone.model || phone.serial}</span>
              <span className="muted">{phone.serial}</span>
              {phone.state !== 'online' ? <span className="mark bad">{t('schedule.offline')}</span> : null}
              {phone.busy ? <span className="mark warn">{t('schedule.busy')}</span> : null}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
