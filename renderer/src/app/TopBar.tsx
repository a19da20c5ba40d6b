// The top bar: counts, name filter, tile size presets and slider, theme and language switches.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectWallCounts } from '../shared/state/selectors.ts';
import { TileSizePreset, tileWidthRange } from '../shared/state/wallSlice.ts';
import { useConsoleState, useServices } from '../shared/services.ts';
import { ViewSwitch } from './ViewSwitch.tsx';

export function TopBar() {
  const { t } = useTranslation();
  const { store } = useServices();
  const counts = useConsoleState(useShallow(selectWallCounts));
  const filter = useConsoleState((state) => state.filter);
  const tileWidth = useConsoleState((state) => state.tileWidth);
  const theme = useConsoleState((state) => state.theme);
  const language = useConsoleState((state) => state.language);
  const view = useConsoleState((state) => state.view);
  const actions = store.getState();
  return (
    <header className="topbar" data-view={view}>
      <h1 className="brand">{t('app.title')}</h1>
      <ViewSwitch />
      <span className="counts" data-testid="counts">
        {t('toolbar.counts', { total: counts.total, online: counts.online })}
      </span>
      <input
        className="filter"
        type="search"
        value={filter}
        placeholder={t('toolbar.filter')}
        title={t('toolbar.filterHint')}
        aria-label={t('toolbar.filter')}
        data-testid="filter"
        onChange={(event) => actions.setFilter(event.target.value)}
      />
      <div className="sizes" role="group" aria-label={t('toolbar.size')}>
        {(Object.keys(TileSizePreset) as (keyof typeof TileSizePreset)[]).map((preset) => (
          <button
            key={preset}
            type="button"
            className={tileWidth === TileSizePreset[preset] ? 'active' : ''}
            onClick={() => actions.setTileWidth(TileSizePreset[preset])}
          >
            {t(`toolbar.${preset}`)}
          </button>
        ))}
        <input
          type="range"
          min={tileWidthRange.min}
          max={tileWidthRange.max}
          value={tileWidth}
          aria-label={t('toolbar.size')}
          onChange={(event) => actions.setTileWidth(Number(event.target.value))}
        />
      </div>
      <label className="switch">
        <input type="checkbox" checked={theme === 'dark'} onChange={(event) => actions.setTheme(event.target.checked ? 'dark' : 'light')} data-testid="theme-toggle" />
        {t('toolbar.theme')}
      </label>
      <button type="button" className="link" onClick={() => actions.setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="language-toggle">
        {t('toolbar.language')}
      </button>
    </header>
  );
}
