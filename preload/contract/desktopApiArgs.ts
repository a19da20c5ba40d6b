// Argument schemas of the desktop API: main validates every call with these before anything runs.
import { z } from 'zod';
import type { DesktopApiMethod } from './desktopApi.ts';

const boxId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const boxUrl = z.string().max(2048).regex(/^https?:\/\/[A-Za-z0-9.\-[\]:]+(?::\d{1,5})?(?:\/[^\s]*)?$/, 'an http(s) URL');

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

