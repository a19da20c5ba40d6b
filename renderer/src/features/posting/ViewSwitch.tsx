// The console's view switch (手机墙 / 素材库 / 排期 / 任务) with Alt+1…4 shortcuts.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState, useServices } from '../../shared/services.ts';
import { CONSOLE_VIEWS } from './postingSlice.ts';
import './posting.css';

export function ViewSwitch() {
  const { t } = useTranslation('posting');
  const { store } = useServices();
  const view = useAppState((state) => state.view);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const target = CONSOLE_VIEWS[index];
      if (!target) return;
      event.preventDefault();
      store.getState().setView(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <nav className="view-switch" aria-label={t('views.label')}>
      {CONSOLE_VIEWS.map((name, index) => (
        <button
          key={name}
          type="button"
          className={view === name ? 'active' : ''}
          aria-current={view === name ? 'page' : undefined}
          title={t('views.shortcut', { key: index + 1 })}
          onClick={() => store.getState().setView(name)}
          data-testid={`view-${name}`}
        >
          {t(`views.${name}`)}
        </button>
      ))}
    </nav>
  );
}
