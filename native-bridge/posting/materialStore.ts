// The material box: posts (title, text, ordered images, tags) created, edited, duplicated and deleted atomically.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { describeProblems, fieldProblems, materialInputSchema, type FieldProblem } from './materialSchema.ts';

export interface Material {
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

export function materialFromRow(row: PostRow, images: string[]): Material {
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

export type MaterialErrorCode = 'invalid' | 'not_found' | 'in_use';

export class MaterialError extends Error {
  constructor(
    readonly code: MaterialErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'MaterialError';
  }
}

export interface MaterialReader {
  get(id: string): Material | null;
  list(): Material[];
}

export interface MaterialWriter {
  create(input: unknown, now: number): Material;
  edit(id: string, input: unknown, now: number): Material;
  duplicate(id: string, now: number): Material;
  remove(id: string): void;
}

export class MaterialStore implements MaterialReader, MaterialWriter {
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly newId: () => string = randomUUID,
  ) {}

  get(id: string): Material | null {
    const row = this.db.prepare('SELECT * FROM posts WHERE id = ?').get(id) as PostRow | undefined;
    return row ? materialFromRow(row, this.imagesOf(id)) : null;
  }

  list(): Material[] {
    const rows = this.db.prepare('SELECT * FROM posts ORDER BY updated_at DESC, id').all() as PostRow[];
    return rows.map((row) => materialFromRow(row, this.imagesOf(row.id)));
  }

  create(input: unknown, now: number): Material {
    const valid = this.validate(input);
    const id = this.newId();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO posts (id, title, text, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, valid.title, valid.text, JSON.stringify(valid.tags), now, now);
      this.writeImages(id, valid.images);
    })();
    return this.require(id);
  }

  edit(id: string, input: unknown, now: number): Material {
    const valid = this.validate(input);
    this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE posts SET title = ?, text = ?, tags = ?, updated_at = ? WHERE id = ?').run(valid.title, valid.text, JSON.stringify(valid.tags), now, id);
      if (changed.changes === 0) throw new MaterialError('not_found', `Post ${id} does not exist.`);
      this.db.prepare('DELETE FROM post_images WHERE post_id = ?').run(id);
      this.writeImages(id, valid.images);
    })();
    return this.require(id);
  }

  duplicate(id: string, now: number): Material {
    const source = this.require(id);
    return this.create({ title: `${source.title} (copy)`.slice(0, 100), text: source.text, images: source.images, tags: source.tags }, now);
  }

  /** Posts already scheduled keep their history: they cannot be deleted while schedules point at them. */
  remove(id: string): void {
    this.db.transaction(() => {
      const used = this.db.prepare('SELECT COUNT(*) FROM schedules WHERE post_id = ?').pluck().get(id) as number;
      if (used > 0) throw new MaterialError('in_use', `Post ${id} is used by ${used} schedule(s); cancel or delete them first.`);
      const removed = this.db.prepare('DELETE FROM posts WHERE id = ?').run(id);
      if (removed.changes === 0) throw new MaterialError('not_found', `Post ${id} does not exist.`);
    })();
  }

  private validate(input: unknown) {
    const parsed = materialInputSchema.safeParse(input);
    if (!parsed.success) {
      const problems = fieldProblems(parsed.error);
      throw new MaterialError('invalid', describeProblems(problems), problems);
    }
    const missing = parsed.data.images.filter((sha) => this.db.prepare('SELECT 1 FROM media WHERE sha256 = ?').get(sha) === undefined);
    if (missing.length > 0) {
      const problems = missing.map((sha) => ({ field: `images[${parsed.data.images.indexOf(sha)}]`, message: `image ${sha.slice(0, 12)}… was not uploaded: upload it first` }));
      throw new MaterialError('invalid', describeProblems(problems), problems);
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

  private require(id: string): Material {
    const material = this.get(id);
    if (!material) throw new MaterialError('not_found', `Post ${id} does not exist.`);
    return material;
  }
}
