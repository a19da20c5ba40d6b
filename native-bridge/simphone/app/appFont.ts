// Registers the CJK font the chat app draws with, under one family name used everywhere.
import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

export const APP_FONT_FAMILY = 'PhoneWallSans';

export const CJK_FONT_CANDIDATES: readonly string[] = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
];

let registeredFrom: string | null = null;

/** Registers the first CJK font found (once per process) and returns the family name to draw with. */
export function registerAppFont(candidates: readonly string[] = CJK_FONT_CANDIDATES): string {
  if (registeredFrom !== null) return APP_FONT_FAMILY;
  const path = findFontFile(candidates, (p) => existsSync(p) && GlobalFonts.registerFromPath(p, APP_FONT_FAMILY) !== null);
  registeredFrom = path;
  // The bold face beside it makes titles crisp instead of synthesised; without it bold is faked, which is fine.
  const bold = path.replace(/Regular(\.tt[cf]|\.otf)$/, 'Bold$1');
  if (bold !== path && existsSync(bold)) GlobalFonts.registerFromPath(bold, APP_FONT_FAMILY);
  return APP_FONT_FAMILY;
}

/** The first candidate `usable` accepts, or an error that names the fix. */
export function findFontFile(candidates: readonly string[], usable: (path: string) => boolean): string {
  for (const path of candidates) if (usable(path)) return path;
  throw new Error(
    `No CJK font found for the simulated phone screen (looked in ${candidates.join(', ')}). ` +
      'Install the Noto CJK fonts (Debian: apt-get install fonts-noto-cjk).',
  );
}

/** CSS font shorthand in the app's family. */
export function appFont(sizePx: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${sizePx}px ${APP_FONT_FAMILY}`;
}
