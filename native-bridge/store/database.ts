// Opens the box's SQLite file: durable pragmas, integrity check, and numbered migrations.
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './migrations/migration.ts';
import { migrationList } from './migrations/migrationList.ts';

export type StoreOpenErrorCode = 'corrupt' | 'newer_schema' | 'migration_failed';

export class StoreOpenError extends Error {
  constructor(
    readonly code: StoreOpenErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** The box's one database file inside its data folder. */
export const BOX_DATABASE_FILE = 'phonewall.sqlite';

export interface OpenDatabaseOptions {
  /** Defaults to every migration this build knows. */
  migrations?: readonly Migration[];
  busyTimeoutMs?: number;
  /** Told every statement run (diagnostics). */
  verbose?: (sql: string) => void;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): BetterSqlite3.Database {
  const migrations = options.migrations ?? migrationList;
  const db = new Database(file, options.verbose ? { verbose: (sql) => options.verbose?.(String(sql)) } : {});
  try {
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    checkIntegrity(db, file);
    db.pragma('journal_mode = WAL');
    // FULL: a job's `committing` row must be on disk before the irreversible tap, even across power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkIntegrity(db: BetterSqlite3.Database, file: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    throw new StoreOpenError('corrupt', `The database ${file} cannot be read (${(error as Error).message}). Restore it from a backup or move it aside to start empty.`);
  }
  const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
  if (problems.length > 0) {
    throw new StoreOpenError('corrupt', `The database ${file} failed its integrity check: ${problems.slice(0, 3).join('; ')}. Restore it from a backup or move it aside to start empty.`);
  }
}

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[], file: string): void {
  const current = schemaVersion(db);
  const known = migrations[migrations.length - 1]?.version ?? 0;
  if (current > known) {
    throw new StoreOpenError('newer_schema', `The database ${file} has schema version ${current}, newer than this PhoneWall knows (${known}). Update PhoneWall, or use a copy of the data folder made by this version.`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const apply = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply();
    } catch (error) {
      throw new StoreOpenError('migration_failed', `Migration ${migration.version} (${migration.name}) failed on ${file}: ${(error as Error).message}`);
    }
  }
}
