// Operator preferences: theme and language.
import type { StateCreator } from 'zustand';

export type ThemeName = 'light' | 'dark';
export type LanguageName = 'zh-CN' | 'en';

export interface SettingsSlice {
  theme: ThemeName;
  language: LanguageName;
  setTheme(theme: ThemeName): void;
  setLanguage(language: LanguageName): void;
}

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set) => ({
  theme: 'light',
  language: 'zh-CN',
  setTheme: (theme) => set({ theme }),
  setLanguage: (language) => set({ language }),
});
