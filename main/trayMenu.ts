// The tray icon with Show and Quit, labelled in the app's language.
import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';

export interface TrayDeps {
  createTray(): Tray;
  buildMenu(items: MenuItemConstructorOptions[]): Menu;
  locale: string;
  onShow(): void;
  onQuit(): void;
}

const labels = {
  zh: { show: '显示 PhoneWall', quit: '退出' },
  en: { show: 'Show PhoneWall', quit: 'Quit' },
} as const;

export function createTrayMenu(deps: TrayDeps): Tray {
  const text = deps.locale.toLowerCase().startsWith('zh') ? labels.zh : labels.en;
  const tray = deps.createTray();
  tray.setToolTip('PhoneWall');
  tray.setContextMenu(deps.buildMenu([
    { label: text.show, click: () => deps.onShow() },
    { type: 'separator' },
    { label: text.quit, click: () => deps.onQuit() },
  ]));
  tray.on('click', () => deps.onShow());
  return tray;
}
