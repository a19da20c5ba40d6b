// Migration 2: a per-phone daily post cap that applies across all schedules (null = no cap of its own).
import type { Migration } from './migration.ts';

export const migration002: Migration = {
  version: 2,
  name: 'device daily cap',
  up(db) {
    db.exec('ALTER TABLE devices ADD COLUMN daily_cap INTEGER');
  },
};
