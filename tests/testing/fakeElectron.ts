// A recording stand-in for the parts of the `electron` module the desktop app uses (the binary is not installable here).
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type * as ElectronModule from 'electron';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: ElectronModule.BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  isDestroyed(): boolean {
    return false;
  }
}

export type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export function fakeElectron(userData: string) {
  FakeWindow.created = [];
  const handlers = new Map<string, Handler[]>();
  const appEvents = new EventEmitter();
  const children: FakeChild[] = [];
  const trays: { image: unknown }[] = [];
  const recorded = {
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    devicePermission: null as null | ((...args: unknown[]) => boolean),
    handlers,
    appEvents,
    children,
    notifications: [] as { title: string; body: string }[],
    trays,
  };
  const electron = {
    app: {
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      on: (name: string, listener: (...args: unknown[]) => void) => appEvents.on(name, listener),
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getName: () => 'PhoneWall',
      getVersion: () => '0.1.0',
      getLocale: () => 'zh-CN',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => (recorded.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => (recorded.permissionCheck = handler),
        setDevicePermissionHandler: (handler: typeof recorded.devicePermission) => (recorded.devicePermission = handler),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => handlers.set(channel, [...(handlers.get(channel) ?? []), handler]),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    BrowserWindow: FakeWindow,
    Tray: class {
      constructor(readonly image: unknown) {
        trays.push(this);
      }
      setToolTip(): void {}
      setContextMenu(): void {}
      on(): void {}
    },
    Menu: { buildFromTemplate: (items: unknown[]) => items },
    nativeImage: { createEmpty: () => ({}), createFromBitmap: (pixels: Buffer, size: { width: number; height: number }) => ({ pixels, size }) },
    Notification: Object.assign(
      class {
        constructor(private readonly options: { title: string; body: string }) {}
        show(): void {
          recorded.notifications.push(this.options);
        }
      },
      { isSupported: () => true },
    ),
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].map((byte) => byte ^ 0x5a)),
      decryptString: (data: Buffer) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString(),
    },
  };
  return { electron: electron as unknown as typeof ElectronModule, recorded };
}

export class FakeChild extends EventEmitter {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly pid = 4242;
  signalCode: string | null = null;
  kill(signal: string): boolean {
    this.signalCode = signal;
    setImmediate(() => this.emit('exit', null, signal));
    return true;
  }
}

/** An IPC event as Electron would give it for a frame at `url` (parent null = top frame). */
export function ipcEvent(url: string, parent: object | null = null): unknown {
  return { senderFrame: { url, parent } };
}
