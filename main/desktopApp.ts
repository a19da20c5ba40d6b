// Composition root of the desktop app: scheme, window, security, IPC, embedded box, tray, quit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as ElectronModule from 'electron';
import { appEntryUrl, appOrigin, appScheme, appSchemePrivileges, createAppProtocolHandler } from './appProtocol.ts';
import { BoxRegistry } from './boxRegistry.ts';
import { createDesktopService } from './desktopService.ts';
import { registerDesktopIpc } from './desktopIpc.ts';
import { EmbeddedBox } from './embeddedBox.ts';
import type { EmbeddedBoxDeps } from './embeddedBox.ts';
import { embeddedBoxLaunch, fileExists } from './embeddedBoxLaunch.ts';
import { createMainWindow, denyAllPermissions, lockNavigation } from './mainWindow.ts';
import { trayIconBitmap } from './trayIcon.ts';
import { createTrayMenu } from './trayMenu.ts';

type Electron = typeof ElectronModule;

export interface DesktopAppPaths {
  repoRoot: string;
  rendererDir: string;
  preloadPath: string;
  trayIcon: string;
}

export function desktopAppPaths(bundleDir: string): DesktopAppPaths {
  const repoRoot = path.resolve(bundleDir, '..', '..');
  return {
    repoRoot,
    rendererDir: path.join(repoRoot, 'dist', 'renderer'),
    preloadPath: path.join(repoRoot, 'dist', 'preload', 'preload.cjs'),
    trayIcon: path.join(repoRoot, 'build', 'trayIcon.png'),
  };
}

/** Must run before `app.whenReady()`: privileged schemes can only be registered that early. */
export function registerSchemes(electron: Electron): void {
  electron.protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
}

export async function startDesktopApp(electron: Electron, paths: DesktopAppPaths, spawn: EmbeddedBoxDeps['spawn']): Promise<void> {
  const { app, BrowserWindow, ipcMain, Menu, Notification, Tray, dialog, nativeImage, protocol, safeStorage, session } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents));
  await app.whenReady();

  protocol.handle(appScheme, createAppProtocolHandler(paths.rendererDir));
  denyAllPermissions(session.defaultSession);

  const embeddedBox = new EmbeddedBox(
    embeddedBoxLaunch({ repoRoot: paths.repoRoot, dataDir: path.join(app.getPath('userData'), 'box'), appOrigin, env: process.env, platform: process.platform, exists: fileExists }),
    { spawn, readToken: (file) => readFile(file, 'utf8') },
  );
  const registry = new BoxRegistry(path.join(app.getPath('userData'), 'boxes.json'), safeStorage);
  let window: ElectronModule.BrowserWindow | null = null;

  const service = createDesktopService({
    embeddedBox,
    registry,
    async chooseImageFiles() {
      const options: ElectronModule.OpenDialogOptions = { properties: ['openFile', 'multiSelections'], filters: [{ name: 'Images', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif'] }] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    readFile: async (file) => new Uint8Array(await readFile(file)),
    notify(title, body) {
      if (!Notification.isSupported()) return false;
      new Notification({ title, body, silent: false }).show();
      return true;
    },
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, locale: app.getLocale(), secureStorage: safeStorage.isEncryptionAvailable() }),
  });
  registerDesktopIpc(ipcMain, service);
  embeddedBox.start();

  const showWindow = (): void => {
    if (!window || window.isDestroyed()) window = createMainWindow({ createWindow: (options) => new BrowserWindow(options), preloadPath: paths.preloadPath, entryUrl: appEntryUrl });
    else window.show();
    window.focus();
  };
  showWindow();
  createTrayMenu({
    createTray: () => {
      const icon = trayIconBitmap(32);
      return new Tray(fileExists(paths.trayIcon) ? paths.trayIcon : nativeImage.createFromBitmap(icon.pixels, { width: icon.width, height: icon.height }));
    },
    buildMenu: (items) => Menu.buildFromTemplate(items),
    locale: app.getLocale(),
    onShow: showWindow,
    onQuit: () => app.quit(),
  });

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    void embeddedBox.stop().finally(() => app.quit());
  });
}
