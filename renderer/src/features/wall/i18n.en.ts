// English strings of the wall, its control bar and the focus view: the `wall` namespace.
import type { SameStrings } from '../../shared/feature.ts';
import type { wallZhCN } from './i18n.zhCN.ts';

export const wallEn: SameStrings<typeof wallZhCN> = {
  view: 'Wall',
  toolbar: {
    page: 'Page {{page}} / {{count}}',
    prev: 'Previous',
    next: 'Next',
    back: 'Back',
    home: 'Home',
    recents: 'Recents',
    focus: 'Focus view',
    selected: 'Controlling: {{name}}',
    noneSelected: 'Click a phone to take it',
    keyboard: 'Keyboard input for the selected phone',
    clipboardNote: "Chinese text is pasted through the phone's clipboard and replaces what is on it",
    selectionHint: 'Ctrl/⌘-click to add, Shift-click for a range, drag on the background to box-select, Ctrl+A all, Esc clears',
  },
  tile: {
    simulated: 'SIM',
    noDevices: 'No phones yet. Connect a phone by USB or wait for the box to find one.',
    noMatch: 'No phone name contains “{{filter}}”',
  },
  focus: {
    title: 'Focus view — {{name}}',
    close: 'Close',
    textPlaceholder: 'Text to send to the phone (Enter sends, Shift+Enter adds a line)',
    send: 'Send',
    sent: 'Sent',
  },
};
