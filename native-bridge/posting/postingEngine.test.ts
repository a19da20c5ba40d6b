// Tests of the posting engine composition: a staggered schedule end to end on fake phones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeMomentsPhone } from '../testing/fakeMomentsPhone.ts';
import { loadBuiltinFlow } from '../flows/flowLoader.ts';
import { FakeClock } from '../testing/fakeClock.ts';
import { openDatabase } from '../store/database.ts';
import { PostingEngine } from './postingEngine.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('PostingEngine', () => {
  it('runs a staggered schedule for 3 phones end to end, keeping proofs, and survives a bad schedule row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-engine-'));
    dirs.push(dir);
    const clock = new FakeClock(Date.UTC(2026, 2, 2, 0, 58)); // 08:58 in Shanghai
    const phones = new Map(['a', 'b', 'c'].map((id) => [id, new FakeMomentsPhone(id)]));
    const flow = loadBuiltinFlow('simulated-moments');
    const errors: unknown[] = [];
    const engine = PostingEngine.open({ db: openDatabase(join(dir, 'box.db')), dataDir: dir, zone: 'Asia/Shanghai', clock, phoneFor: (id) => phones.get(id) ?? null, flows: new Map([[flow.id, flow]]), onError: (e) => errors.push(e) });
    for (const id of phones.keys()) engine.devices.upsert(id, `Phone ${id}`, clock.now());
    const canvas = createCanvas(10, 10);
    canvas.getContext('2d').fillRect(0, 0, 5, 5);
    const sha = engine.media.putImage(canvas.toBuffer('image/png'), clock.now()).sha256;
    const post = engine.posts.create({ title: 'hello', text: '早上好', images: [sha] }, clock.now());
    engine.schedules.create({ postId: post.id, devices: ['a', 'b', 'c'], time: { kind: 'once', date: '2026-03-02', time: '09:00' }, staggerMinutes: 3 }, 'Asia/Shanghai', clock.now(), 86_400_000);
    engine.db.prepare("INSERT INTO schedules (id, post_id, flow_id, spec, created_at) VALUES ('broken', ?, 'simulated-moments', 'not json', 0)").run(post.id);
    for (let i = 0; i < 8 * 60; i++) {
      engine.step();
      await engine.scheduler.idle();
      clock.advance(1000);
    }
    const jobs = engine.jobs.list();
    expect(jobs.map((j) => j.state)).toEqual(['done', 'done', 'done']);
    for (const job of jobs) {
      expect(phones.get(job.deviceId)!.posts.map((p) => p.text)).toEqual([`早上好\n#job:${job.id}`]);
      expect(engine.jobs.proofs(job.id).map((p) => p.label)).toEqual(['before publish', 'after publish', 'verification']);
      expect(engine.media.read(engine.jobs.proofs(job.id)[0]!.sha256).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(new Set(jobs.map((j) => j.plannedAt)).size).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toContainEqual(expect.stringMatching(/^schedule broken cannot be expanded/));
    await engine.stop();
    engine.db.close();
  });

  it('a job that becomes due late inside quiet hours waits for their end, visibly, then runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-engine-'));
    dirs.push(dir);
    const clock = new FakeClock(Date.UTC(2026, 2, 2, 14, 0)); // 22:00 in Shanghai
    const phone = new FakeMomentsPhone('a');
    const flow = loadBuiltinFlow('simulated-moments');
    const engine = PostingEngine.open({ db: openDatabase(join(dir, 'box.db')), dataDir: dir, zone: 'Asia/Shanghai', clock, phoneFor: () => phone, flows: new Map([[flow.id, flow]]), onError: (e) => { throw e; } });
    engine.devices.upsert('a', 'Phone a', clock.now());
    const canvas = createCanvas(10, 10);
    canvas.getContext('2d').fillRect(0, 0, 5, 5);
    const sha = engine.media.putImage(canvas.toBuffer('image/png'), clock.now()).sha256;
    const post = engine.posts.create({ title: 'late', text: '晚安', images: [sha] }, clock.now());
    engine.schedules.create({ postId: post.id, devices: ['a'], time: { kind: 'once', date: '2026-03-02', time: '22:50' }, quietHours: { start: '23:00', end: '07:00' }, graceMinutes: 30 }, 'Asia/Shanghai', clock.now(), 86_400_000);
    // The box is down from 22:00 to 23:10: the job is late but inside its grace window, and now in quiet hours.
    clock.set(Date.UTC(2026, 2, 2, 15, 10));
    engine.step();
    await engine.scheduler.idle();
    const [job] = engine.jobs.list();
    expect(job).toMatchObject({ state: 'scheduled', dueAt: Date.UTC(2026, 2, 2, 23, 0) });
    expect(job!.planNote).toBe('quiet hours 23:00–07:00 reached at 2026-03-02 23:10: waits until 2026-03-03 07:00');
    expect(engine.jobs.log(job!.id).at(-1)).toMatchObject({ from: 'scheduled', to: 'scheduled', detail: job!.planNote });
    expect(phone.posts).toHaveLength(0);
    clock.set(Date.UTC(2026, 2, 2, 23, 0, 30));
    engine.step();
    await engine.scheduler.idle();
    expect(engine.jobs.get(job!.id)!.state).toBe('done');
    expect(phone.posts).toHaveLength(1);
    await engine.stop();
    engine.db.close();
  });
});
