// English strings of group control (selection, sync, why a follower failed): the `groupControl` namespace.
import type { SameStrings } from '../../shared/feature.ts';
import type { groupControlZhCN } from './i18n.zhCN.ts';

export const groupControlEn: SameStrings<typeof groupControlZhCN> = {
  selection: {
    count: '{{count}} selected',
    clear: 'Clear selection',
  },
  sync: {
    turnOn: 'Sync control',
    turnOff: 'Stop sync',
    shortcut: 'Ctrl+G',
    needTwo: 'Select at least two phones first',
    on: 'Syncing: {{count}} following',
    leader: 'Leading: {{name}}',
    failed: 'Failed: {{reason}}',
    failedCount: '{{count}} failed',
    reinclude: 'Re-include',
    confirmTitle: 'Screen shapes differ',
    confirmBody: 'The selected phones’ aspect ratios differ by {{percent}}% (more than 2%). Taps are mapped by relative position and may miss on differently shaped screens. Turn sync on anyway?',
    confirm: 'Sync anyway',
    cancel: 'Cancel',
    note: 'Taps, swipes, keys and text on the leading phone are sent to every follower too',
  },
  failure: {
    offline: 'offline',
    connecting: 'connecting',
    unauthorized: 'unauthorized',
    error: 'error',
    device_offline: 'phone offline',
    box_offline: 'box disconnected',
    busy: 'running a posting job',
    timeout: 'phone did not answer',
    bad_request: 'invalid action',
    forbidden: 'not allowed',
    not_found: 'phone gone',
    rate_limited: 'sending too fast',
    sizeUnknown: 'screen size unknown',
    internal: 'failed',
  },
};
