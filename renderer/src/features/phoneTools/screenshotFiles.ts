// Screenshot file names (`<phone name>_<YYYYMMDD-HHmmss>.png`, made safe for every OS) and the zip of several.
import { zipSync } from 'fflate';

/** Characters no file system accepts, control characters, and leading/trailing dots and spaces. */
const unsafe = /[\\/:*?"<>|\u0000-\u001f\u007f]+/gu;

export function sanitizeFileStem(name: string, fallback = 'phone'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(unsafe, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[.\s_]+|[.\s]+$/gu, '')
    .slice(0, 80);
  // Windows refuses these names whatever the extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/iu.test(cleaned)) return `${cleaned}_`;
  return cleaned || fallback;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Local time as the operator reads it on the PC clock. */
export function fileTimestamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

export function screenshotFileName(phoneName: string, at: Date): string {
  return `${sanitizeFileStem(phoneName)}_${fileTimestamp(at)}.png`;
}

/** Distinct names for one batch: two phones with the same name get `_2`, `_3`… */
export function uniqueFileNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)}_${count}${name.slice(dot)}` : `${name}_${count}`;
  });
}

export interface NamedFile {
  name: string;
  bytes: Uint8Array;
}

/** One zip of several PNGs; stored without compression (PNG is compressed already). */
export function zipFiles(files: readonly NamedFile[], at: Date): Uint8Array {
  const names = uniqueFileNames(files.map((file) => file.name));
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  files.forEach((file, index) => {
    entries[names[index]!] = [file.bytes, { level: 0, mtime: at }];
  });
  return zipSync(entries);
}

export function zipFileName(count: number, at: Date): string {
  return `phonewall_${count}_${fileTimestamp(at)}.zip`;
}

/** Decodes the box's base64 PNG and checks the signature, so a broken answer never lands in a file. */
export function decodePng(base64: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return signature.every((byte, index) => bytes[index] === byte) ? bytes : null;
}
