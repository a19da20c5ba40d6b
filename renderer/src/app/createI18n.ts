// The i18next instance of the console: zh-CN first, English available; the core namespace, one namespace per
// feature (its id), and the box's texts by their catalog keys. Phone-provided strings never pass here.
import i18next from 'i18next';
import type { i18n, Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { BOX_TEXTS } from '../../../native-bridge/protocol/boxTexts.ts';
import { BOX_TEXTS_NAMESPACE } from '../shared/boxTexts.ts';
import type { ConsoleFeature } from '../shared/feature.ts';
import { coreBoxTextsZhCN } from '../shared/i18n.boxTexts.zhCN.ts';
import type { LanguageName } from '../shared/state/settingsSlice.ts';
import { en } from './i18n.en.ts';
import { zhCN } from './i18n.zhCN.ts';

export function createI18n(language: LanguageName, features: readonly Pick<ConsoleFeature, 'id' | 'i18n' | 'boxTexts'>[]): i18n {
  const boxTextsZhCN: Record<string, string> = { ...coreBoxTextsZhCN };
  for (const feature of features) Object.assign(boxTextsZhCN, feature.boxTexts?.['zh-CN']);
  const resources: Resource = {
    'zh-CN': { translation: zhCN, [BOX_TEXTS_NAMESPACE]: boxTextsZhCN },
    en: { translation: en, [BOX_TEXTS_NAMESPACE]: { ...BOX_TEXTS } },
  };
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
