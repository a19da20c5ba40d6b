// The typed desktop API: one interface, its runtime method list and its IPC channel names (schemas: desktopApiArgs.ts).
/** The desktop API's refusals, named like the box protocol's error codes (`bad_request`, `not_found`, …). */
export type DesktopError = { code: 'bad_request' | 'forbidden' | 'not_found' | 'offline' | 'internal'; message: string };
export type DesktopResult<T> = { ok: true; value: T } | { ok: false; error: DesktopError };

export const EmbeddedBoxState = {
  stopped: 'stopped',
  starting: 'starting',
  running: 'running',
  failed: 'failed',
} as const;
export type EmbeddedBoxState = (typeof EmbeddedBoxState)[keyof typeof EmbeddedBoxState];

export interface EmbeddedBoxStatus {
  state: EmbeddedBoxState;
  /** `simulated` when no adb or scrcpy-server jar was found, so the UI can say the phones are simulated. */
  mode: 'real' | 'simulated';
  url: string | null;
  pid: number | null;
  reason: string | null;
}

/** A remembered box as the renderer sees it: the token stays in the main process. */
export interface RememberedBox {
  id: string;
  name: string;
  url: string;
  embedded: boolean;
}

export interface BoxCredentials {
  url: string;
  token: string;
}

export interface PickedImage {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  locale: string;
  secureStorage: boolean;
}

export interface DesktopApi {
  embeddedBoxStatus(): Promise<EmbeddedBoxStatus>;
  embeddedBoxStart(): Promise<DesktopResult<EmbeddedBoxStatus>>;
  embeddedBoxStop(): Promise<DesktopResult<EmbeddedBoxStatus>>;
  embeddedBoxLogs(): Promise<string[]>;
  boxesList(): Promise<RememberedBox[]>;
  boxesAdd(input: { name: string; url: string; token: string }): Promise<DesktopResult<RememberedBox>>;
  boxesRemove(id: string): Promise<DesktopResult<null>>;
  boxCredentials(id: string): Promise<DesktopResult<BoxCredentials>>;
  pickImages(): Promise<DesktopResult<PickedImage[]>>;
  showNotification(input: { title: string; body: string }): Promise<DesktopResult<null>>;
  appInfo(): Promise<AppInfo>;
}

export type DesktopApiMethod = keyof DesktopApi;

/** The runtime method list the preload builds its functions from and main registers its handlers from. */
export const desktopApiMethods = [
  'embeddedBoxStatus',
  'embeddedBoxStart',
  'embeddedBoxStop',
  'embeddedBoxLogs',
  'boxesList',
  'boxesAdd',
  'boxesRemove',
  'boxCredentials',
  'pickImages',
  'showNotification',
  'appInfo',
] as const satisfies readonly DesktopApiMethod[];

// Compile-time check that the list names every method of the interface.
type MissingMethods = Exclude<DesktopApiMethod, (typeof desktopApiMethods)[number]>;
export const desktopApiListIsComplete: MissingMethods extends never ? true : MissingMethods = true;

export const desktopChannelPrefix = 'phonewall:';

export function desktopChannel(method: DesktopApiMethod): string {
  return `${desktopChannelPrefix}${method}`;
}

export function isDesktopApiMethod(name: unknown): name is DesktopApiMethod {
  return typeof name === 'string' && (desktopApiMethods as readonly string[]).includes(name);
}
