// Builds the renderer's `window.phonewall` functions from the contract's method list; nothing else crosses.
import type { DesktopApi, DesktopApiMethod } from './contract/desktopApi.ts';
import { desktopApiMethods, desktopChannel, isDesktopApiMethod } from './contract/desktopApi.ts';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export function buildDesktopApi(invoke: Invoke): DesktopApi {
  const api: Partial<Record<DesktopApiMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of desktopApiMethods) {
    api[method] = (...args: unknown[]) => invokeMethod(invoke, method, args);
  }
  return Object.freeze(api) as unknown as DesktopApi;
}

function invokeMethod(invoke: Invoke, method: string, args: unknown[]): Promise<unknown> {
  if (!isDesktopApiMethod(method)) return Promise.reject(new Error(`unknown desktop method: ${method}`));
  return invoke(desktopChannel(method), ...args);
}
