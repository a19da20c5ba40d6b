// Tests of the job feed on a real SQLite file: every logged transition once, in order; which job holds a phone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.ts';
import { cancelJob } from './jobActions.ts';
import { JobFeed } from './jobFeed.ts';
import { JobStore, type NewJob } from './jobStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pw-feed-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'box.db'));
  db.prepare("INSERT INTO posts VALUES ('p', 't', 'x', '[]', 0, 0)").run();
  db.prepare("INSERT INTO schedules (id, post_id, flow_id, spec, created_at) VALUES ('s', 'p', 'f', '{}', 0)").run();
  const jobs = new JobStore(db);
  const job = (id: string, deviceId: string): NewJob => ({
    id, scheduleId: 's', occurrence: id, deviceId, postId: 'p', flowId: 'f', nominalAt: 100, plannedAt: 100, graceMs: 1000, planNote: null, maxAttempts: 3,
  });
  return { db, jobs, job };
}

describe('JobFeed', () => {
  it('reports only transitions logged after it was made, each once, oldest first, with the job as it is now', () => {
    const { db, jobs, job } = setup();
    jobs.insertPlanned([job('old', 'phone-1')], 10);
    const feed = new JobFeed(db, jobs);
    expect(feed.poll()).toEqual([]);
    jobs.insertPlanned([job('a', 'phone-1'), job('b', 'phone-2')], 20);
    const claim = jobs.claim('a', 'scheduled', 'runner', 30, 1000);
    expect(claim.ok).toBe(true);
    const fence = claim.ok ? claim.job.fence : 0;
    jobs.transition('a', { from: 'claimed', to: 'preparing', now: 40, fence });
    const changes = feed.poll();
    expect(changes.map((c) => `${c.job.id}:${c.entry.from ?? '-'}>${c.entry.to}@${c.entry.at}`)).toEqual(['a:->scheduled@20', 'b:->scheduled@20', 'a:scheduled>claimed@30', 'a:claimed>preparing@40']);
    expect(changes.every((c) => c.job.id !== 'a' || c.job.state === 'preparing')).toBe(true);
    expect(feed.poll()).toEqual([]);
    expect(cancelJob(jobs, 'b', 50, 'operator').ok).toBe(true);
    expect(feed.poll().map((c) => c.entry.to)).toEqual(['cancelled']);
  });

  it('names the job holding a phone and since when, until it lets go', () => {
    const { db, jobs, job } = setup();
    const feed = new JobFeed(db, jobs);
    jobs.insertPlanned([job('a', 'phone-1'), job('b', 'phone-2')], 20);
    expect(feed.holderOf('phone-1')).toBeNull();
    const claim = jobs.claim('a', 'scheduled', 'runner', 30, 1000);
    const fence = claim.ok ? claim.job.fence : 0;
    jobs.transition('a', { from: 'claimed', to: 'preparing', now: 40, fence });
    expect(feed.holderOf('phone-1')).toEqual({ jobId: 'a', since: 30 });
    expect(feed.holderOf('phone-2')).toBeNull();
    expect([...feed.busyDevices()]).toEqual(['phone-1']);
    jobs.transition('a', { from: 'preparing', to: 'failed', now: 50, fence, reason: 'no app' });
    expect(feed.holderOf('phone-1')).toBeNull();
    expect(feed.busyDevices().size).toBe(0);
  });
});
