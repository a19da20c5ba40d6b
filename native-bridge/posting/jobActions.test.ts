// Tests of operator actions on jobs: retry, cancel, resolve by hand, and what they refuse.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.ts';
import { cancelJob, resolveByHand, retryJob } from './jobActions.ts';
import { JobStore } from './jobStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(state: string) {
  const dir = mkdtempSync(join(tmpdir(), 'pw-actions-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'box.db'));
  db.prepare("INSERT INTO posts VALUES ('p', 't', 'x', '[]', 0, 0)").run();
  db.prepare("INSERT INTO schedules (id, post_id, flow_id, spec, created_at) VALUES ('s', 'p', 'f', '{}', 0)").run();
  const jobs = new JobStore(db);
  jobs.insertPlanned([{ id: 'a', scheduleId: 's', occurrence: 'o', deviceId: 'd', postId: 'p', flowId: 'f', nominalAt: 1, plannedAt: 1, graceMs: 10, planNote: null, maxAttempts: 3 }], 0);
  db.prepare("UPDATE jobs SET state = ?, fence = 7 WHERE id = 'a'").run(state);
  return { db, jobs };
}

describe('operator job actions', () => {
  it('retries a failed job as a new attempt due now', () => {
    const { db, jobs } = setup('failed');
    expect(retryJob(jobs, 'a', 500, 'op1')).toMatchObject({ state: 'scheduled', attempt: 2, dueAt: 500 });
    expect(jobs.log('a').at(-1)).toMatchObject({ from: 'failed', to: 'scheduled', detail: 'retry requested by op1' });
    db.close();
  });

  it('refuses to retry a job that may have published', () => {
    const { db, jobs } = setup('needs_check');
    expect(() => retryJob(jobs, 'a', 500, 'op1')).toThrow(expect.objectContaining({ code: 'conflict', message: 'Only failed or missed jobs can be retried; job a is needs_check.' }));
    expect(() => cancelJob(jobs, 'a', 500, 'op1')).toThrow(expect.objectContaining({ code: 'conflict', message: 'A job cannot go from needs_check to cancelled.' }));
    expect(() => retryJob(jobs, 'nope', 500, 'op1')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(resolveByHand(jobs, 'a', 'done', 600, 'op1', 'post visible in the feed')).toMatchObject({ state: 'done' });
    db.close();
  });

  it('cancelling a preparing job fences off its runner', () => {
    const { db, jobs } = setup('preparing');
    expect(cancelJob(jobs, 'a', 500, 'op1')).toMatchObject({ state: 'cancelled' });
    expect(jobs.transition('a', { from: 'preparing', to: 'committing', now: 501, fence: 7 })).toMatchObject({ ok: false });
    expect(jobs.get('a')!.state).toBe('cancelled');
    db.close();
  });
});
