// English strings of the phone tools (screenshots, the phone's clipboard): the `phoneTools` namespace.
import type { SameStrings } from '../../shared/feature.ts';
import type { phoneToolsZhCN } from './i18n.zhCN.ts';

export const phoneToolsEn: SameStrings<typeof phoneToolsZhCN> = {
  screenshot: {
    selected: 'Screenshot',
    shortcut: 'Ctrl+Shift+S',
    working: 'Taking {{count}} screenshots…',
    saved: 'Saved {{count}} screenshots',
    partial: 'Saved {{count}} screenshots; {{failed}} failed: {{names}}',
    none: 'Screenshot failed: {{names}}',
  },
  clipboard: {
    copied: 'Copied the phone clipboard',
    denied: 'Could not write the PC clipboard (not allowed by the browser)',
  },
};
