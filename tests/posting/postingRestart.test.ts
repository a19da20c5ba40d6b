// A box restarted over jobs a previous process left mid-publish: checked on the phone, never re-posted blindly.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBox } from '../../native-bridge/box.ts';
import type { BoxConfig, RunningBox } from '../../native-bridge/box.ts';
import type { DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import { BOX_DATABASE_FILE } from '../../native-bridge/store/database.ts';
import { JobStore } from '../../native-bridge/posting/jobStore.ts';
import { openDatabase } from '../../native-bridge/store/database.ts';
import { testPicture, uploadMedia } from '../testing/postingKit.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';

interface WireJob { id: string; deviceId: string; state: string; reason: string | null }

let dir: string;
let box: RunningBox | null = null;
const clients: BoxTestClient[] = [];

async function openBox(): Promise<{ box: RunningBox; control: BoxTestClient; token: string; deviceIds: string[] }> {
  const config: BoxConfig = {
    dataDir: join(dir, 'data'), listen: { host: '127.0.0.1', port: 0 }, simulate: 2, adbServer: null, log: () => {},
    posting: { tickMs: 200, phoneCooldownMs: 0 },
  };
  box = await startBox(config);
  const token = await box.issueToken('operator', 'operator');
  const control = await BoxTestClient.connect(box.url, '/ws/control', { token });
  clients.push(control);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const { devices } = (await control.request({ type: 'listDevices' })).result as { devices: { id: string; state: string }[] };
    if (devices.filter((d) => d.state === 'online').length === 2) return { box, control, token, deviceIds: devices.map((d) => d.id).sort() };
    if (Date.now() > deadline) throw new Error('phones did not come online');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function jobOf(control: BoxTestClient, jobId: string): Promise<{ job: WireJob; log: { to: string }[] }> {
  return (await control.request({ type: 'getJob', jobId })).result as { job: WireJob; log: { to: string }[] };
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-posting-restart-'));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
}, 90_000);

describe('posting across a box restart', () => {
  test('jobs left committing are checked on the phone; a failed one retried by hand publishes once; an unverifiable one is settled by hand', async () => {
    const first = await openBox();
    const picture = await uploadMedia(first.box, first.token, testPicture(3));
    const post = await first.control.request({ type: 'createPost', post: { title: 'restart', text: '重启后核对', images: [picture.json.sha256] } });
    const postId = (post.result as { post: { id: string } }).post.id;
    const tomorrow = DateTime.now().setZone(first.box.posting!.zone).plus({ days: 1 }).toISODate();
    const schedule = await first.control.request({ type: 'createSchedule', schedule: { postId, devices: first.deviceIds, time: { kind: 'once', date: tomorrow, time: '09:00' } } });
    expect(schedule).toMatchObject({ ok: true, result: { jobsCreated: 2 } });
    const jobs = ((await first.control.request({ type: 'listJobs' })).result as { jobs: WireJob[] }).jobs.sort((a, b) => a.deviceId.localeCompare(b.deviceId));
    await first.box.stop();
    box = null;

    // What a box killed during the publish tap leaves behind: both jobs committing; the second one's flow since removed.
    const db = openDatabase(join(dir, 'data', BOX_DATABASE_FILE));
    const store = new JobStore(db);
    const now = Date.now();
    for (const job of jobs) {
      const claim = store.claim(job.id, 'scheduled', 'old-box', now, 60_000);
      if (!claim.ok) throw new Error(claim.error.message);
      const { fence } = claim.job;
      expect(store.transition(job.id, { from: 'claimed', to: 'preparing', now, fence }).ok).toBe(true);
      expect(store.transition(job.id, { from: 'preparing', to: 'committing', now, fence }).ok).toBe(true);
    }
    db.prepare("UPDATE jobs SET flow_id = 'retired-flow' WHERE id = ?").run(jobs[1]!.id);
    db.close();

    const second = await openBox();
    const [checked, unverifiable] = [jobs[0]!.id, jobs[1]!.id];
    await until(async () => (await jobOf(second.control, checked)).job.state === 'failed', 'the interrupted job is checked');
    const checkedLog = (await jobOf(second.control, checked)).log.map((l) => l.to);
    expect(checkedLog.slice(-4)).toEqual(['committing', 'needs_check', 'verifying', 'failed']);
    await until(async () => (await jobOf(second.control, unverifiable)).log.some((l) => l.to === 'verifying'), 'the second job is looked at');
    await until(async () => (await jobOf(second.control, unverifiable)).job.state === 'needs_check', 'the second job waits for a person');

    const hub = second.box.hub as DeviceHubWithDiagnostics;
    const postsOn = (deviceId: string) => hub.simulatedPhones().find((p) => p.inspect().serial === deviceId)!.inspect().posts;
    expect(postsOn(jobs[0]!.deviceId)).toHaveLength(0);
    expect(postsOn(jobs[1]!.deviceId)).toHaveLength(0);

    const resolved = await second.control.request({ type: 'resolveJob', jobId: unverifiable, outcome: 'failed', note: 'not in the feed' });
    expect(resolved).toMatchObject({ ok: true, result: { job: { state: 'failed', reason: 'checked by operator: not in the feed' } } });

    expect(await second.control.request({ type: 'retryJob', jobId: checked })).toMatchObject({ ok: true, result: { job: { state: 'scheduled' } } });
    await until(async () => (await jobOf(second.control, checked)).job.state === 'done', 'the retried job publishes', 90_000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify(await jobOf(second.control, checked))}`);
    });
    const posts = postsOn(jobs[0]!.deviceId);
    expect(posts.map((p) => p.text)).toEqual([`重启后核对\n#job:${checked}`]);
    expect(posts[0]!.imageSha256).toEqual([picture.json.sha256]);
    // Events follow the store within a feed interval.
    await second.control.waitFor((m) => m.type === 'job' && (m.job as WireJob).id === checked && (m.transition as { to: string }).to === 'done');
    const events = second.control.messages.filter((m) => m.type === 'job' && (m.job as WireJob).id === checked).map((m) => (m.transition as { to: string }).to);
    expect(events.slice(-6)).toEqual(['scheduled', 'claimed', 'preparing', 'committing', 'verifying', 'done']);
  }, 240_000);
});
