// Fault tests S2, S4, S6, S7, S8 for scheduled posting on real SQLite files with fake phones and clock.
import { afterEach, describe, expect, it } from 'vitest';
import { FailpointCrash, runnerFailpoints } from '../../native-bridge/posting/failpoints.ts';
import { PostingHarness, t0 } from '../testing/postingHarness.ts';

const harnesses: PostingHarness[] = [];
function harness(): PostingHarness {
  const h = new PostingHarness();
  harnesses.push(h);
  return h;
}
afterEach(() => {
  for (const h of harnesses.splice(0)) h.dispose();
});

const finalStates = ['done', 'failed', 'needs_check', 'missed', 'cancelled'];

describe('S2: a crash at every runner failpoint, then a restart on the same SQLite file', () => {
  for (const failpoint of runnerFailpoints) {
    it(`${failpoint}: 0 lost, ≤1 publish per job, needs_check only from committing/verifying`, async () => {
      const h = harness();
      const ids = h.seed({ phones: 3, jobsPerPhone: 2, dueAt: t0, spacingMs: 60_000 });
      let dead = false;
      h.failpoint = (name) => {
        // Once one run hits the failpoint the process is dead: every other run stops at its next failpoint too.
        if (name === failpoint) dead = true;
        if (dead) throw new FailpointCrash(name);
      };
      h.box.scheduler.tick();
      await h.box.scheduler.idle();
      expect(h.box.scheduler.takeErrors().filter((e) => e instanceof FailpointCrash).length).toBeGreaterThan(0);
      const atDeath = new Map(h.box.jobs.list().map((job) => [job.id, job.state]));
      h.failpoint = () => undefined;
      const box = h.restart();
      await h.settle();
      for (const id of ids) {
        const job = box.jobs.get(id)!;
        const log = box.jobs.log(id);
        const taps = h.totalPublishTaps(id);
        expect(finalStates).toContain(job.state);
        expect(taps).toBeLessThanOrEqual(1);
        // Verification decides: done exactly when the post is on the phone.
        expect(job.state === 'done').toBe(taps === 1);
        const before = atDeath.get(id);
        if (before === 'claimed' || before === 'preparing') {
          expect(log.some((e) => e.to === 'needs_check')).toBe(false);
          expect(job).toMatchObject({ attempt: 2, state: 'done' });
        } else if (before === 'committing' || before === 'verifying') {
          expect(log.some((e) => e.from === before && e.to === 'needs_check')).toBe(true);
          expect(job.attempt).toBe(1);
        } else {
          expect(log.some((e) => e.to === 'needs_check')).toBe(false);
          expect(job.state).toBe('done');
        }
      }
      expect([...atDeath.values()].some((state) => state !== 'scheduled')).toBe(true);
      // Only a crash between writing `committing` and the tap leaves a job unpublished (verified failed).
      const tapNeverHappened = failpoint === 'after:preparing->committing' || failpoint === 'before:commit-tap';
      expect(ids.every((id) => box.jobs.get(id)!.state === 'done')).toBe(!tapNeverHappened);
    });
  }
});

describe('S4: misfire grace window', () => {
  it('inside the window: runs late in due order, one at a time per phone', async () => {
    const h = harness();
    const ids = h.seed({ phones: 2, jobsPerPhone: 3, dueAt: t0, spacingMs: 60_000, graceMs: 30 * 60_000 });
    h.clock.set(t0 + 10 * 60_000);
    h.restart();
    await h.settle();
    expect(ids.map((id) => h.box.jobs.get(id)!.state)).toEqual(ids.map(() => 'done'));
    const phone = h.phones.get('phone-00')!;
    expect(phone.posts.map((p) => p.jobId).reverse()).toEqual(['j0x0', 'j0x1', 'j0x2']);
  });

  it('outside the window: missed with the reason, no automatic run', async () => {
    const h = harness();
    const ids = h.seed({ phones: 2, jobsPerPhone: 2, dueAt: t0, graceMs: 5 * 60_000, spacingMs: 60_000 });
    h.clock.set(t0 + 2 * 3_600_000);
    h.restart();
    await h.settle();
    for (const id of ids) {
      expect(h.box.jobs.get(id)!.state).toBe('missed');
      expect(h.box.jobs.get(id)!.reason).toMatch(/grace window/);
    }
    expect([...h.phones.values()].every((p) => p.posts.length === 0)).toBe(true);
  });
});

describe('S6: stale runner after its lease expired', () => {
  it('is fenced off before committing; the new runner publishes once', async () => {
    const h = harness();
    const [id] = h.seed({ phones: 1, jobsPerPhone: 1, dueAt: t0 });
    const phone = h.phones.get('phone-00')!;
    let release: () => void = () => undefined;
    let stalled = false;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = phone.pasteText.bind(phone);
    phone.pasteText = async (text) => {
      if (!stalled) {
        stalled = true;
        await gate; // the first runner freezes here (a GC pause, a hung USB call…)
      }
      return original(text);
    };
    const { jobs } = h.box;
    const first = jobs.claim(id!, 'scheduled', 'old-runner', h.clock.now(), h.leaseMs);
    expect(first.ok).toBe(true);
    const oldRun = h.box.runner.run(first.ok ? first.job : (undefined as never));
    while (!stalled) await new Promise((r) => setImmediate(r));
    h.clock.advance(h.leaseMs + 1);
    const report = h.box.scheduler.tick();
    expect(report.expired.retried).toEqual([id]);
    h.clock.advance(60_000);
    await h.settle();
    expect(jobs.get(id!)!.state).toBe('done');
    release();
    expect(await oldRun).toBe('fenced');
    expect(phone.publishTaps[id!]).toBe(1);
    expect(jobs.get(id!)!.state).toBe('done');
    expect(jobs.get(id!)!.fence).toBeGreaterThan(first.ok ? first.job.fence : 0);
  });
});

describe('S7: many jobs due the same minute on the same phones', () => {
  it('never runs two flows on one phone at once, and all finish', async () => {
    const h = harness();
    const ids = h.seed({ phones: 4, jobsPerPhone: 5, dueAt: t0 });
    const inFlight = new Map<string, number>();
    let maxPerPhone = 0;
    for (const phone of h.phones.values()) {
      const originalPush = phone.pushFile.bind(phone);
      phone.pushFile = async (path, bytes) => {
        inFlight.set(phone.deviceId, (inFlight.get(phone.deviceId) ?? 0) + 1);
        maxPerPhone = Math.max(maxPerPhone, inFlight.get(phone.deviceId)!);
        await new Promise((r) => setImmediate(r));
        inFlight.set(phone.deviceId, inFlight.get(phone.deviceId)! - 1);
        return originalPush(path, bytes);
      };
    }
    const active = new Set<string>();
    let overlap = 0;
    h.box.scheduler.tick();
    const running = h.box.jobs.active();
    for (const job of running) {
      if (active.has(job.deviceId)) overlap++;
      active.add(job.deviceId);
    }
    expect(running).toHaveLength(4);
    await h.settle();
    expect(overlap).toBe(0);
    expect(maxPerPhone).toBe(1);
    expect(ids.every((id) => h.box.jobs.get(id)!.state === 'done')).toBe(true);
    for (const phone of h.phones.values()) expect(phone.posts).toHaveLength(5);
  });
});

describe('pacing: a rest between flows on one phone', () => {
  it('starts the next job on a phone only after the cooldown, other phones unaffected', async () => {
    const h = harness();
    h.phoneCooldownMs = 2 * 60_000;
    h.restart();
    const ids = h.seed({ phones: 2, jobsPerPhone: 3, dueAt: t0 });
    await h.settle(400, 10_000);
    expect(ids.every((id) => h.box.jobs.get(id)!.state === 'done')).toBe(true);
    for (const deviceId of ['phone-00', 'phone-01']) {
      const starts = h.box.jobs
        .list({ deviceId })
        .map((job) => h.box.jobs.log(job.id).find((e) => e.to === 'claimed')!.at)
        .sort((a, b) => a - b);
      expect(starts).toHaveLength(3);
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(2 * 60_000);
      expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(2 * 60_000);
    }
  });
});

describe('S8: the phone disconnects', () => {
  it('before its job starts: the job waits without using attempts, runs when the phone is back within grace, else missed', async () => {
    const h = harness();
    const [back, gone] = h.seed({ phones: 2, jobsPerPhone: 1, dueAt: t0, graceMs: 10 * 60_000 });
    h.unplugged.add('phone-00').add('phone-01');
    await h.settle(5, 60_000);
    expect(h.box.jobs.get(back!)).toMatchObject({ state: 'scheduled', attempt: 1 });
    h.unplugged.delete('phone-00');
    h.clock.advance(60_000);
    await h.settle(20, 60_000);
    expect(h.box.jobs.get(back!)).toMatchObject({ state: 'done', attempt: 1 });
    expect(h.box.jobs.get(gone!)).toMatchObject({ state: 'missed' });
    expect(h.phones.get('phone-01')!.posts).toHaveLength(0);
  });

  it('during preparing: retried with attempt+1 and then done', async () => {
    const h = harness();
    const [id] = h.seed({ phones: 1, jobsPerPhone: 1, dueAt: t0 });
    const phone = h.phones.get('phone-00')!;
    let dropped = false;
    phone.onOperation = (op, p) => {
      if (op === 'mediaScan' && !dropped) {
        dropped = true;
        p.online = false;
      }
    };
    h.box.scheduler.tick();
    await h.box.scheduler.idle();
    expect(h.box.jobs.get(id!)).toMatchObject({ state: 'scheduled', attempt: 2 });
    expect(h.box.jobs.get(id!)!.step).toMatch(/prepare step 1 \(mediaScan\)/);
    phone.online = true;
    await h.settle();
    expect(h.box.jobs.get(id!)).toMatchObject({ state: 'done', attempt: 2 });
    expect(phone.publishTaps[id!]).toBe(1);
  });

  for (const published of [true, false]) {
    it(`during committing (${published ? 'tap landed' : 'tap lost'}): needs_check, then verified ${published ? 'done' : 'failed'} by the feed`, async () => {
      const h = harness();
      const [id, next] = h.seed({ phones: 1, jobsPerPhone: 2, dueAt: t0, spacingMs: 1 });
      const phone = h.phones.get('phone-00')!;
      const originalTap = phone.tap.bind(phone);
      let cut = false;
      phone.tap = async (x, y) => {
        if (!cut && h.box.jobs.get(id!)!.state === 'committing') {
          cut = true;
          if (published) await originalTap(x, y);
          phone.online = false;
          throw (await import('../../native-bridge/flows/phonePort.ts')).phoneLost('usb unplugged');
        }
        return originalTap(x, y);
      };
      h.box.scheduler.tick();
      await h.box.scheduler.idle();
      expect(h.box.jobs.get(id!)!.state).toBe('needs_check');
      // While the phone is away, checks back off instead of guessing.
      h.clock.advance(5_000);
      h.box.scheduler.tick();
      await h.box.scheduler.idle();
      expect(h.box.jobs.get(id!)!.state).toBe('needs_check');
      phone.online = true;
      await h.settle();
      expect(h.box.jobs.get(id!)!.state).toBe(published ? 'done' : 'failed');
      expect(phone.publishTaps[id!] ?? 0).toBe(published ? 1 : 0);
      expect(h.box.jobs.proofs(id!).some((p) => p.label === 'verification')).toBe(true);
      // The next job on that phone waited until the check settled the first one.
      const settledAt = h.box.jobs.log(id!).at(-1)!.at;
      const nextClaimedAt = h.box.jobs.log(next!).find((e) => e.to === 'claimed')!.at;
      expect(nextClaimedAt).toBeGreaterThanOrEqual(settledAt);
      expect(h.box.jobs.get(next!)!.state).toBe('done');
      expect(phone.posts[0]!.jobId).toBe(next);
    });
  }
});
