// Crash recovery of the real box: kill -9 of the box process at seeded moments while it posts on simulated phones in
// another process; no job lost, none published twice.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testPicture } from '../testing/postingKit.ts';
import {
  inspectPhone, jobLog, listAllJobs, mulberry32, startBoxProcess, startSimFarm, totalPublishTaps, until,
  type BoxProcess, type Child, type FarmPhone, type LogEntry, type PhoneState, type WireJob,
} from './killedBoxKit.ts';

// Another seed replays other kill moments: PHONEWALL_CRASH_SEED=7 npx vitest run tests/crashRecovery/killedBox.test.ts
const SEED = /^\d+$/.test(process.env['PHONEWALL_CRASH_SEED'] ?? '') ? Number(process.env['PHONEWALL_CRASH_SEED']) : 20261122;
const PHONES = 10;
const POSTS_PER_PHONE = 10;
const KILLS = 5;
const POST_TEXT = '新品上市，欢迎咨询！🎉';
const FINAL_STATES = ['done', 'failed', 'missed', 'cancelled'];
const RUNNING_STATES = ['claimed', 'preparing', 'committing', 'verifying', 'needs_check'];

interface Kill {
  run: number;
  afterMs: number;
  tapsBefore: number;
  tapsAtKill: number;
  /** When the next box was started: every log entry before it was written by the killed box. */
  restartAt: number;
}

let root: string;
let farm: { child: Child; phones: FarmPhone[] } | null = null;
let box: BoxProcess | null = null;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pw-killed-box-'));
  farm = await startSimFarm(PHONES);
}, 90_000);

afterAll(async () => {
  box?.control.close();
  await box?.child.kill9();
  await farm?.child.stop();
  rmSync(root, { recursive: true, force: true });
}, 60_000);

async function restartBox(dataDir: string, jarPath: string): Promise<BoxProcess> {
  box = await startBoxProcess({ dataDir, jarPath, phones: farm!.phones });
  return box;
}

async function prepareJobs(current: BoxProcess): Promise<{ hashes: string[]; jobsCreated: number }> {
  const hashes: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await fetch(`${current.url}/api/media`, {
      method: 'POST', headers: { authorization: `Bearer ${current.token}` }, body: new Uint8Array(testPicture(i)),
    });
    expect(response.status).toBe(200);
    hashes.push(((await response.json()) as { sha256: string }).sha256);
  }
  const created = await current.control.request({ type: 'createPost', post: { title: 'crash recovery', text: POST_TEXT, images: hashes } });
  expect(created).toMatchObject({ ok: true });
  const postId = (created.result as { post: { id: string } }).post.id;
  // One-off schedules for a minute that began 30–90 s ago, each spread over one minute: most jobs are due at once,
  // the rest during the first runs.
  const now = DateTime.utc().minus({ seconds: 30 });
  let jobsCreated = 0;
  for (let k = 0; k < POSTS_PER_PHONE; k++) {
    const response = await current.control.request({
      type: 'createSchedule',
      schedule: {
        postId, devices: farm!.phones.map((p) => p.serial), time: { kind: 'once', date: now.toISODate(), time: now.toFormat('HH:mm') },
        staggerSeconds: 60, seed: `crash-${SEED}-${k}`, graceMinutes: 30, maxAttempts: 10,
      },
    });
    expect(response, JSON.stringify(response)).toMatchObject({ ok: true });
    jobsCreated += (response.result as { jobsCreated: number }).jobsCreated;
  }
  return { hashes, jobsCreated };
}

/** The job's state when the box was killed: the last transition the killed box wrote. */
function stateBefore(log: LogEntry[], at: number): string | null {
  return log.filter((entry) => entry.at < at).at(-1)?.to ?? null;
}

function firstAfter(log: LogEntry[], at: number): LogEntry | null {
  return log.find((entry) => entry.at >= at) ?? null;
}

/** The table printed at the end (and before any assertion, so a failing run still shows what happened). */
function summary(kills: Kill[], jobs: WireJob[], logs: Map<string, LogEntry[]>, phones: PhoneState[], seconds: number): string {
  const taps = phones.reduce((sum, s) => sum + Object.values(s.publishTaps).reduce((a, b) => a + b, 0), 0);
  const posts = phones.reduce((sum, s) => sum + s.posts.length, 0);
  const rows = kills.map((kill) => {
    const atKill = jobs.map((job) => stateBefore(logs.get(job.id)!, kill.restartAt)).filter((s): s is string => s !== null && RUNNING_STATES.includes(s));
    const pad = (n: number) => String(n).padStart(3);
    return `  kill ${kill.run}  after ${(kill.afterMs / 1000).toFixed(1).padStart(5)} s  taps ${pad(kill.tapsBefore)} → ${pad(kill.tapsAtKill)}  states at kill ${JSON.stringify(countBy(atKill, (s) => s))}`;
  });
  const checked = jobs.filter((job) => logs.get(job.id)!.some((entry) => entry.to === 'needs_check'));
  const checks = jobs.reduce((sum, job) => sum + logs.get(job.id)!.filter((entry) => entry.to === 'needs_check').length, 0);
  const failed = jobs.filter((job) => job.state === 'failed').map((job) => {
    const at = kills.map((kill) => `${stateBefore(logs.get(job.id)!, kill.restartAt)}@kill${kill.run}`).filter((s) => /^(committing|verifying)@/.test(s));
    return `${job.id.slice(0, 8)} (${at.join(', ') || 'no kill in committing/verifying'})`;
  });
  return [
    `killed box, seed ${SEED}: ${kills.length} kills, ${jobs.length} jobs on ${phones.length} phones, ${seconds.toFixed(0)} s`,
    ...rows,
    `  final ${JSON.stringify(countBy(jobs, (job) => job.state))}; publish taps ${taps}, posts on phones ${posts}`,
    `  needs_check ${checks} (jobs ${checked.length}) → ${JSON.stringify(countBy(checked, (job) => job.state))}`,
    ...(failed.length > 0 ? [`  failed (not on the phone after an interrupted publish): ${failed.join('; ')}`] : []),
  ].join('\n');
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe(`crash recovery of the real box process (mulberry32 seed ${SEED})`, () => {
  test(`${PHONES * POSTS_PER_PHONE} jobs on ${PHONES} simulated phones, ${KILLS} kill -9 and restarts: 0 lost, 0 duplicated`, async () => {
    const started = Date.now();
    const dataDir = join(root, 'data');
    const jarPath = join(root, 'scrcpy-server.jar');
    // Simulated phones accept any pushed file as the server; the box still pushes it the way it would a real jar.
    writeFileSync(jarPath, 'stand-in scrcpy-server for simulated phones\n');
    const phones = farm!.phones;
    const random = mulberry32(SEED);

    let current = await restartBox(dataDir, jarPath);
    const { hashes, jobsCreated } = await prepareJobs(current);
    expect(jobsCreated).toBe(PHONES * POSTS_PER_PHONE);

    const kills: Kill[] = [];
    for (let run = 1; run <= KILLS; run++) {
      const runStart = Date.now();
      const tapsBefore = await totalPublishTaps(phones);
      // A seeded moment: after a seeded time, or sooner once a seeded number of posts went out, so work is left
      // for every later run however fast the machine is.
      const afterMs = 1_500 + Math.floor(random() * 9_000);
      const tapCap = tapsBefore + 2 + Math.floor(random() * 10);
      let tapsAtKill = tapsBefore;
      await until(async () => {
        tapsAtKill = await totalPublishTaps(phones);
        return Date.now() - runStart >= afterMs || tapsAtKill >= tapCap;
      }, `run ${run} reaching its kill moment`, 120_000, 100);
      current.control.close();
      await current.child.kill9();
      expect(current.child.process.signalCode).toBe('SIGKILL');
      const restartAt = Date.now();
      kills.push({ run, afterMs: Date.now() - runStart, tapsBefore, tapsAtKill, restartAt });
      current = await restartBox(dataDir, jarPath);
    }

    let last: WireJob[] = [];
    const jobs = await until(async () => {
      last = await listAllJobs(current.control);
      return last.every((job) => FINAL_STATES.includes(job.state)) ? last : null;
    }, 'every job finished after the last restart', 200_000, 1_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; jobs ${JSON.stringify(countBy(last, (job) => job.state))}`);
    });

    const logs = new Map<string, LogEntry[]>();
    for (const job of jobs) logs.set(job.id, await jobLog(current.control, job.id));
    const states = new Map<string, PhoneState>();
    for (const phone of phones) states.set(phone.serial, await inspectPhone(phone));
    console.log(summary(kills, jobs, logs, [...states.values()], (Date.now() - started) / 1000));

    // 0 lost: every planned job is there and ended.
    expect(jobs).toHaveLength(PHONES * POSTS_PER_PHONE);
    expect(new Set(jobs.map((job) => job.deviceId))).toEqual(new Set(phones.map((p) => p.serial)));

    // The phones are the truth: ≤ 1 publish tap and ≤ 1 post per job, only on its own phone, done ⇔ posted.
    const jobsById = new Map<string, WireJob>(jobs.map((job) => [job.id, job]));
    for (const [serial, state] of states) {
      for (const [jobId, taps] of Object.entries(state.publishTaps)) {
        expect(jobsById.get(jobId)?.deviceId, `publish tap for ${jobId || '(no marker)'} on ${serial}`).toBe(serial);
        expect(taps, `publish taps of ${jobId} on ${serial}`).toBeLessThanOrEqual(1);
      }
      for (const post of state.posts) expect(jobsById.get(post.jobId ?? '')?.deviceId, `post ${post.text} on ${serial}`).toBe(serial);
    }
    for (const job of jobs) {
      const posts = states.get(job.deviceId)!.posts.filter((post) => post.jobId === job.id);
      expect(posts.length, `posts of ${job.id}`).toBeLessThanOrEqual(1);
      expect(job.state === 'done', `job ${job.id} is ${job.state}, phone has ${posts.length} post(s)`).toBe(posts.length === 1);
      for (const post of posts) {
        expect(post.text).toBe(`${POST_TEXT}\n#job:${job.id}`);
        expect(post.imageSha256).toEqual(hashes);
      }
    }

    // needs_check only where a kill found the job committing/verifying; every such job was then checked, never re-run.
    let explainedChecks = 0;
    for (const kill of kills) {
      const atKill = jobs.map((job) => ({ job, state: stateBefore(logs.get(job.id)!, kill.restartAt), next: firstAfter(logs.get(job.id)!, kill.restartAt) }));
      for (const { job, state, next } of atKill) {
        if (state === 'committing' || state === 'verifying') {
          expect(next, `job ${job.id} after kill ${kill.run}`).toMatchObject({ from: state, to: 'needs_check' });
          explainedChecks++;
        } else if (state === 'claimed' || state === 'preparing') {
          const before = logs.get(job.id)!.filter((entry) => entry.at < kill.restartAt).at(-1)!;
          expect(next, `job ${job.id} after kill ${kill.run}`).toMatchObject({ from: state, to: expect.stringMatching(/^(scheduled|failed)$/) });
          if (next?.to === 'scheduled') expect(next.attempt).toBe(before.attempt + 1);
        }
      }
    }
    // The kills did cut publishes (so the needs_check path ran), not only idle moments.
    expect(explainedChecks).toBeGreaterThan(0);
    const checks = jobs.flatMap((job) => logs.get(job.id)!.filter((entry) => entry.to === 'needs_check').map(() => job));
    expect(checks.length, 'needs_check transitions not caused by a kill in committing/verifying').toBe(explainedChecks);
    const checked = [...new Set(checks)];
    for (const job of checked) {
      expect(['done', 'failed']).toContain(jobsById.get(job.id)!.state);
      // Settled by looking at the phone: after the first needs_check the job only went back and forth to verifying.
      const log = logs.get(job.id)!;
      const afterCheck = log.slice(log.findIndex((entry) => entry.to === 'needs_check'));
      expect(afterCheck.every((entry) => ['needs_check', 'verifying', 'done', 'failed'].includes(entry.to)), JSON.stringify(afterCheck)).toBe(true);
      expect(afterCheck.at(-1)?.from).toBe('verifying');
    }

    // Runs cut before committing are retried, so only an interrupted publish may end failed; every tap is a done job.
    for (const job of jobs.filter((j) => j.state === 'failed')) expect(checked, `failed job ${job.id}`).toContain(job);
    const taps = [...states.values()].reduce((sum, s) => sum + Object.values(s.publishTaps).reduce((a, b) => a + b, 0), 0);
    expect(jobs.filter((job) => job.state === 'done')).toHaveLength(taps);
  }, 330_000);
});
