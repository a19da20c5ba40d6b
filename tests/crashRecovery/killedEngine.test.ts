// Crash recovery of the posting engine: its process is killed with SIGKILL at seeded moments and restarted; no job
// lost or published twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { JobStore } from '../../native-bridge/posting/jobStore.ts';
import { ScheduleStore } from '../../native-bridge/posting/scheduleStore.ts';
import { DeviceStore } from '../../native-bridge/store/deviceStore.ts';
import { PostStore } from '../../native-bridge/posting/postStore.ts';
import { openDatabase } from '../../native-bridge/store/database.ts';
import { MediaStore } from '../../native-bridge/store/mediaStore.ts';

const runnerPath = fileURLToPath(new URL('./postingEngineProcess.ts', import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Small deterministic generator (mulberry32) so kill moments are seeded and reproducible. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function publishes(phoneDir: string, phones: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < phones; i++) {
    const file = join(phoneDir, `phone-${String(i).padStart(2, '0')}.jsonl`);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const jobId = (JSON.parse(line) as { jobId: string }).jobId;
      counts.set(jobId, (counts.get(jobId) ?? 0) + 1);
    }
  }
  return counts;
}

function total(counts: Map<string, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

function startBox(dataDir: string, phoneDir: string, phones: number): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', runnerPath, dataDir, phoneDir, String(phones)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(stderr);
    resolve(code);
  }));
  return { child, exited };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
  return condition();
}

describe('crash recovery: kill -9 of the posting process at seeded moments, then restart', () => {
  it('100 jobs on 10 phones, 5 kills: 0 lost, ≤1 publish per job, needs_check only from committing/verifying', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-killed-engine-'));
    dirs.push(root);
    const dataDir = join(root, 'data');
    const phoneDir = join(root, 'phones');
    mkdirSync(dataDir);
    mkdirSync(phoneDir);
    const phones = 10;
    const perPhone = 10;
    const seedDb = openDatabase(join(dataDir, 'box.db'));
    const media = new MediaStore(seedDb, dataDir);
    const canvas = createCanvas(8, 8);
    canvas.getContext('2d').fillRect(0, 0, 4, 4);
    const image = media.putImage(canvas.toBuffer('image/png'), Date.now()).sha256;
    const post = new PostStore(seedDb).create({ title: 'crash recovery', text: '新品上市，欢迎咨询！🎉', images: [image] }, Date.now());
    const devices = new DeviceStore(seedDb);
    const deviceIds = Array.from({ length: phones }, (_, p) => `phone-${String(p).padStart(2, '0')}`);
    for (const id of deviceIds) devices.upsert(id, id, Date.now());
    const schedules = new ScheduleStore({ db: seedDb, jobs: new JobStore(seedDb), devices, knownFlows: new Set(['simulated-moments']) });
    // Ten one-off schedules for the current minute: 100 jobs due now, inside the grace window.
    const local = DateTime.now().setZone('Asia/Shanghai');
    for (let k = 0; k < perPhone; k++) {
      const created = schedules.create(
        { postId: post.id, devices: deviceIds, time: { kind: 'once', date: local.toISODate(), time: local.toFormat('HH:mm') }, maxAttempts: 10 },
        'Asia/Shanghai', Date.now(), 86_400_000,
      );
      expect(created.jobsCreated).toBe(phones);
    }
    seedDb.close();

    const random = seeded(20260322);
    let killed = 0;
    for (let run = 0; run < 5; run++) {
      const before = total(publishes(phoneDir, phones));
      const target = before + 1 + Math.floor(random() * 8);
      const box = startBox(dataDir, phoneDir, phones);
      const reached = await until(() => total(publishes(phoneDir, phones)) >= target || box.child.exitCode !== null, 60_000);
      expect(reached).toBe(true);
      // Then a seeded extra delay, so the kill lands in every state across the ten phones (bounded in publishes,
      // so five runs never finish all the jobs on a fast machine).
      const delayEnd = Date.now() + Math.floor(random() * 1200);
      await until(() => Date.now() >= delayEnd || total(publishes(phoneDir, phones)) >= target + 6, 5_000);
      if (box.child.exitCode === null) {
        box.child.kill('SIGKILL');
        killed++;
      }
      await box.exited;
    }
    expect(killed).toBeGreaterThanOrEqual(5);

    const final = startBox(dataDir, phoneDir, phones);
    expect(await final.exited).toBe(0);

    const db = openDatabase(join(dataDir, 'box.db'));
    const store = new JobStore(db);
    const counts = publishes(phoneDir, phones);
    const all = store.list();
    expect(all).toHaveLength(100);
    const states = new Map<string, number>();
    for (const job of all) {
      states.set(job.state, (states.get(job.state) ?? 0) + 1);
      expect(['done', 'failed', 'missed', 'cancelled']).toContain(job.state);
      const taps = counts.get(job.id) ?? 0;
      expect(taps, job.id).toBeLessThanOrEqual(1);
      expect(job.state === 'done', job.id).toBe(taps === 1);
      for (const entry of store.log(job.id)) {
        if (entry.to === 'needs_check') expect(['committing', 'verifying']).toContain(entry.from);
      }
    }
    const starts = readFileSync(join(phoneDir, 'starts.log'), 'utf8').split('\n').filter(Boolean);
    expect(starts).toHaveLength(6);
    console.log(`killed engine: ${killed} kills, final states ${JSON.stringify(Object.fromEntries(states))}, recoveries ${starts.join(' ')}`);
    db.close();
  }, 180_000);
});
