// Tests of the job store on a real SQLite file: idempotent inserts, claims, fencing, logs, leases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.ts';
import { Transactions } from '../store/transactions.ts';
import { cancelJob } from './jobActions.ts';
import { allJobStates, canTransition, type JobState } from './jobStates.ts';
import { JobStore, type NewJob } from './jobStore.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pw-jobs-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'box.db'));
  db.prepare("INSERT INTO posts VALUES ('p', 't', 'x', '[]', 0, 0)").run();
  db.prepare("INSERT INTO schedules (id, post_id, flow_id, spec, created_at) VALUES ('s', 'p', 'f', '{}', 0)").run();
  const jobs = new JobStore(db);
  const job = (id: string, deviceId: string, occurrence = id): NewJob => ({
    id, scheduleId: 's', occurrence, deviceId, postId: 'p', flowId: 'f', nominalAt: 100, plannedAt: 100, graceMs: 1000, planNote: null, maxAttempts: 3,
  });
  return { db, jobs, job };
}

describe('JobStore', () => {
  it('inserts idempotently on schedule + occurrence + device', () => {
    const { db, jobs, job } = setup();
    expect(jobs.insertPlanned([job('a', 'd1'), job('b', 'd2')], 1)).toBe(2);
    expect(jobs.insertPlanned([job('c', 'd1', 'a'), job('b', 'd2')], 2)).toBe(0);
    expect(jobs.list()).toHaveLength(2);
    expect(jobs.log('a')).toEqual([{ at: 1, from: null, to: 'scheduled', attempt: 1, fence: 0, detail: null }]);
    db.close();
  });

  it('filters by phone, planned range, and pages', () => {
    const { db, jobs, job } = setup();
    jobs.insertPlanned(Array.from({ length: 6 }, (_, i) => ({ ...job(`j${i}`, i % 2 === 0 ? 'd1' : 'd2'), plannedAt: 100 * i })), 1);
    expect(jobs.list({ deviceId: 'd1' }).map((j) => j.id)).toEqual(['j0', 'j2', 'j4']);
    expect(jobs.list({ plannedFrom: 100, plannedTo: 400 }).map((j) => j.id)).toEqual(['j1', 'j2', 'j3']);
    expect(jobs.list({ limit: 2, offset: 3 }).map((j) => j.id)).toEqual(['j3', 'j4']);
    expect(jobs.list({ offset: 4 }).map((j) => j.id)).toEqual(['j4', 'j5']);
    db.close();
  });

  it('claims with increasing fencing numbers and one active job per phone', () => {
    const { db, jobs, job } = setup();
    jobs.insertPlanned([job('a', 'd1'), job('b', 'd1'), job('c', 'd2')], 1);
    const a = jobs.claim('a', 'scheduled', 'r1', 100, 50);
    expect(a).toMatchObject({ ok: true, job: { state: 'claimed', fence: 1, leaseOwner: 'r1', leaseExpiresAt: 150 } });
    expect(jobs.claim('b', 'scheduled', 'r1', 100, 50)).toMatchObject({ ok: false, error: { code: 'phone_busy' } });
    expect(jobs.get('b')!.state).toBe('scheduled');
    expect(jobs.claim('c', 'scheduled', 'r1', 100, 50)).toMatchObject({ ok: true, job: { fence: 2 } });
    expect(jobs.claim('a', 'scheduled', 'r1', 100, 50)).toMatchObject({ ok: false, error: { code: 'wrong_state' } });
    db.close();
  });

  it('rejects a stale fence and logs every transition with attempt and fence', () => {
    const { db, jobs, job } = setup();
    jobs.insertPlanned([job('a', 'd1')], 1);
    const first = jobs.claim('a', 'scheduled', 'r1', 10, 50);
    const fence1 = first.ok ? first.job.fence : -1;
    expect(jobs.transition('a', { from: 'claimed', to: 'preparing', now: 11, fence: fence1 }).ok).toBe(true);
    expect(jobs.transition('a', { from: 'preparing', to: 'scheduled', now: 70, fence: null, attemptDelta: 1, dueAt: 80, detail: 'lease expired' }).ok).toBe(true);
    const second = jobs.claim('a', 'scheduled', 'r2', 80, 50);
    expect(second.ok && second.job.fence).toBeGreaterThan(fence1);
    expect(jobs.renewLease('a', fence1, 999, 81)).toBe(false);
    expect(jobs.transition('a', { from: 'claimed', to: 'preparing', now: 82, fence: fence1 })).toMatchObject({ ok: false, error: { code: 'stale_fence' } });
    expect(jobs.get('a')).toMatchObject({ state: 'claimed', attempt: 2, leaseOwner: 'r2' });
    db.prepare("INSERT INTO media VALUES (?, 'image/png', 1, 0)").run('f'.repeat(64));
    expect(jobs.addProof('a', fence1, 'stale shot', 'f'.repeat(64), 83)).toBe(false);
    expect(jobs.addProof('a', second.ok ? second.job.fence : -1, 'proof', 'f'.repeat(64), 84)).toBe(true);
    expect(jobs.proofs('a').map((p) => p.label)).toEqual(['proof']);
    expect(jobs.log('a').map((e) => `${e.from}>${e.to}#${e.attempt}`)).toEqual(['null>scheduled#1', 'scheduled>claimed#1', 'claimed>preparing#1', 'preparing>scheduled#2', 'scheduled>claimed#2']);
    db.close();
  });

  it('allows exactly the transitions of the table, for every pair of states', () => {
    const { db, jobs, job } = setup();
    let n = 0;
    for (const from of allJobStates) {
      for (const to of allJobStates) {
        const id = `j${n++}`;
        jobs.insertPlanned([job(id, `dev-${id}`)], 1);
        db.prepare('UPDATE jobs SET state = ? WHERE id = ?').run(from, id);
        const result = jobs.transition(id, { from, to, now: 5, fence: null });
        expect(result.ok, `${from} -> ${to}`).toBe(canTransition(from, to));
        expect(jobs.get(id)!.state).toBe(result.ok ? to : from);
        if (!result.ok) expect(result.error.code).toBe('forbidden_transition');
      }
    }
    expect(n).toBe(100);
    db.close();
  });

  it('frees the lease when leaving active states', () => {
    const { db, jobs, job } = setup();
    jobs.insertPlanned([job('a', 'd1')], 1);
    const claimed = jobs.claim('a', 'scheduled', 'r', 1, 10);
    const fence = claimed.ok ? claimed.job.fence : 0;
    const states: JobState[] = ['preparing', 'committing', 'verifying', 'done'];
    let from: JobState = 'claimed';
    for (const to of states) {
      expect(jobs.transition('a', { from, to, now: 2, fence, leaseExpiresAt: 40 }).ok).toBe(true);
      from = to;
    }
    expect(jobs.get('a')).toMatchObject({ state: 'done', leaseOwner: null, leaseExpiresAt: null });
    db.close();
  });

  it('tells every logged transition once, in order, after it commits, with the job as that transition left it', () => {
    const { db, jobs, job } = setup();
    jobs.insertPlanned([job('old', 'phone-1')], 10);
    const told: string[] = [];
    jobs.onChange(({ job: snapshot, entry }) => {
      // The snapshot agrees with its transition: a client following job.state sees every state.
      expect(snapshot.state).toBe(entry.to);
      told.push(`${snapshot.id}:${entry.from ?? '-'}>${entry.to}@${entry.at}`);
    });
    jobs.insertPlanned([job('a', 'phone-1'), job('b', 'phone-2')], 20);
    const claim = jobs.claim('a', 'scheduled', 'runner', 30, 1000);
    const fence = claim.ok ? claim.job.fence : 0;
    jobs.transition('a', { from: 'claimed', to: 'preparing', now: 40, fence });
    cancelJob(jobs, 'b', 50, 'operator');
    expect(told).toEqual(['a:->scheduled@20', 'b:->scheduled@20', 'a:scheduled>claimed@30', 'a:claimed>preparing@40', 'b:scheduled>cancelled@50']);
    expect(jobs.log('a').map((entry) => entry.to)).toEqual(['scheduled', 'claimed', 'preparing']);
    db.close();
  });

  it('says nothing of transitions an outer transaction rolls back', () => {
    const { db, jobs, job } = setup();
    jobs.insertPlanned([job('a', 'phone-1')], 10);
    const told: string[] = [];
    jobs.onChange(({ entry }) => told.push(entry.to));
    expect(() =>
      Transactions.of(db).run(() => {
        jobs.transition('a', { from: 'scheduled', to: 'cancelled', now: 20, fence: null });
        throw new Error('the schedule write failed');
      }),
    ).toThrow();
    expect(told).toEqual([]);
    expect(jobs.get('a')?.state).toBe('scheduled');
    db.close();
  });
});
