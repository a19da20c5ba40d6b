import { describe, expect, it } from 'vitest';
import { desktopApiMethods, desktopChannel, isDesktopApiMethod } from '../../preload/contract/desktopApi.ts';
import { desktopApiArgs } from '../../preload/contract/desktopApiArgs.ts';

describe('desktop API contract', () => {
  it('lists every method once with its own channel', () => {
    expect(new Set(desktopApiMethods).size).toBe(desktopApiMethods.length);
    expect(new Set(desktopApiMethods.map(desktopChannel)).size).toBe(desktopApiMethods.length);
    expect(desktopApiMethods).toContain('boxesAdd');
  });

  it('refuses unknown names and bad arguments', () => {
    expect(isDesktopApiMethod('toString')).toBe(false);
    expect(isDesktopApiMethod('boxesList')).toBe(true);
    expect(desktopApiArgs.boxesAdd.safeParse([{ name: 'a', url: 'javascript:alert(1)', token: 't' }]).success).toBe(false);
    expect(desktopApiArgs.boxesAdd.safeParse([{ name: 'a', url: 'http://10.0.0.2:8700', token: 't' }]).success).toBe(true);
    expect(desktopApiArgs.boxesRemove.safeParse(['../x']).success).toBe(false);
    expect(desktopApiArgs.boxesList.safeParse(['extra']).success).toBe(false);
  });
});

describe('desktop API argument schemas', () => {
  it('has exactly one schema per method', () => {
    expect(Object.keys(desktopApiArgs).sort()).toEqual([...desktopApiMethods].sort());
  });
});
