// `npm run bench:scheduler`: planning 10,000 jobs over 1,000 phones, claim/transition throughput, start jitter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PhonePort } from '../flows/phonePort.ts';
import { parseFlow } from '../flows/flowSchema.ts';
import { FakeClock } from '../testing/fakeClock.ts';
import { JobRunner } from '../posting/jobRunner.ts';
import { JobStore } from '../posting/jobStore.ts';
import { PostStore } from '../posting/postStore.ts';
import { Scheduler } from '../posting/scheduler.ts';
import { localToInstant, occurrencesBetween } from '../posting/scheduleRules.ts';
import { SchedulePlanner } from '../posting/schedulePlanner.ts';
import { scheduleSpecSchema } from '../posting/scheduleSpec.ts';
import { ScheduleStore } from '../posting/scheduleStore.ts';
import { openDatabase } from '../store/database.ts';
import { DeviceStore } from '../store/deviceStore.ts';

const zone = 'Asia/Shanghai';
const phones = 1000;
const days = 10;

function row(name: string, value: string, note = ''): void {
  console.log(`${name.padEnd(44)} ${value.padStart(14)}  ${note}`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A phone that answers at once: the bench measures the scheduler, not the phone. */
function instantPhone(deviceId: string): PhonePort {
  const done = async () => undefined;
  return {
    deviceId,
    screenSize: async () => ({ width: 1080, height: 2400 }),
    screenshot: async () => new Uint8Array(),
    uiDump: async () => '<hierarchy><node text="ok" bounds="[0,0][10,10]" /></hierarchy>',
    tap: done, swipe: done, key: done, pasteText: done, pushFile: done, mediaScan: done, launchApp: done,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-'));
  try {
    const db = openDatabase(join(dir, 'box.db'));
    const now = localToInstant('2026-03-01', '00:00', zone);
    const devices = new DeviceStore(db);
    db.transaction(() => {
      for (let i = 0; i < phones; i++) devices.upsert(`phone-${String(i).padStart(4, '0')}`, `Phone ${i}`, now);
    })();
    const deviceIds = devices.list().map((d) => d.id);
    const post = new PostStore(db).create({ title: 'bench', text: '新品上市，欢迎咨询！🎉', images: [] }, now);
    const jobs = new JobStore(db);
    const input = {
      postId: post.id, devices: deviceIds, time: { kind: 'daily', time: '09:00', startDate: '2026-03-01' },
      staggerMinutes: 30, dailyCapPerPhone: 3, quietHours: { start: '23:00', end: '07:00' }, graceMinutes: 30,
    };
    console.log(`PhoneWall scheduler bench: ${phones} phones, daily schedule × ${days} days, zone ${zone}`);
    console.log('-'.repeat(78));

    const spec = scheduleSpecSchema.parse(input);
    let t = performance.now();
    const planner = new SchedulePlanner();
    const planned = occurrencesBetween(spec.time, zone, now, now + days * 86_400_000).flatMap((occurrence) =>
      planner.plan({ scheduleId: 'dry-run', spec, zone, occurrence, deviceIds, deviceCap: () => null, plannedOn: () => 0 }),
    );
    const planMs = performance.now() - t;
    row('plan (pure: stagger, quiet hours, caps)', `${planMs.toFixed(0)} ms`, `${planned.length} jobs, target < 1000 ms`);

    const schedules = new ScheduleStore({ db, jobs, devices, knownFlows: new Set(['bench']) });
    t = performance.now();
    const { jobsCreated } = schedules.create({ ...input, flowId: 'bench' }, zone, now, days * 86_400_000);
    const createMs = performance.now() - t;
    row('expand + plan + insert (one transaction)', `${createMs.toFixed(0)} ms`, `${jobsCreated} jobs written (synchronous=FULL, WAL)`);
    t = performance.now();
    const again = schedules.expandAll(now, days * 86_400_000);
    row('re-expand (idempotent)', `${(performance.now() - t).toFixed(0)} ms`, `${again} new jobs`);

    const sample = jobs.list().filter((j) => j.occurrence === '2026-03-01T09:00');
    t = performance.now();
    let transitions = 0;
    for (const job of sample) {
      const claim = jobs.claim(job.id, 'scheduled', 'bench', now, 60_000);
      if (!claim.ok) continue;
      const fence = claim.job.fence;
      let from = claim.job.state;
      for (const to of ['preparing', 'committing', 'verifying', 'done'] as const) {
        if (jobs.transition(job.id, { from, to, now, fence }).ok) transitions++;
        from = to;
      }
    }
    const txMs = performance.now() - t;
    row('claim + 4 fenced transitions', `${((sample.length + transitions) / (txMs / 1000)).toFixed(0)} writes/s`, `${sample.length} claims + ${transitions} transitions, each fsynced and logged`);

    const flow = parseFlow({
      version: 1, id: 'bench', name: 'bench',
      steps: [{ action: 'launchApp', app: 'x', timeoutMs: 1000 }, { action: 'commit', target: { point: { x: 0.5, y: 0.5 } }, timeoutMs: 1000 }],
      verify: { steps: [], present: { view: { text: 'ok' } } },
    });
    if (!flow.ok) throw new Error(flow.errors.join('; '));
    const clock = new FakeClock(localToInstant('2026-03-03', '08:59', zone));
    const retry = { baseMs: 30_000, maxMs: 600_000 };
    const runner = new JobRunner({
      jobs, clock, phoneFor: instantPhone, flowFor: () => flow.flow,
      contextFor: (job) => ({ jobId: job.id, postText: 'x', images: [] }), saveProof: () => true,
      owner: 'bench', leaseMs: 60_000, retry,
    });
    const scheduler = new Scheduler(jobs, runner, clock, { owner: 'bench', leaseMs: 60_000, maxConcurrent: 32, retry });
    const day3 = jobs.list().filter((j) => j.occurrence === '2026-03-03T09:00');
    const end = localToInstant('2026-03-03', '10:00', zone);
    const jitters: number[] = [];
    const tickMs = 1000;
    t = performance.now();
    let ticks = 0;
    while (clock.now() < end) {
      const report = scheduler.tick();
      ticks++;
      for (const id of report.started) {
        const job = jobs.get(id);
        if (job) jitters.push(clock.now() - job.dueAt);
      }
      await scheduler.idle();
      clock.advance(tickMs);
    }
    const runMs = performance.now() - t;
    jitters.sort((a, b) => a - b);
    const finished = day3.filter((j) => jobs.get(j.id)?.state === 'done').length;
    row('run one day (fake clock, 1 s ticks, 32 at once)', `${finished}/${day3.length} done`, `${ticks} ticks in ${(runMs / 1000).toFixed(1)} s wall`);
    row('start jitter vs due time p50', `${(percentile(jitters, 50) / 1000).toFixed(2)} s`, `${jitters.length} starts, tick granularity ${tickMs / 1000} s`);
    row('start jitter vs due time p95', `${(percentile(jitters, 95) / 1000).toFixed(2)} s`);
    row('start jitter vs due time max', `${(percentile(jitters, 100) / 1000).toFixed(2)} s`);
    console.log('-'.repeat(78));
    console.log(planMs < 1000 ? 'planning target met (< 1 s)' : 'planning target MISSED (>= 1 s)');
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
