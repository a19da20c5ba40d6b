// Finds posting schedules that still target saved groups, so deleting such a group is refused instead of silently shrinking them.
import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { notYetPublishedStates } from './jobStates.ts';

// Schedules resolve their groups each time they expand into jobs, so a deleted group means fewer phones later.
const storedSchedule = z.object({
  spec: z.object({
    groups: z.array(z.string()).default([]),
    time: z.object({ kind: z.string(), endDate: z.string().optional() }),
  }),
});


export interface GroupInUse {
  groupId: string;
  scheduleId: string;
}

/**
 * The schedules, not cancelled, that name one of `groupIds` and may still plan or run jobs: a recurring one without
 * an end date or ending on or after `today` (YYYY-MM-DD), or any with jobs still waiting to run.
 */
export function schedulesUsingGroups(db: BetterSqlite3.Database, groupIds: readonly string[], today: string): GroupInUse[] {
  if (groupIds.length === 0) return [];
  const wanted = new Set(groupIds);
  const rows = db.prepare('SELECT id, spec FROM schedules WHERE cancelled_at IS NULL ORDER BY created_at, id').all() as { id: string; spec: string }[];
  const waiting = db.prepare(`SELECT 1 FROM jobs WHERE schedule_id = ? AND state IN (${notYetPublishedStates.map(() => '?').join(', ')}) LIMIT 1`);
  const found: GroupInUse[] = [];
  for (const row of rows) {
    let stored: z.infer<typeof storedSchedule>;
    try {
      const parsed = storedSchedule.safeParse(JSON.parse(row.spec));
      if (!parsed.success) continue;
      stored = parsed.data;
    } catch {
      continue;
    }
    const named = stored.spec.groups.filter((id) => wanted.has(id));
    if (named.length === 0) continue;
    const { kind, endDate } = stored.spec.time;
    const recurring = kind !== 'once' && (endDate === undefined || endDate >= today);
    if (!recurring && waiting.get(row.id, ...notYetPublishedStates) === undefined) continue;
    for (const groupId of named) found.push({ groupId, scheduleId: row.id });
  }
  return found;
}
