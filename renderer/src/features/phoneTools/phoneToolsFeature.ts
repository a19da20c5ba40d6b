// The phone tools as a feature: screenshots of the selected phones, and the phone's clipboard on the PC.
import { defineFeature } from '../../shared/feature.ts';
import { ClipboardBridge } from './ClipboardBridge.tsx';
import { phoneToolsEn } from './i18n.en.ts';
import { phoneToolsZhCN } from './i18n.zhCN.ts';
import { createPhoneToolsSlice } from './phoneToolsSlice.ts';
import type { PhoneToolsSlice } from './phoneToolsSlice.ts';
import { ScreenshotButton } from './ScreenshotButton.tsx';

export const phoneToolsFeature = defineFeature<PhoneToolsSlice>({
  id: 'phoneTools',
  slice: createPhoneToolsSlice,
  i18n: { 'zh-CN': phoneToolsZhCN, en: phoneToolsEn },
  bind: (connection, store, boxId) => connection.on('clipboard', (event) => store.getState().receivePhoneClipboard(boxId, event.deviceId, event.text)),
  controlBar: [ScreenshotButton],
  wallHosts: [ClipboardBridge],
});
