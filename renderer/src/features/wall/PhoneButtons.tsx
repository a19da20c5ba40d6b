// Back / Home / Recents for one phone (through the PhoneInput port, so a synced group presses them too).
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../native-bridge/protocol/controlInput.ts';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { useServices } from '../../shared/services.ts';

export function PhoneButtons({ device }: { device: WallDevice }) {
  const { t } = useTranslation('wall');
  const { phoneInput, keyboard } = useServices();
  const press = (input: Input) => {
    phoneInput.input(device, input).catch(() => undefined);
    keyboard.focus();
  };
  return (
    <span className="phone-buttons">
      <button type="button" onClick={() => press({ kind: 'back' })}>{t('toolbar.back')}</button>
      <button type="button" onClick={() => press({ kind: 'home' })}>{t('toolbar.home')}</button>
      <button type="button" onClick={() => press({ kind: 'recents' })}>{t('toolbar.recents')}</button>
    </span>
  );
}
