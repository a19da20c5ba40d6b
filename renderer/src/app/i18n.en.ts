// English strings of the core namespace: the shell and the words every feature shares.
import type { SameStrings } from '../shared/feature.ts';
import type { zhCN } from './i18n.zhCN.ts';

export const en: SameStrings<typeof zhCN> = {
  app: { title: 'PhoneWall' },
  login: {
    title: 'Connect to the box',
    intro: "Enter the box's access token. It is in the admin.token file in the box's data folder.",
    token: 'Access token',
    remember: 'Remember on this PC (stays after the browser closes)',
    submit: 'Connect',
    refused: 'The token was refused. Please enter it again.',
    malformed: 'That does not look like a token.',
  },
  toolbar: {
    filter: 'Filter by name',
    filterHint: 'Filter by name, model, serial, note or tag; #tag matches that tag only; all words must match',
    size: 'Tile size',
    small: 'S',
    medium: 'M',
    large: 'L',
    theme: 'Dark mode',
    language: '中文',
    counts: '{{total}} phones, {{online}} online',
  },
  views: { label: 'Views', shortcut: 'Shortcut Alt+{{key}}' },
  state: {
    online: 'Online',
    connecting: 'Connecting',
    offline: 'Offline',
    unauthorized: 'Unauthorized',
    error: 'Error',
  },
  box: {
    embedded: 'This PC',
    simulatedMode: 'Simulated phones',
    realMode: 'Real phones',
    retryIn: 'retrying in {{seconds}} s',
    add: 'Add box',
    addName: 'Name',
    addUrl: 'Address (http://…)',
    addToken: 'Token',
    addSubmit: 'Add',
    remove: 'Remove',
    stopped: 'The local box is stopped',
    start: 'Start',
    showLog: 'Log',
    hideLog: 'Hide log',
    starting: 'Starting the local box…',
    failed: 'The local box failed: {{reason}}',
  },
  reason: {
    tokenRefused: 'Token refused',
    connectionLost: 'Connection lost',
    unreachable: 'Box unreachable',
  },
  notify: {
    phoneDownTitle: '{{name}} dropped off',
    phoneDownBody: 'State: {{state}} ({{serial}}). The screen comes back by itself once it reconnects.',
  },
};
