// The i18next instance of the console: zh-CN first, English available. Phone- and box-provided strings never pass here.
import i18next from 'i18next';
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageName } from '../shared/state/settingsSlice.ts';
import { en } from './i18n.en.ts';
import { zhCN } from './i18n.zhCN.ts';
import { postingEn } from '../features/posting/i18n.en.ts';
import { postingZhCN } from '../features/posting/i18n.zhCN.ts';
import { chatToolsEn } from '../features/phoneTools/i18n.en.ts';
import { chatToolsZhCN } from '../features/phoneTools/i18n.zhCN.ts';
import { chatDeskEn } from '../features/chatDesk/i18n.en.ts';
import { chatDeskZhCN } from '../features/chatDesk/i18n.zhCN.ts';

export function createI18n(language: LanguageName): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN, chatTools: chatToolsZhCN, posting: postingZhCN, chatDesk: chatDeskZhCN }, en: { translation: en, chatTools: chatToolsEn, posting: postingEn, chatDesk: chatDeskEn } },
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  });
  return instance;
}
