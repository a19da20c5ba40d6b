// The main-process implementation of the desktop API: embedded box, remembered boxes, dialogs, notifications.
import type { AppInfo, DesktopApi, DesktopError, DesktopResult, PickedImage } from '../preload/contract/desktopApi.ts';
import type { BoxRegistry } from './boxRegistry.ts';
import type { EmbeddedBox } from './embeddedBox.ts';

export const embeddedBoxId = 'embedded';
const maxImageBytes = 20 * 1024 * 1024;
const imageMimes: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export interface DesktopServiceDeps {
  embeddedBox: EmbeddedBox;
  registry: BoxRegistry;
  /** Opens the native dialog; resolves with chosen paths (empty when cancelled). */
  chooseImageFiles(): Promise<string[]>;
  readFile(filePath: string): Promise<Uint8Array>;
  notify(title: string, body: string): boolean;
  appInfo(): AppInfo;
}

const ok = <T>(value: T): DesktopResult<T> => ({ ok: true, value });
const fail = (code: DesktopError['code'], message: string): DesktopResult<never> => ({ ok: false, error: { code, message } });

export function createDesktopService(deps: DesktopServiceDeps): DesktopApi {
  return {
    async embeddedBoxStatus() {
      return deps.embeddedBox.getStatus();
    },
    async embeddedBoxStart() {
      return ok(deps.embeddedBox.start());
    },
    async embeddedBoxStop() {
      return ok(await deps.embeddedBox.stop());
    },
    async embeddedBoxLogs() {
      return deps.embeddedBox.getLogs();
    },
    async boxesList() {
      const status = deps.embeddedBox.getStatus();
      const embedded = status.url ? [{ id: embeddedBoxId, name: '', url: status.url, embedded: true }] : [];
      return [...embedded, ...(await deps.registry.list())];
    },
    async boxesAdd(input) {
      return ok(await deps.registry.add(input));
    },
    async boxesRemove(id) {
      if (id === embeddedBoxId) return fail('forbidden', 'the embedded box cannot be removed');
      return (await deps.registry.remove(id)) ? ok(null) : fail('not_found', `no box ${id}`);
    },
    async boxCredentials(id) {
      if (id === embeddedBoxId) {
        const credentials = deps.embeddedBox.credentials();
        return credentials ? ok(credentials) : fail('offline', 'the embedded box is not running');
      }
      const credentials = await deps.registry.credentials(id);
      return credentials ? ok(credentials) : fail('not_found', `no box ${id}`);
    },
    async pickImages() {
      const paths = await deps.chooseImageFiles();
      const images: PickedImage[] = [];
      for (const filePath of paths.slice(0, 9)) {
        const name = filePath.split(/[\\/]/).pop() ?? 'image';
        const mime = imageMimes[name.split('.').pop()?.toLowerCase() ?? ''];
        if (!mime) return fail('bad_request', `${name} is not an image`);
        const bytes = await deps.readFile(filePath);
        if (bytes.byteLength > maxImageBytes) return fail('bad_request', `${name} is larger than 20 MB`);
        images.push({ name, mime, bytes });
      }
      return ok(images);
    },
    async showNotification(input) {
      return deps.notify(input.title, input.body) ? ok(null) : fail('internal', 'notifications are not supported here');
    },
    async appInfo() {
      return deps.appInfo();
    },
  };
}
