// Registers exactly one IPC handler per desktop API method: sender frame checked, arguments validated with zod.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { DesktopApi, DesktopError } from '../preload/contract/desktopApi.ts';
import { desktopApiMethods, desktopChannel } from '../preload/contract/desktopApi.ts';
import { desktopApiArgs } from '../preload/contract/desktopApiArgs.ts';
import { isAppUrl } from './mainWindow.ts';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Only the top frame of our own app:// page may call: subframes and foreign origins are refused. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export class DesktopIpcRefusal extends Error {
  constructor(readonly error: DesktopError) {
    super(`${error.code}: ${error.message}`);
  }
}

export function registerDesktopIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, service: DesktopApi, senderCheck: SenderCheck = isTrustedSender): () => void {
  for (const method of desktopApiMethods) {
    const schema = desktopApiArgs[method];
    ipcMain.handle(desktopChannel(method), async (event, ...args: unknown[]) => {
      if (!senderCheck(event)) throw new DesktopIpcRefusal({ code: 'forbidden', message: `${method}: sender is not the PhoneWall window` });
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw new DesktopIpcRefusal({ code: 'bad_request', message: `${method}: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      const fn = service[method] as (...validArgs: unknown[]) => Promise<unknown>;
      return fn.apply(service, parsed.data as unknown[]);
    });
  }
  return () => {
    for (const method of desktopApiMethods) ipcMain.removeHandler(desktopChannel(method));
  };
}
