// Phones and groups known to the box's store: what schedules may target, and each phone's own daily cap.
import type BetterSqlite3 from 'better-sqlite3';

export interface DeviceRecord {
  id: string;
  label: string;
  dailyCap: number | null;
  addedAt: number;
}

interface DeviceRow {
  id: string;
  label: string;
  daily_cap: number | null;
  added_at: number;
}

export function deviceFromRow(row: DeviceRow): DeviceRecord {
  return { id: row.id, label: row.label, dailyCap: row.daily_cap, addedAt: row.added_at };
}

export interface GroupRecord {
  id: string;
  name: string;
  deviceIds: string[];
}

export class DeviceStore {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /** Records a phone the box has seen (keeps its cap and first-seen time). */
  upsert(id: string, label: string, now: number): void {
    this.db.prepare('INSERT INTO devices (id, label, added_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET label = excluded.label').run(id, label, now);
  }

  setDailyCap(id: string, cap: number | null): void {
    this.db.prepare('UPDATE devices SET daily_cap = ? WHERE id = ?').run(cap, id);
  }

  get(id: string): DeviceRecord | null {
    const row = this.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
    return row ? deviceFromRow(row) : null;
  }

  list(): DeviceRecord[] {
    return (this.db.prepare('SELECT * FROM devices ORDER BY id').all() as DeviceRow[]).map(deviceFromRow);
  }

  /** Creates or replaces a group with exactly these members. */
  saveGroup(id: string, name: string, deviceIds: readonly string[]): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO device_groups (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name').run(id, name);
      this.db.prepare('DELETE FROM group_members WHERE group_id = ?').run(id);
      const add = this.db.prepare('INSERT INTO group_members (group_id, device_id) VALUES (?, ?)');
      for (const deviceId of new Set(deviceIds)) add.run(id, deviceId);
    })();
  }

  getGroup(id: string): GroupRecord | null {
    const row = this.db.prepare('SELECT id, name FROM device_groups WHERE id = ?').get(id) as { id: string; name: string } | undefined;
    if (!row) return null;
    const deviceIds = this.db.prepare('SELECT device_id FROM group_members WHERE group_id = ? ORDER BY device_id').pluck().all(id) as string[];
    return { ...row, deviceIds };
  }
}
