import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desktopApiMethods, desktopChannel } from '../../preload/contract/desktopApi.ts';
import { desktopAppPaths, registerSchemes, startDesktopApp } from '../../main/desktopApp.ts';
import { FakeChild, FakeWindow, fakeElectron, ipcEvent } from '../testing/fakeElectron.ts';

const appPage = 'app://phonewall/index.html';

describe('desktop app security (RELIABILITY E1–E4)', () => {
  let dir: string;
  let world: ReturnType<typeof fakeElectron>;
  let spawned: { command: string; args: string[] }[];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'phonewall-electron-'));
    world = fakeElectron(dir);
    spawned = [];
    registerSchemes(world.electron);
    await startDesktopApp(world.electron, desktopAppPaths(path.join(dir, 'dist', 'main')), (command, args) => {
      spawned.push({ command, args });
      const child = new FakeChild();
      world.recorded.children.push(child);
      return child as never;
    });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const call = (method: string, event: unknown, ...args: unknown[]) => {
    const handler = world.recorded.handlers.get(desktopChannel(method as never))?.[0];
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, ...args);
  };

  it('registers app:// as a privileged secure standard scheme', () => {
    expect(world.recorded.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('opens one window with locked-down webPreferences loading app://', () => {
    expect(FakeWindow.created).toHaveLength(1);
    const window = FakeWindow.created[0]!;
    const prefs = window.options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(window.loadedUrl).toBe(appPage);
  });

  it('denies navigation, redirects and new windows on the window and on any later web contents', () => {
    const contents = [FakeWindow.created[0]!.webContents];
    const later = new (FakeWindow.created[0]!.webContents.constructor as new () => typeof contents[0])();
    world.recorded.appEvents.emit('web-contents-created', {}, later);
    contents.push(later);
    for (const webContents of contents) {
      for (const name of ['will-navigate', 'will-redirect']) {
        let prevented = 0;
        webContents.emit(name, { preventDefault: () => prevented++ }, 'https://evil.example/');
        expect(prevented, name).toBeGreaterThanOrEqual(1);
      }
      let javascriptPrevented = 0;
      webContents.emit('will-navigate', { preventDefault: () => javascriptPrevented++ }, 'javascript:alert(1)');
      expect(javascriptPrevented).toBeGreaterThanOrEqual(1);
      expect(webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      expect(webContents.windowOpenHandler?.({ url: appPage })).toEqual({ action: 'deny' });
    }
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      world.recorded.permissionRequest?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(world.recorded.permissionCheck?.({}, 'clipboard-read', 'app://phonewall', {})).toBe(false);
    expect(world.recorded.devicePermission?.({})).toBe(false);
  });

  it('registers exactly one handler per contract method and no other channel', () => {
    expect([...world.recorded.handlers.keys()].sort()).toEqual(desktopApiMethods.map(desktopChannel).sort());
    for (const method of desktopApiMethods) expect(world.recorded.handlers.get(desktopChannel(method))).toHaveLength(1);
  });

  it('rejects IPC from foreign origins and subframes', async () => {
    await expect(call('boxesList', ipcEvent('https://evil.example/'))).rejects.toThrow(/forbidden/);
    await expect(call('boxesList', ipcEvent('app://other-host/index.html'))).rejects.toThrow(/forbidden/);
    await expect(call('boxesList', ipcEvent('http://127.0.0.1:8700/'))).rejects.toThrow(/forbidden/);
    await expect(call('boxesList', ipcEvent(appPage, { url: appPage }))).rejects.toThrow(/forbidden/);
    await expect(call('boxesList', { senderFrame: null })).rejects.toThrow(/forbidden/);
    await expect(call('boxesList', ipcEvent(appPage))).resolves.toEqual([]);
  });

  it('rejects bad arguments before the service runs', async () => {
    const event = ipcEvent(appPage);
    await expect(call('boxesAdd', event, { name: 'x', url: 'file:///etc/passwd', token: 't' })).rejects.toThrow(/bad_request/);
    await expect(call('boxesAdd', event, { name: 'x', url: 'http://10.0.0.2:8700', token: 't', extra: 1 })).rejects.toThrow(/bad_request/);
    await expect(call('boxesRemove', event, 42)).rejects.toThrow(/bad_request/);
    await expect(call('showNotification', event, { title: '', body: 'x' })).rejects.toThrow(/bad_request/);
    await expect(call('appInfo', event, 'unexpected')).rejects.toThrow(/bad_request/);
    expect(world.recorded.notifications).toEqual([]);
  });

  it('keeps tokens in main: the list never carries them, credentials come one box at a time', async () => {
    const event = ipcEvent(appPage);
    const added = (await call('boxesAdd', event, { name: '二号盒子', url: 'http://10.0.0.2:8700/x', token: 'secret-token-1' })) as { ok: true; value: { id: string } };
    expect(added.ok).toBe(true);
    const list = await call('boxesList', event);
    expect(JSON.stringify(list)).not.toContain('secret-token-1');
    expect(list).toEqual([{ id: added.value.id, name: '二号盒子', url: 'http://10.0.0.2:8700', embedded: false }]);
    expect(await call('boxCredentials', event, added.value.id)).toEqual({ ok: true, value: { url: 'http://10.0.0.2:8700', token: 'secret-token-1' } });
  });

  it('starts the embedded box (simulated without adb + jar) and reports its URL once it announces readiness', async () => {
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.args.join(' ')).toMatch(/native-bridge\/cli\.ts/);
    const child = world.recorded.children[0]!;
    const event = ipcEvent(appPage);
    expect(await call('embeddedBoxStatus', event)).toMatchObject({ state: 'starting' });
    const tokenPath = path.join(dir, 'admin.token');
    writeFileSync(tokenPath, 'abcdefgh12345678\n');
    // A human line is only logged; the typed readiness line is what the app acts on.
    child.stdout.write('PhoneWall box listening on http://127.0.0.1:9\n');
    child.stdout.write(`${JSON.stringify({ type: 'boxReady', url: 'http://127.0.0.1:41234', adminTokenPath: tokenPath, protocolVersion: 1, box: { name: 'phonewall-box', version: '0.1.0' } })}\n`);
    await expect.poll(() => call('embeddedBoxStatus', event)).toMatchObject({ state: 'running', url: 'http://127.0.0.1:41234' });
    expect(await call('boxCredentials', event, 'embedded')).toEqual({ ok: true, value: { url: 'http://127.0.0.1:41234', token: 'abcdefgh12345678' } });
    expect(await call('boxesRemove', event, 'embedded')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('puts one tray icon with a drawn image', () => {
    expect(world.recorded.trays).toHaveLength(1);
    const image = world.recorded.trays[0]!.image as { pixels: Buffer; size: { width: number; height: number } };
    expect(image.size).toEqual({ width: 32, height: 32 });
    const opaque = [...image.pixels].filter((_, i) => i % 4 === 3 && image.pixels[i] === 0xff).length;
    expect(opaque).toBeGreaterThan(100);
    expect(opaque).toBeLessThan(32 * 32);
  });

  it('serves only files inside the renderer folder with the CSP header', async () => {
    const handler = world.recorded.protocolHandlers.get('app')!;
    const traversal = await handler(new Request('app://phonewall/..%2f..%2fpackage.json'));
    expect(traversal.status).toBe(403);
    const foreignHost = await handler(new Request('app://elsewhere/index.html'));
    expect(foreignHost.status).toBe(403);
    const missing = await handler(new Request('app://phonewall/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBeNull();
  });
});
