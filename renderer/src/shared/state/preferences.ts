// Operator preferences kept in localStorage (theme, language, tile size); `?lang=en&theme=dark` overrides them.
import type { CoreState } from './coreState.ts';
import type { LanguageName, ThemeName } from './settingsSlice.ts';
import { clampTileWidth } from './wallSlice.ts';

const key = 'phonewall.preferences';

export type Preferences = Partial<Pick<CoreState, 'theme' | 'language' | 'tileWidth'>>;

export function parsePreferences(raw: string | null, search: string): Preferences {
  const preferences: Preferences = {};
  let stored: Record<string, unknown> = {};
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    if (value && typeof value === 'object') stored = value as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const params = new URLSearchParams(search);
  const theme = params.get('theme') ?? stored.theme;
  const language = params.get('lang') ?? stored.language;
  if (theme === 'light' || theme === 'dark') preferences.theme = theme as ThemeName;
  if (language === 'zh-CN' || language === 'en') preferences.language = language as LanguageName;
  if (typeof stored.tileWidth === 'number') preferences.tileWidth = clampTileWidth(stored.tileWidth);
  return preferences;
}

export function loadPreferences(storage: Storage, search: string): Preferences {
  return parsePreferences(storage.getItem(key), search);
}

export function savePreferences(storage: Storage, state: Pick<CoreState, 'theme' | 'language' | 'tileWidth'>): void {
  storage.setItem(key, JSON.stringify({ theme: state.theme, language: state.language, tileWidth: state.tileWidth }));
}
