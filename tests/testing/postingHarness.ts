// Test harness for the posting core: a real SQLite file in a temp dir, fake Moments phones and a fake clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type BetterSqlite3 from 'better-sqlite3';
import { FakeMomentsPhone } from '../../native-bridge/testing/fakeMomentsPhone.ts';
import { loadBuiltinFlow } from '../../native-bridge/flows/flowLoader.ts';
import { FakeClock } from '../../native-bridge/testing/fakeClock.ts';
import type { Failpoint } from '../../native-bridge/posting/failpoints.ts';
import { jobContextLoader, proofSaver } from '../../native-bridge/posting/jobContext.ts';
import { JobRunner } from '../../native-bridge/posting/jobRunner.ts';
import { JobStore, type NewJob } from '../../native-bridge/posting/jobStore.ts';
import { PostStore } from '../../native-bridge/posting/postStore.ts';
import { Scheduler } from '../../native-bridge/posting/scheduler.ts';
import { openDatabase } from '../../native-bridge/store/database.ts';
import { MediaStore } from '../../native-bridge/store/mediaStore.ts';

export const t0 = Date.UTC(2026, 2, 2, 0, 0, 0);
const flow = loadBuiltinFlow('simulated-moments');

export interface Box {
  db: BetterSqlite3.Database;
  jobs: JobStore;
  posts: PostStore;
  media: MediaStore;
  runner: JobRunner;
  scheduler: Scheduler;
  close(): void;
}

export class PostingHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'pw-posting-'));
  readonly file = join(this.dir, 'box.db');
  readonly clock = new FakeClock(t0);
  readonly phones = new Map<string, FakeMomentsPhone>();
  failpoint: Failpoint = () => undefined;
  leaseMs = 5 * 60_000;
  phoneCooldownMs = 0;
  /** Phones the device side reports as not connected. */
  readonly unplugged = new Set<string>();
  box: Box = this.open();

  /** Opens (or re-opens after a "crash") the box on the same SQLite file. */
  open(): Box {
    const db = openDatabase(this.file);
    const jobs = new JobStore(db);
    const media = new MediaStore(db, this.dir);
    const posts = new PostStore(db);
    const runner = new JobRunner({
      jobs,
      clock: this.clock,
      phoneFor: (id) => (this.unplugged.has(id) ? null : (this.phones.get(id) ?? null)),
      flowFor: (id) => (id === flow.id ? flow : null),
      contextFor: jobContextLoader(posts, media),
      saveProof: proofSaver(jobs, media),
      owner: 'box-test',
      leaseMs: this.leaseMs,
      retry: { baseMs: 1_000, maxMs: 10_000 },
      failpoint: (name, jobId) => this.failpoint(name, jobId),
    });
    const scheduler = new Scheduler(jobs, runner, this.clock, { owner: 'box-test', leaseMs: this.leaseMs, maxConcurrent: 8, retry: { baseMs: 1_000, maxMs: 10_000 }, phoneCooldownMs: this.phoneCooldownMs, phoneAvailable: (id) => !this.unplugged.has(id) });
    this.box = { db, jobs, posts, media, runner, scheduler, close: () => db.close() };
    return this.box;
  }

  restart(): Box {
    this.box.close();
    const box = this.open();
    box.scheduler.recoverAtStart();
    return box;
  }

  phone(id: string): FakeMomentsPhone {
    let phone = this.phones.get(id);
    if (!phone) {
      phone = new FakeMomentsPhone(id);
      this.phones.set(id, phone);
    }
    return phone;
  }

  /** A post with `imageCount` real PNGs and one job per (phone, slot), due at `dueAt + slot * spacingMs`. */
  seed(options: { phones: number; jobsPerPhone: number; dueAt: number; spacingMs?: number; graceMs?: number; imageCount?: number; maxAttempts?: number }): string[] {
    const { db, media, posts, jobs } = this.box;
    const images = Array.from({ length: options.imageCount ?? 2 }, (_, i) => {
      const canvas = createCanvas(12, 12);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = `rgb(${(i * 67) % 256}, ${(i * 31) % 256}, 200)`;
      ctx.fillRect(0, 0, 12, 12);
      return media.putImage(canvas.toBuffer('image/png'), t0).sha256;
    });
    const post = posts.create({ title: 'promo', text: '新品上市，欢迎咨询！🎉', images }, t0);
    db.prepare("INSERT INTO schedules (id, post_id, flow_id, spec, created_at) VALUES ('s1', ?, ?, '{}', ?)").run(post.id, flow.id, t0);
    const planned: NewJob[] = [];
    for (let p = 0; p < options.phones; p++) {
      const deviceId = `phone-${String(p).padStart(2, '0')}`;
      this.phone(deviceId);
      for (let slot = 0; slot < options.jobsPerPhone; slot++) {
        const at = options.dueAt + slot * (options.spacingMs ?? 0);
        planned.push({
          id: `j${p}x${slot}`, scheduleId: 's1', occurrence: `slot-${slot}`, deviceId, postId: post.id, flowId: flow.id,
          nominalAt: at, plannedAt: at, graceMs: options.graceMs ?? 30 * 60_000, planNote: null, maxAttempts: options.maxAttempts ?? 5,
        });
      }
    }
    jobs.insertPlanned(planned, t0);
    return planned.map((job) => job.id);
  }

  /** Ticks, waits for runs, advances the clock, until nothing is left to do or `maxRounds` passed. */
  async settle(maxRounds = 200, stepMs = 1_000): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      this.box.scheduler.tick();
      await this.box.scheduler.idle();
      const open = this.box.jobs.list().filter((job) => job.state === 'scheduled' || job.state === 'needs_check' || job.state === 'claimed');
      if (open.length === 0) return;
      this.clock.advance(stepMs);
    }
  }

  totalPublishTaps(jobId: string): number {
    let total = 0;
    for (const phone of this.phones.values()) total += phone.publishTaps[jobId] ?? 0;
    return total;
  }

  dispose(): void {
    try {
      this.box.close();
    } catch {
      // already closed
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
