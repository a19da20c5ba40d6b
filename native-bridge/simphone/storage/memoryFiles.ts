// The phone's storage in memory: a folder tree with files, POSIX-like modes and mtimes (PhoneFiles).
import type { PhoneFileStat, PhoneFiles } from '../types.ts';

export const FileMode = {
  TypeMask: 0o170000,
  File: 0o100000,
  Directory: 0o040000,
} as const;

type Node =
  | { kind: 'dir'; mode: number; mtime: number; children: Map<string, Node> }
  | { kind: 'file'; mode: number; mtime: number; bytes: Uint8Array };

/** Folders every simulated phone has from the start. */
export const DEFAULT_FOLDERS = [
  '/sdcard/DCIM/Camera',
  '/sdcard/Pictures',
  '/sdcard/Download',
  '/sdcard/Movies',
  '/data/local/tmp',
  '/system/bin',
] as const;

/** Android's other names for the shared storage all lead to /sdcard. */
const STORAGE_ALIASES = ['/storage/emulated/0', '/storage/self/primary', '/mnt/sdcard'];

/** Splits a path into its parts after resolving `.`, `..`, repeated slashes and storage aliases; null if relative. */
export function splitPath(path: string): string[] | null {
  if (!path.startsWith('/')) return null;
  let normalized = path;
  for (const alias of STORAGE_ALIASES) {
    if (normalized === alias || normalized.startsWith(`${alias}/`)) normalized = `/sdcard${normalized.slice(alias.length)}`;
  }
  const parts: string[] = [];
  for (const part of normalized.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts;
}

export class MemoryFiles implements PhoneFiles {
  readonly #root: Node & { kind: 'dir' };
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
    this.#root = { kind: 'dir', mode: FileMode.Directory | 0o755, mtime: this.#seconds(), children: new Map() };
    for (const folder of DEFAULT_FOLDERS) this.mkdir(folder, true);
  }

  stat(path: string): PhoneFileStat | null {
    const node = this.#find(path);
    if (!node) return null;
    return { mode: node.mode, size: node.kind === 'file' ? node.bytes.length : 4096, mtime: node.mtime };
  }

  list(dir: string): { name: string; stat: PhoneFileStat }[] | null {
    const node = this.#find(dir);
    if (!node || node.kind !== 'dir') return null;
    return [...node.children.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, child]) => ({
        name,
        stat: { mode: child.mode, size: child.kind === 'file' ? child.bytes.length : 4096, mtime: child.mtime },
      }));
  }

  read(path: string): Uint8Array | null {
    const node = this.#find(path);
    return node?.kind === 'file' ? node.bytes : null;
  }

  write(path: string, bytes: Uint8Array, mode = FileMode.File | 0o660, mtime?: number): void {
    const parts = splitPath(path);
    const name = parts?.pop();
    if (!parts || !name) throw new Error(`invalid file path '${path}'`);
    const parent = this.#ensureDir(parts);
    if (!parent) throw new Error(`'${path}': Not a directory`);
    const existing = parent.children.get(name);
    if (existing?.kind === 'dir') throw new Error(`'${path}': Is a directory`);
    const permission = mode & 0o7777 || 0o660;
    parent.children.set(name, {
      kind: 'file',
      mode: FileMode.File | permission,
      mtime: mtime ?? this.#seconds(),
      bytes: bytes.slice(),
    });
    parent.mtime = this.#seconds();
  }

  remove(path: string, recursive = false): boolean {
    const parts = splitPath(path);
    const name = parts?.pop();
    if (!parts || !name) return false;
    const parent = this.#walk(parts);
    if (!parent || parent.kind !== 'dir') return false;
    const node = parent.children.get(name);
    if (!node) return false;
    if (node.kind === 'dir' && node.children.size > 0 && !recursive) return false;
    parent.children.delete(name);
    parent.mtime = this.#seconds();
    return true;
  }

  mkdir(path: string, parents = false): boolean {
    const parts = splitPath(path);
    if (!parts || parts.length === 0) return false;
    if (parents) return this.#ensureDir(parts) !== null;
    const name = parts.pop()!;
    const parent = this.#walk(parts);
    if (!parent || parent.kind !== 'dir' || parent.children.has(name)) return false;
    parent.children.set(name, { kind: 'dir', mode: FileMode.Directory | 0o771, mtime: this.#seconds(), children: new Map() });
    return true;
  }

  #seconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  #find(path: string): Node | null {
    const parts = splitPath(path);
    return parts ? this.#walk(parts) : null;
  }

  #walk(parts: string[]): Node | null {
    let node: Node = this.#root;
    for (const part of parts) {
      if (node.kind !== 'dir') return null;
      const next = node.children.get(part);
      if (!next) return null;
      node = next;
    }
    return node;
  }

  #ensureDir(parts: string[]): (Node & { kind: 'dir' }) | null {
    let node: Node & { kind: 'dir' } = this.#root;
    for (const part of parts) {
      let next = node.children.get(part);
      if (!next) {
        next = { kind: 'dir', mode: FileMode.Directory | 0o771, mtime: this.#seconds(), children: new Map() };
        node.children.set(part, next);
      }
      if (next.kind !== 'dir') return null;
      node = next;
    }
    return node;
  }
}
