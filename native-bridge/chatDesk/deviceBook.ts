// The device book: a name, note and tags per phone, and saved groups of phones, shared by every console of a box.
import { say } from '../base/boxText.ts';
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { DeviceIdSchema } from '../protocol/clientMessages.ts';
import { BoxError } from '../base/boxError.ts';
import { EventSource } from '../base/events.ts';
import { fieldProblems } from '../base/fieldProblems.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { RecordIdSchema } from '../protocol/ids.ts';
import { cleanText } from './chatText.ts';

export const DeviceBookLimits = { name: 64, note: 500, tag: 32, tags: 20, groupMembers: 1000, batch: 1000 } as const;

export interface DeviceBookEntry {
  deviceId: string;
  name: string;
  note: string;
  tags: string[];
  updatedAt: number;
}

export interface DeviceGroup {
  id: string;
  name: string;
  deviceIds: string[];
  updatedAt: number;
}

export interface DeviceBookSnapshot {
  entries: DeviceBookEntry[];
  groups: DeviceGroup[];
}

const tagSchema = cleanText('tag', { max: DeviceBookLimits.tag, required: true });

const entryPatchSchema = z.strictObject({
  deviceId: DeviceIdSchema,
  name: cleanText('name', { max: DeviceBookLimits.name }).optional(),
  note: cleanText('note', { max: DeviceBookLimits.note, multiline: true }).optional(),
  tags: z
    .array(tagSchema)
    .max(DeviceBookLimits.tags, `at most ${DeviceBookLimits.tags} tags`)
    .transform((tags) => [...new Set(tags)])
    .optional(),
});

const groupInputSchema = z.strictObject({
  /** Absent: a new group. Present: that group is renamed / its members replaced (it must exist). */
  id: RecordIdSchema.optional(),
  name: cleanText('group name', { max: DeviceBookLimits.name, required: true }),
  deviceIds: z.array(DeviceIdSchema).max(DeviceBookLimits.groupMembers).transform((ids) => [...new Set(ids)]),
});

/** Everything one request changes; applied in one transaction, or not at all. */
const changeSchema = z.strictObject({
  entries: z.array(entryPatchSchema).max(DeviceBookLimits.batch).default([]),
  groups: z.array(groupInputSchema).max(DeviceBookLimits.batch).default([]),
  deleteGroups: z.array(RecordIdSchema).max(DeviceBookLimits.batch).default([]),
});

const selectionSchema = z.strictObject({
  groupIds: z.array(RecordIdSchema).max(DeviceBookLimits.batch).default([]),
  tags: z.array(tagSchema).max(DeviceBookLimits.batch).default([]),
});

export type DeviceBookEntryPatch = z.input<typeof entryPatchSchema>;
export type DeviceGroupInput = z.input<typeof groupInputSchema>;
export type DeviceBookChange = z.input<typeof changeSchema>;

interface EntryRow {
  device_id: string;
  name: string;
  note: string;
  tags: string;
  updated_at: number;
}

const storedTags = z.array(z.string());

export function entryFromRow(row: EntryRow): DeviceBookEntry {
  const tags = storedTags.safeParse(JSON.parse(row.tags));
  return { deviceId: row.device_id, name: row.name, note: row.note, tags: tags.success ? tags.data : [], updatedAt: row.updated_at };
}

export interface DeviceBookDeps {
  db: BetterSqlite3.Database;
  now: () => number;
  newId?: () => string;
}

export class DeviceBook {
  readonly #db: BetterSqlite3.Database;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #changes = new EventSource<[book: DeviceBookSnapshot]>();

  constructor(deps: DeviceBookDeps) {
    this.#db = deps.db;
    this.#now = deps.now;
    this.#newId = deps.newId ?? randomUUID;
  }

  list(): DeviceBookSnapshot {
    const entries = (this.#db.prepare('SELECT * FROM device_book ORDER BY device_id').all() as EntryRow[]).map(entryFromRow);
    const groupRows = this.#db.prepare('SELECT id, name, updated_at FROM device_groups ORDER BY name, id').all() as { id: string; name: string; updated_at: number }[];
    const members = this.#db.prepare('SELECT device_id FROM group_members WHERE group_id = ? ORDER BY device_id').pluck();
    const groups = groupRows.map((row) => ({ id: row.id, name: row.name, deviceIds: members.all(row.id) as string[], updatedAt: row.updated_at }));
    return { entries, groups };
  }

  entry(deviceId: string): DeviceBookEntry | null {
    const row = this.#db.prepare('SELECT * FROM device_book WHERE device_id = ?').get(deviceId) as EntryRow | undefined;
    return row ? entryFromRow(row) : null;
  }

  /**
   * The phones a selection names: members of the given groups plus phones carrying any of the tags, sorted.
   * An unknown group id is a `not_found` error, so a stale selection is never silently narrowed.
   */
  select(selection: unknown): string[] {
    const parsed = selectionSchema.safeParse(selection);
    if (!parsed.success) throw BoxError.invalid(fieldProblems(parsed.error));
    const ids = new Set<string>();
    const { groups, entries } = this.list();
    for (const groupId of parsed.data.groupIds) {
      const group = groups.find((g) => g.id === groupId);
      if (!group) throw groupNotFound(groupId);
      for (const id of group.deviceIds) ids.add(id);
    }
    const tags = new Set(parsed.data.tags);
    for (const entry of entries) if (entry.tags.some((tag) => tags.has(tag))) ids.add(entry.deviceId);
    return [...ids].sort();
  }

  /** Called with the whole book after every successful change (the server broadcasts it). */
  onChange(listener: (book: DeviceBookSnapshot) => void): () => void {
    return this.#changes.on(listener);
  }

  setEntry(patch: unknown): DeviceBookSnapshot {
    return this.apply({ entries: [patch] });
  }

  saveGroup(group: unknown): DeviceBookSnapshot {
    return this.apply({ groups: [group] });
  }

  deleteGroup(id: unknown): DeviceBookSnapshot {
    return this.apply({ deleteGroups: [id] });
  }

  /** Validates everything first, then writes it in one transaction: a bad item anywhere changes nothing. */
  apply(input: unknown): DeviceBookSnapshot {
    const parsed = changeSchema.safeParse(input);
    if (!parsed.success) throw BoxError.invalid(fieldProblems(parsed.error));
    const change = parsed.data;
    const names = new Map<string, number>();
    for (const [i, group] of change.groups.entries()) {
      const key = group.name.toLowerCase();
      if (names.has(key)) throw BoxError.invalid([{ field: `groups[${i}].name`, message: `the name "${group.name}" is given to two groups` }]);
      names.set(key, i);
    }
    const now = this.#now();
    const write = this.#db.transaction(() => {
      for (const id of change.deleteGroups) {
        if (this.#db.prepare('DELETE FROM device_groups WHERE id = ?').run(id).changes === 0) throw groupNotFound(id);
      }
      for (const patch of change.entries) this.#writeEntry(patch, now);
      for (const [i, group] of change.groups.entries()) this.#writeGroup(group, i, now);
    });
    write();
    const book = this.list();
    this.#changes.emit(book);
    return book;
  }

  #ensureDevice(deviceId: string, now: number): void {
    this.#db.prepare('INSERT INTO devices (id, label, added_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING').run(deviceId, deviceId, now);
  }

  #writeEntry(patch: z.output<typeof entryPatchSchema>, now: number): void {
    this.#ensureDevice(patch.deviceId, now);
    const current = this.entry(patch.deviceId);
    this.#db
      .prepare(
        `INSERT INTO device_book (device_id, name, note, tags, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(device_id) DO UPDATE SET name = excluded.name, note = excluded.note, tags = excluded.tags, updated_at = excluded.updated_at`,
      )
      .run(patch.deviceId, patch.name ?? current?.name ?? '', patch.note ?? current?.note ?? '', JSON.stringify(patch.tags ?? current?.tags ?? []), now);
  }

  #writeGroup(group: z.output<typeof groupInputSchema>, index: number, now: number): void {
    const clash = this.#db.prepare('SELECT id FROM device_groups WHERE name = ? COLLATE NOCASE AND id IS NOT ?').pluck().get(group.name, group.id ?? null) as string | undefined;
    if (clash !== undefined) throw BoxError.invalid([{ field: `groups[${index}].name`, message: `a group named "${group.name}" already exists` }]);
    let id = group.id;
    if (id === undefined) {
      id = this.#newId();
      this.#db.prepare('INSERT INTO device_groups (id, name, updated_at) VALUES (?, ?, ?)').run(id, group.name, now);
    } else if (this.#db.prepare('UPDATE device_groups SET name = ?, updated_at = ? WHERE id = ?').run(group.name, now, id).changes === 0) {
      throw groupNotFound(id);
    }
    this.#db.prepare('DELETE FROM group_members WHERE group_id = ?').run(id);
    const add = this.#db.prepare('INSERT INTO group_members (group_id, device_id) VALUES (?, ?)');
    for (const deviceId of group.deviceIds) {
      this.#ensureDevice(deviceId, now);
      add.run(id, deviceId);
    }
  }
}

function groupNotFound(id: string): BoxError {
  return new BoxError(ErrorCode.NotFound, say('chatDesk.groupNotFound', { groupId: id }));
}
