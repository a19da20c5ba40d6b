// The console's view switch (手机墙 / 素材库 / 排期 / 任务 …, as the features contribute them) with Alt+1… shortcuts.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleState, useServices } from '../shared/services.ts';

export function ViewSwitch() {
  const { t } = useTranslation();
  const { store, features } = useServices();
  const view = useConsoleState((state) => state.view);
  const views = features.flatMap((feature) => (feature.views ?? []).map((entry) => ({ ...entry, namespace: feature.id })));
  useEffect(() => {
    const ids = features.flatMap((feature) => (feature.views ?? []).map((entry) => entry.id));
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const target = ids[Number(event.key) - 1];
      if (!target) return;
      event.preventDefault();
      store.getState().setView(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, features]);
  return (
    <nav className="view-switch" aria-label={t('views.label')}>
      {views.map((entry, index) => (
        <button
          key={entry.id}
          type="button"
          className={view === entry.id ? 'active' : ''}
          aria-current={view === entry.id ? 'page' : undefined}
          title={t('views.shortcut', { key: index + 1 })}
          onClick={() => store.getState().setView(entry.id)}
          data-testid={`view-${entry.id}`}
        >
          {t(entry.labelKey, { ns: entry.namespace })}
        </button>
      ))}
    </nav>
  );
}
