// Every text the box may send has a zh-CN wording in the console (the core's table plus each feature's), with the
// same placeholders as its English.
import { describe, expect, it } from 'vitest';
import { BOX_TEXTS } from '../../../native-bridge/protocol/boxTexts.ts';
import { coreBoxTextsZhCN } from '../shared/i18n.boxTexts.zhCN.ts';
import { consoleFeatures } from './consoleFeatures.ts';
import { createI18n } from './createI18n.ts';

const placeholders = (wording: string) => [...wording.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('box texts', () => {
  it('are all translated into zh-CN with the same placeholders', () => {
    const zhCN: Record<string, string> = { ...coreBoxTextsZhCN };
    for (const feature of consoleFeatures) Object.assign(zhCN, feature.boxTexts?.['zh-CN']);
    for (const [key, english] of Object.entries(BOX_TEXTS)) {
      expect(zhCN[key], key).toBeTruthy();
      expect(placeholders(zhCN[key]!), key).toEqual(placeholders(english));
    }
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(BOX_TEXTS).sort());
  });

  it('are shown by key in the user language, English from the catalog', () => {
    const zh = createI18n('zh-CN', consoleFeatures);
    expect(zh.t('posting.phoneBusy', { ns: 'boxTexts', deviceId: 'PWSIM0003', jobId: 'j1' })).toBe('手机 PWSIM0003 正在自动发布朋友圈（任务 j1），完成后才能操作');
    const en = createI18n('en', consoleFeatures);
    expect(en.t('core.deviceNotOnline', { ns: 'boxTexts', deviceId: 'PWSIM0003' })).toBe('device PWSIM0003 is not online');
  });
});
