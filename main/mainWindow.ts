// The one main window and the security rules around it: webPreferences, navigation, new windows, permissions.
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { appHost, appScheme } from './appProtocol.ts';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'PhoneWall',
    backgroundColor: '#14161a',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** True only for our own app:// origin: anything else (other schemes, other hosts) is foreign. */
export function isAppUrl(url: string): boolean {
  try {
    // Node's URL gives custom schemes a `null` origin, so compare scheme and host instead.
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Every navigation away from the loaded page and every new window is refused; in-page loads stay ours. */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The console needs no browser permission: notifications go through main, pasted text comes from paste events. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export interface MainWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
  preloadPath: string;
  entryUrl: string;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = deps.createWindow(mainWindowOptions(deps.preloadPath));
  lockNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(deps.entryUrl);
  return window;
}
