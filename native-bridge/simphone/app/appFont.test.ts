// Font lookup: the first usable candidate wins, and a machine without CJK fonts gets an error naming the fix.
import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { APP_FONT_FAMILY, findFontFile, registerAppFont } from './appFont.ts';

describe('appFont', () => {
  it('picks the first usable candidate', () => {
    expect(findFontFile(['/a.ttc', '/b.ttc', '/c.ttc'], (p) => p !== '/a.ttc')).toBe('/b.ttc');
  });

  it('names the missing package when no candidate is usable', () => {
    expect(() => findFontFile(['/nowhere/x.ttc'], () => false)).toThrow(/fonts-noto-cjk/);
  });

  it('registers the system CJK font under the app family', () => {
    expect(registerAppFont()).toBe(APP_FONT_FAMILY);
    expect(GlobalFonts.has(APP_FONT_FAMILY)).toBe(true);
  });
});
