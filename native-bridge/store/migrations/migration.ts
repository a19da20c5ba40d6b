// The shape of one numbered schema migration.
import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  /** Equals the `PRAGMA user_version` the database has after this migration. */
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
