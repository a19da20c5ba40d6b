// The typed desktop API: one interface, its runtime method list, its IPC channel names and argument schemas.
import { z } from 'zod';

export type DesktopError = { code: 'invalid-arguments' | 'forbidden' | 'not-found' | 'unavailable' | 'failed'; message: string };
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

const boxId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const boxUrl = z.string().max(2048).regex(/^https?:\/\/[A-Za-z0-9.\-[\]:]+(?::\d{1,5})?(?:\/[^\s]*)?$/, 'an http(s) URL');

/** Argument tuples per method: main validates every call with these before anything runs. */
export const desktopApiArgs = {
  embeddedBoxStatus: z.tuple([]),
  embeddedBoxStart: z.tuple([]),
  embeddedBoxStop: z.tuple([]),
  embeddedBoxLogs: z.tuple([]),
  boxesList: z.tuple([]),
  boxesAdd: z.tuple([z.object({ name: z.string().min(1).max(80), url: boxUrl, token: z.string().min(1).max(512) }).strict()]),
  boxesRemove: z.tuple([boxId]),
  boxCredentials: z.tuple([boxId]),
  pickImages: z.tuple([]),
  showNotification: z.tuple([z.object({ title: z.string().min(1).max(120), body: z.string().max(1000) }).strict()]),
  appInfo: z.tuple([]),
} as const satisfies Record<DesktopApiMethod, z.ZodTuple>;

/** The runtime list the preload builds its functions from and main registers its handlers from. */
export const desktopApiMethods = Object.keys(desktopApiArgs) as DesktopApiMethod[];

export const desktopChannelPrefix = 'phonewall:';

export function desktopChannel(method: DesktopApiMethod): string {
  return `${desktopChannelPrefix}${method}`;
}

export function isDesktopApiMethod(name: unknown): name is DesktopApiMethod {
  return typeof name === 'string' && Object.hasOwn(desktopApiArgs, name);
}
