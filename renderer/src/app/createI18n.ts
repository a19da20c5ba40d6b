// The i18next instance of the console: zh-CN first, English available; the core namespace plus one namespace per
// feature (its id). Phone- and box-provided strings never pass here.
import i18next from 'i18next';
import type { i18n, Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ConsoleFeature } from '../shared/feature.ts';
import type { LanguageName } from '../shared/state/settingsSlice.ts';
import { en } from './i18n.en.ts';
import { zhCN } from './i18n.zhCN.ts';

export function createI18n(language: LanguageName, features: readonly Pick<ConsoleFeature, 'id' | 'i18n'>[]): i18n {
  const resources: Resource = { 'zh-CN': { translation: zhCN }, en: { translation: en } };
  for (const feature of features) {
    resources['zh-CN']![feature.id] = feature.i18n['zh-CN'];
    resources.en![feature.id] = feature.i18n.en;
  }
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources,
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  });
  return instance;
}
