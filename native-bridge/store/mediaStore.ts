// Content-addressed media files (media/<sha256[0..2]>/<sha256>) in the data folder, indexed in SQLite.
import { BoxError } from '../base/boxError.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { sniffImageType, type ImageMime } from './imageType.ts';

/** WeChat accepts pictures well above this; 20 MiB keeps a 9-image push to a phone under a few seconds on USB 2. */
export const maxImageBytes = 20 * 1024 * 1024;

export interface MediaRecord {
  sha256: string;
  mime: ImageMime;
  byteSize: number;
  createdAt: number;
}

interface MediaRow {
  sha256: string;
  mime: string;
  byte_size: number;
  created_at: number;
}

export function mediaFromRow(row: MediaRow): MediaRecord {
  return { sha256: row.sha256, mime: row.mime as ImageMime, byteSize: row.byte_size, createdAt: row.created_at };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class MediaStore {
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly dataDir: string,
  ) {}

  /** The `media` folder inside the data folder. */
  get root(): string {
    return join(this.dataDir, 'media');
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new BoxError(ErrorCode.NotFound, `Media id ${sha256.slice(0, 80)} is not a sha256.`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Checks type and size, writes the file durably (temp + fsync + rename), then records it. Idempotent. */
  putImage(bytes: Uint8Array, now: number): MediaRecord {
    if (bytes.length === 0) throw new BoxError(ErrorCode.Invalid, 'The image file is empty. Choose a PNG, JPEG, WebP or GIF picture.');
    if (bytes.length > maxImageBytes) {
      throw new BoxError(ErrorCode.TooLarge, `The image is ${(bytes.length / 1048576).toFixed(1)} MiB; the limit is ${maxImageBytes / 1048576} MiB. Resize or compress it.`);
    }
    const mime = sniffImageType(bytes);
    if (mime === null) throw new BoxError(ErrorCode.UnsupportedMedia, 'The file is not a PNG, JPEG, WebP or GIF picture (checked from its content, not its name).');
    return this.putBytes(bytes, mime, now);
  }

  /** Stores bytes already known to be of `mime` (e.g. a proof screenshot the box took itself). */
  putBytes(bytes: Uint8Array, mime: ImageMime, now: number): MediaRecord {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    if (!this.fileMatches(target, bytes.length)) writeDurably(target, bytes);
    this.db
      .prepare('INSERT OR IGNORE INTO media (sha256, mime, byte_size, created_at) VALUES (?, ?, ?, ?)')
      .run(sha256, mime, bytes.length, now);
    return this.get(sha256) ?? { sha256, mime, byteSize: bytes.length, createdAt: now };
  }

  get(sha256: string): MediaRecord | null {
    const row = this.db.prepare('SELECT sha256, mime, byte_size, created_at FROM media WHERE sha256 = ?').get(sha256) as MediaRow | undefined;
    return row ? mediaFromRow(row) : null;
  }

  read(sha256: string): Uint8Array {
    try {
      return readFileSync(this.pathOf(sha256));
    } catch {
      throw new BoxError(ErrorCode.NotFound, `Media ${sha256} is missing from the data folder.`);
    }
  }

  private fileMatches(path: string, size: number): boolean {
    try {
      return statSync(path).size === size;
    } catch {
      return false;
    }
  }
}

/** Temp file + fsync + rename + fsync of the folder: the file is whole or absent after a crash. */
export function writeDurably(target: string, bytes: Uint8Array): void {
  const dir = join(target, '..');
  mkdirSync(dir, { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    // The rename itself must reach the disk before SQLite records the file.
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
