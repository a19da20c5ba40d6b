// The control bar's screenshot button and its shortcut (Ctrl+Shift+S, even while the phone keyboard is captured).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleState } from '../../shared/services.ts';
import { selectSelectedKeys } from '../../shared/state/selectors.ts';
import { useScreenshots } from './useScreenshots.ts';

export function ScreenshotButton() {
  const { t } = useTranslation('phoneTools');
  const screenshots = useScreenshots();
  const count = useConsoleState((state) => selectSelectedKeys(state).length);
  const latest = useRef(screenshots);
  latest.current = screenshots;
  useEffect(() => {
    // Capture phase, like the other console shortcuts: before the keyboard sink sends keys to the phone.
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || !(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      event.stopPropagation();
      void latest.current.take();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <button type="button" title={t('screenshot.shortcut')} disabled={count < 1} onClick={() => void screenshots.take()} data-testid="screenshot">
      {t('screenshot.selected')}
    </button>
  );
}
