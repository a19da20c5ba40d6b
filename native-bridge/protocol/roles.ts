// Token roles and what each may ask of the box.
import type { ClientMessageType } from './clientMessages.ts';
import { FEATURE_READ_TYPES } from './features.ts';

export const Role = { Admin: 'admin', Operator: 'operator', Viewer: 'viewer' } as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

/** Messages that only watch (allowed to viewers); everything else touches a phone and needs operator or admin. */
const WATCH_ONLY: ReadonlySet<ClientMessageType> = new Set([
  'hello',
  'ping',
  'listDevices',
  'screenshot',
  'uiDump',
  'subscribe',
  'unsubscribe',
  'requestKeyFrame',
  ...FEATURE_READ_TYPES,
]);

export function roleMayDo(role: Role, type: ClientMessageType): boolean {
  return role !== Role.Viewer || WATCH_ONLY.has(type);
}

/** Viewers do not receive phone clipboards (they may hold private text); every other event goes to every role. */
export function roleReceivesEvent(role: Role, eventType: string): boolean {
  return eventType !== 'clipboard' || role !== Role.Viewer;
}
