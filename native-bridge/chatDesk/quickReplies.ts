// The quick-reply library (话术库) shared by everyone on a box: CRUD, ordering within categories, search, bulk import.
import { say } from '../base/boxText.ts';
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { BoxError } from '../base/boxError.ts';
import { EventSource } from '../base/events.ts';
import { fieldProblems, type FieldProblem } from '../base/fieldProblems.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { RecordIdSchema } from '../protocol/ids.ts';
import { cleanText } from './chatText.ts';

export const QuickReplyLimits = { category: 32, title: 64, text: 1000, shortcut: 32, reorder: 10_000, searchResults: 200 } as const;

export interface QuickReply {
  id: string;
  category: string;
  title: string | null;
  text: string;
  /** Order within the category, from 0. */
  position: number;
  /** Typed in the console's palette, e.g. `/hi`; unique on the box, case-insensitively. */
  shortcut: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The fields a person writes; what import and export carry. */
export interface QuickReplyContent {
  category: string;
  title: string | null;
  text: string;
  shortcut: string | null;
}

const emptyToNull = (value: string | null | undefined): string | null => (value === undefined || value === null || value === '' ? null : value);

const shortcutSchema = cleanText('shortcut', { max: QuickReplyLimits.shortcut }).refine(
  (value) => value === '' || /^\/[\p{L}\p{N}_-]+$/u.test(value),
  'a shortcut starts with / followed by letters, digits, - or _ (e.g. /hi)',
);

export const quickReplyInputSchema = z.strictObject({
  category: cleanText('category', { max: QuickReplyLimits.category, required: true }),
  title: cleanText('title', { max: QuickReplyLimits.title }).nullish().transform(emptyToNull),
  text: cleanText('text', { max: QuickReplyLimits.text, multiline: true, required: true }),
  shortcut: shortcutSchema.nullish().transform(emptyToNull),
});

const quickReplyPatchSchema = quickReplyInputSchema.partial();
const reorderSchema = z.array(RecordIdSchema).min(1).max(QuickReplyLimits.reorder).refine((ids) => new Set(ids).size === ids.length, 'an id is listed twice');

export interface ImportRow {
  /** The row number the user sees: CSV line of the record's start, or JSON array index + 1. */
  row: number;
  data: unknown;
  /** Set when the file reader already found the row unusable (e.g. a CSV record with the wrong field count). */
  problem?: FieldProblem;
}

export interface ImportReport {
  imported: number;
  rejected: { row: number; field: string; message: string }[];
}

interface ReplyRow {
  id: string;
  category: string;
  title: string | null;
  text: string;
  position: number;
  shortcut: string | null;
  created_at: number;
  updated_at: number;
}

export function replyFromRow(row: ReplyRow): QuickReply {
  return { id: row.id, category: row.category, title: row.title, text: row.text, position: row.position, shortcut: row.shortcut, createdAt: row.created_at, updatedAt: row.updated_at };
}

export interface QuickRepliesDeps {
  db: BetterSqlite3.Database;
  now: () => number;
  newId?: () => string;
}

export class QuickReplies {
  readonly #db: BetterSqlite3.Database;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #changes = new EventSource<[]>();

  constructor(deps: QuickRepliesDeps) {
    this.#db = deps.db;
    this.#now = deps.now;
    this.#newId = deps.newId ?? randomUUID;
  }

  /** Every reply, or one category's, in display order. */
  list(category?: string): QuickReply[] {
    const rows = category === undefined
      ? this.#db.prepare('SELECT * FROM quick_replies ORDER BY category, position, id').all()
      : this.#db.prepare('SELECT * FROM quick_replies WHERE category = ? ORDER BY position, id').all(category);
    return (rows as ReplyRow[]).map(replyFromRow);
  }

  categories(): string[] {
    return this.#db.prepare('SELECT DISTINCT category FROM quick_replies ORDER BY category').pluck().all() as string[];
  }

  get(id: string): QuickReply | null {
    const row = this.#db.prepare('SELECT * FROM quick_replies WHERE id = ?').get(id) as ReplyRow | undefined;
    return row ? replyFromRow(row) : null;
  }

  /** Called after every successful change (the server broadcasts the new library). */
  onChange(listener: () => void): () => void {
    return this.#changes.on(listener);
  }

  /**
   * Case-insensitive substring search over title, text, category and shortcut. Done in JS rather than SQL LIKE,
   * whose case folding is ASCII-only; a library is at most thousands of short texts.
   */
  search(query: string): QuickReply[] {
    const needle = query.trim().toLocaleLowerCase();
    const all = this.list();
    if (needle === '') return all.slice(0, QuickReplyLimits.searchResults);
    return all
      .filter((r) => [r.title ?? '', r.text, r.category, r.shortcut ?? ''].some((field) => field.toLocaleLowerCase().includes(needle)))
      .slice(0, QuickReplyLimits.searchResults);
  }

  /** Throws `invalid` naming the field (empty text, a taken shortcut, …). */
  create(input: unknown): QuickReply {
    const parsed = quickReplyInputSchema.safeParse(input);
    if (!parsed.success) throw BoxError.invalid(fieldProblems(parsed.error));
    const content = parsed.data;
    return this.#write(() => {
      const conflict = this.#conflict(content, null);
      if (conflict) throw BoxError.invalid([conflict]);
      return this.#insert(content, this.#now());
    });
  }

  update(id: string, patch: unknown): QuickReply {
    const parsed = quickReplyPatchSchema.safeParse(patch);
    if (!parsed.success) throw BoxError.invalid(fieldProblems(parsed.error));
    return this.#write(() => {
      const current = this.get(id);
      if (!current) throw notFound(id);
      const next: QuickReplyContent = {
        category: parsed.data.category ?? current.category,
        title: parsed.data.title !== undefined ? parsed.data.title : current.title,
        text: parsed.data.text ?? current.text,
        shortcut: parsed.data.shortcut !== undefined ? parsed.data.shortcut : current.shortcut,
      };
      const conflict = this.#conflict(next, id);
      if (conflict) throw BoxError.invalid([conflict]);
      const position = next.category === current.category ? current.position : this.#nextPosition(next.category);
      this.#db
        .prepare('UPDATE quick_replies SET category = ?, title = ?, text = ?, shortcut = ?, position = ?, updated_at = ? WHERE id = ?')
        .run(next.category, next.title, next.text, next.shortcut, position, this.#now(), id);
      return this.get(id)!;
    });
  }

  delete(id: string): void {
    this.#write(() => {
      if (this.#db.prepare('DELETE FROM quick_replies WHERE id = ?').run(id).changes === 0) throw notFound(id);
    });
  }

  /** Each listed reply takes its index among the listed replies of its category as its new position. */
  reorder(ids: unknown): void {
    const parsed = reorderSchema.safeParse(ids);
    if (!parsed.success) throw BoxError.invalid(fieldProblems(parsed.error));
    return this.#write(() => {
      const next = new Map<string, number>();
      const setPosition = this.#db.prepare('UPDATE quick_replies SET position = ?, updated_at = ? WHERE id = ?');
      const now = this.#now();
      for (const id of parsed.data) {
        const reply = this.get(id);
        if (!reply) throw notFound(id);
        const position = next.get(reply.category) ?? 0;
        next.set(reply.category, position + 1);
        setPosition.run(position, now, id);
      }
    });
  }

  /** Validates every row; imports the good ones (in order, appended to their categories) in one transaction. */
  importRows(rows: readonly ImportRow[]): ImportReport {
    const report: ImportReport = { imported: 0, rejected: [] };
    this.#write(() => {
      const now = this.#now();
      for (const { row, data, problem } of rows) {
        if (problem) {
          report.rejected.push({ row, ...problem });
          continue;
        }
        const parsed = quickReplyInputSchema.safeParse(data);
        if (!parsed.success) {
          for (const problem of fieldProblems(parsed.error)) report.rejected.push({ row, ...problem });
          continue;
        }
        const conflict = this.#conflict(parsed.data, null);
        if (conflict) {
          report.rejected.push({ row, ...conflict });
          continue;
        }
        this.#insert(parsed.data, now);
        report.imported += 1;
      }
    }, () => report.imported > 0);
    return report;
  }

  /** The library's content in display order, as import reads it back. */
  exportContent(): QuickReplyContent[] {
    return this.list().map(({ category, title, text, shortcut }) => ({ category, title, text, shortcut }));
  }

  #insert(content: QuickReplyContent, now: number): QuickReply {
    const id = this.#newId();
    this.#db
      .prepare('INSERT INTO quick_replies (id, category, title, text, position, shortcut, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, content.category, content.title, content.text, this.#nextPosition(content.category), content.shortcut, now, now);
    return this.get(id)!;
  }

  #nextPosition(category: string): number {
    return ((this.#db.prepare('SELECT max(position) FROM quick_replies WHERE category = ?').pluck().get(category) as number | null) ?? -1) + 1;
  }

  /** The same text twice in a category, or a shortcut already taken, as a field problem. */
  #conflict(content: QuickReplyContent, exceptId: string | null): FieldProblem | null {
    const duplicate = this.#db.prepare('SELECT id FROM quick_replies WHERE category = ? AND text = ? AND id IS NOT ?').pluck().get(content.category, content.text, exceptId);
    if (duplicate !== undefined) return { field: 'text', message: `duplicate: the category "${content.category}" already has this text` };
    if (content.shortcut !== null) {
      const taken = this.#db.prepare('SELECT id FROM quick_replies WHERE shortcut = ? AND id IS NOT ?').pluck().get(content.shortcut, exceptId);
      if (taken !== undefined) return { field: 'shortcut', message: `the shortcut ${content.shortcut} is already used by another reply` };
    }
    return null;
  }

  /** Runs `body` in a transaction (a throw rolls it back); listeners hear of commits that `changed` anything. */
  #write<T>(body: () => T, changed: () => boolean = () => true): T {
    const result = this.#db.transaction(body)();
    if (changed()) this.#changes.emit();
    return result;
  }
}

function notFound(id: string): BoxError {
  return new BoxError(ErrorCode.NotFound, say('chatDesk.replyNotFound', { replyId: id }));
}
