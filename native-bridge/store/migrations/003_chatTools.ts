// Migration 3: the device book (name, note, tags per phone) and the shared quick-reply library.
import type { Migration } from './migration.ts';

export const migration003: Migration = {
  version: 3,
  name: 'chat tools',
  up(db) {
    db.exec(`
      CREATE TABLE device_book (
        device_id TEXT PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
        name TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        updated_at INTEGER NOT NULL
      );
      ALTER TABLE device_groups ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE quick_replies (
        id TEXT PRIMARY KEY,
        category TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        shortcut TEXT COLLATE NOCASE UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (category, text)
      );
      CREATE INDEX quick_replies_order ON quick_replies(category, position);
    `);
  },
};
