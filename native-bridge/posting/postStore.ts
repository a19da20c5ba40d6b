// The post library (素材库): posts (title, text, ordered images, tags) created, edited, duplicated and deleted atomically.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { BoxError } from '../base/boxError.ts';
import { fieldProblems } from '../base/fieldProblems.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { postInputSchema } from './postSchema.ts';

export interface Post {
  id: string;
  title: string;
  text: string;
  images: string[];
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

interface PostRow {
  id: string;
  title: string;
  text: string;
  tags: string;
  created_at: number;
  updated_at: number;
}

export function postFromRow(row: PostRow, images: string[]): Post {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    images,
    tags: JSON.parse(row.tags) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface PostReader {
  get(id: string): Post | null;
  list(): Post[];
}

export interface PostWriter {
  create(input: unknown, now: number): Post;
  edit(id: string, input: unknown, now: number): Post;
  duplicate(id: string, now: number): Post;
  remove(id: string): void;
}

export class PostStore implements PostReader, PostWriter {
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly newId: () => string = randomUUID,
  ) {}

  get(id: string): Post | null {
    const row = this.db.prepare('SELECT * FROM posts WHERE id = ?').get(id) as PostRow | undefined;
    return row ? postFromRow(row, this.imagesOf(id)) : null;
  }

  list(): Post[] {
    const rows = this.db.prepare('SELECT * FROM posts ORDER BY updated_at DESC, id').all() as PostRow[];
    return rows.map((row) => postFromRow(row, this.imagesOf(row.id)));
  }

  create(input: unknown, now: number): Post {
    const valid = this.validate(input);
    const id = this.newId();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO posts (id, title, text, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, valid.title, valid.text, JSON.stringify(valid.tags), now, now);
      this.writeImages(id, valid.images);
    })();
    return this.require(id);
  }

  edit(id: string, input: unknown, now: number): Post {
    const valid = this.validate(input);
    this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE posts SET title = ?, text = ?, tags = ?, updated_at = ? WHERE id = ?').run(valid.title, valid.text, JSON.stringify(valid.tags), now, id);
      if (changed.changes === 0) throw new BoxError(ErrorCode.NotFound, `Post ${id} does not exist.`);
      this.db.prepare('DELETE FROM post_images WHERE post_id = ?').run(id);
      this.writeImages(id, valid.images);
    })();
    return this.require(id);
  }

  duplicate(id: string, now: number): Post {
    const source = this.require(id);
    return this.create({ title: `${source.title} (copy)`.slice(0, 100), text: source.text, images: source.images, tags: source.tags }, now);
  }

  /** Posts already scheduled keep their history: they cannot be deleted while schedules point at them. */
  remove(id: string): void {
    this.db.transaction(() => {
      const used = this.db.prepare('SELECT COUNT(*) FROM schedules WHERE post_id = ?').pluck().get(id) as number;
      if (used > 0) throw new BoxError(ErrorCode.Conflict, `Post ${id} is used by ${used} schedule(s); cancel or delete them first.`);
      const removed = this.db.prepare('DELETE FROM posts WHERE id = ?').run(id);
      if (removed.changes === 0) throw new BoxError(ErrorCode.NotFound, `Post ${id} does not exist.`);
    })();
  }

  private validate(input: unknown) {
    const parsed = postInputSchema.safeParse(input);
    if (!parsed.success) throw BoxError.invalid(fieldProblems(parsed.error));
    const missing = parsed.data.images.filter((sha) => this.db.prepare('SELECT 1 FROM media WHERE sha256 = ?').get(sha) === undefined);
    if (missing.length > 0) {
      const problems = missing.map((sha) => ({ field: `images[${parsed.data.images.indexOf(sha)}]`, message: `image ${sha.slice(0, 12)}… was not uploaded: upload it first` }));
      throw BoxError.invalid(problems);
    }
    return parsed.data;
  }

  private writeImages(postId: string, images: readonly string[]): void {
    const insert = this.db.prepare('INSERT INTO post_images (post_id, position, sha256) VALUES (?, ?, ?)');
    images.forEach((sha, position) => insert.run(postId, position, sha));
  }

  private imagesOf(postId: string): string[] {
    return this.db.prepare('SELECT sha256 FROM post_images WHERE post_id = ? ORDER BY position').pluck().all(postId) as string[];
  }

  private require(id: string): Post {
    const material = this.get(id);
    if (!material) throw new BoxError(ErrorCode.NotFound, `Post ${id} does not exist.`);
    return material;
  }
}
