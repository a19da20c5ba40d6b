import { beforeEach, describe, expect, it, vi } from 'vitest';
import { desktopApiMethods } from '../../preload/contract/desktopApi.ts';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke: (channel: string, ...args: unknown[]) => invoke(channel, ...args), on: vi.fn(), send: vi.fn() },
}));

describe('preload bridge', () => {
  beforeEach(async () => {
    exposed.clear();
    invoke.mockClear();
    vi.resetModules();
    await import('../../preload/preload.ts');
  });

  it('exposes only window.phonewall with exactly the contract methods, frozen', () => {
    expect([...exposed.keys()]).toEqual(['phonewall']);
    const api = exposed.get('phonewall') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...desktopApiMethods].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(api.ipcRenderer).toBeUndefined();
    expect(api.invoke).toBeUndefined();
  });

  it('maps each method to its own channel and passes arguments through', async () => {
    const api = exposed.get('phonewall') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(api.boxesRemove!('abc')).resolves.toEqual({ channel: 'phonewall:boxesRemove', args: ['abc'] });
    await api.appInfo!();
    expect(invoke.mock.calls.map((c) => c[0])).toEqual(['phonewall:boxesRemove', 'phonewall:appInfo']);
  });
});
