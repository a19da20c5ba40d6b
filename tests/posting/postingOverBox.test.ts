// End to end: 3 pictures and a post scheduled over the box's API publish once on each of 4 simulated phones, with proof.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import type { DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import { PNG_SIGNATURE, countRows, getMedia, testPicture, uploadMedia } from '../testing/postingKit.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';
import type { JsonMessage } from '../testing/wsTestClient.ts';

const POST_TEXT = '新品上市，欢迎咨询！🎉';
const PHONES = 4;

interface WireJob { id: string; deviceId: string; state: string; attempt: number; nominalAt: number; plannedAt: number }
interface Device { id: string; state: string; width: number; height: number; busy?: { jobId: string; since: number } | null }

let dir: string;
let box: RunningBox;
let operator: string;
let control: BoxTestClient;
let watcher: BoxTestClient;
let devices: Device[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-posting-'));
  box = await startBox({
    dataDir: join(dir, 'data'), listen: { host: '127.0.0.1', port: 0 }, simulate: PHONES, adbServer: null, log: () => {},
    posting: { tickMs: 200, phoneCooldownMs: 0 },
  });
  operator = await box.issueToken('operator', 'operator');
  control = await BoxTestClient.connect(box.url, '/ws/control', { token: operator });
  watcher = await BoxTestClient.connect(box.url, '/ws/control', { token: await box.issueToken('viewer', 'viewer') });
  const deadline = Date.now() + 90_000;
  for (;;) {
    devices = ((await control.request({ type: 'listDevices' })).result as { devices: Device[] }).devices;
    if (devices.filter((d) => d.state === 'online').length === PHONES) break;
    if (Date.now() > deadline) throw new Error('phones did not come online');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);

afterAll(async () => {
  control?.close();
  watcher?.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
}, 90_000);

function simPhone(deviceId: string) {
  const sim = (box.hub as DeviceHubWithDiagnostics).simulatedPhones().find((p) => p.inspect().serial === deviceId);
  if (!sim) throw new Error(`no simulated phone ${deviceId}`);
  return sim;
}

const jobEvents = (client: BoxTestClient) => client.messages.filter((m): m is JsonMessage & { job: WireJob; transition: { to: string } } => m.type === 'job');

describe('scheduled posting through the box API', () => {
  test('a post with 3 pictures is published once on each of 4 phones; events, busy refusals, proofs', async () => {
    expect(devices.every((d) => d.busy === null)).toBe(true);
    const hashes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const upload = await uploadMedia(box, operator, testPicture(i));
      expect(upload).toMatchObject({ status: 200, json: { type: 'image/png', width: 160, height: 120 } });
      hashes.push(upload.json.sha256 as string);
    }
    expect(new Set(hashes).size).toBe(3);
    const thumb = await getMedia(box, `/api/media/${hashes[0]}/thumb?token=${operator}`);
    expect(thumb.status).toBe(200);
    expect(thumb.type).toBe('image/jpeg');
    const original = await getMedia(box, `/api/media/${hashes[1]}?token=${operator}`);
    expect(original.bytes.equals(testPicture(1))).toBe(true);

    const created = await control.request({ type: 'createPost', post: { title: '上新', text: POST_TEXT, images: hashes, tags: ['promo'] } });
    expect(created).toMatchObject({ ok: true, result: { post: { text: POST_TEXT, images: hashes } } });
    const postId = (created.result as { post: { id: string } }).post.id;
    expect(await watcher.request({ type: 'getPost', postId })).toMatchObject({ ok: true, result: { post: { id: postId } } });
    const copy = await control.request({ type: 'duplicatePost', postId });
    const copyId = (copy.result as { post: { id: string } }).post.id;
    expect(await control.request({ type: 'updatePost', postId: copyId, post: { title: 'copy', text: 'edited', images: [hashes[2]] } })).toMatchObject({ ok: true, result: { post: { text: 'edited', images: [hashes[2]] } } });
    expect(await control.request({ type: 'deletePost', postId: copyId })).toMatchObject({ ok: true });
    expect((await watcher.request({ type: 'listPosts' })).result).toMatchObject({ posts: [{ id: postId }] });

    // Times have minute resolution: a minute that began 45–105 s ago, spread over one minute, puts the phones' slots
    // from "due now" (late, inside the grace window) to about 15 s ahead.
    const local = DateTime.now().setZone(box.posting!.zone).minus({ seconds: 45 });
    const deviceIds = devices.map((d) => d.id);
    const schedule = await control.request({
      type: 'createSchedule',
      schedule: { postId, devices: deviceIds, time: { kind: 'once', date: local.toISODate(), time: local.toFormat('HH:mm') }, staggerMinutes: 1, seed: 'launch', graceMinutes: 10 },
    });
    expect(schedule).toMatchObject({ ok: true, result: { jobsCreated: PHONES } });
    const scheduleId = (schedule.result as { schedule: { id: string } }).schedule.id;

    // While a flow holds a phone, the wall sees it busy and console input to it is refused, naming the job.
    const busyEvent = await watcher.waitFor((m) => m.type === 'device' && (m.device as Device).busy != null, 90_000);
    const busyDevice = busyEvent.device as Device;
    const refused = await control.request({ type: 'input', deviceId: busyDevice.id, input: { kind: 'back' } });
    const textRefused = await control.request({ type: 'text', deviceId: busyDevice.id, text: 'hi' });
    const screenshot = await watcher.request({ type: 'screenshot', deviceId: busyDevice.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'busy', jobId: busyDevice.busy!.jobId } });
    expect(textRefused).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(screenshot).toMatchObject({ ok: true, result: { mime: 'image/png' } });

    const settled = (client: BoxTestClient) => new Set(jobEvents(client).filter((e) => ['done', 'failed', 'needs_check'].includes(e.transition.to)).map((e) => e.job.id)).size === PHONES;
    await control.until(() => settled(control), 150_000);
    await watcher.until(() => settled(watcher), 10_000);

    const list = await watcher.request({ type: 'listJobs', filter: { scheduleId } });
    const jobs = (list.result as { jobs: WireJob[] }).jobs;
    expect(jobs.map((j) => j.state)).toEqual(Array(PHONES).fill('done'));
    expect(new Set(jobs.map((j) => j.deviceId))).toEqual(new Set(deviceIds));
    expect(jobs.some((j) => j.id === busyDevice.busy!.jobId)).toBe(true);
    // The stagger gave each phone its own start inside the one-minute spread.
    const planned = jobs.map((j) => j.plannedAt - j.nominalAt);
    expect(new Set(planned).size).toBe(PHONES);
    expect(planned.every((offset) => offset >= 0 && offset < 60_000)).toBe(true);
    const page = await watcher.request({ type: 'listJobs', filter: { state: 'done' }, limit: 3, offset: 3 });
    expect(page.result).toMatchObject({ limit: 3, offset: 3, total: PHONES });
    expect((page.result as { jobs: WireJob[] }).jobs).toHaveLength(PHONES - 3);

    for (const job of jobs) {
      const { posts, publishTaps } = simPhone(job.deviceId).inspect();
      expect(posts).toHaveLength(1);
      expect(posts[0]!.text.startsWith(POST_TEXT)).toBe(true);
      expect(posts[0]!.text).toBe(`${POST_TEXT}\n#job:${job.id}`);
      expect(posts[0]!.imageSha256).toEqual(hashes);
      expect(publishTaps[job.id]).toBe(1);

      const seen = jobEvents(watcher).filter((e) => e.job.id === job.id).map((e) => e.transition.to);
      expect(seen).toEqual(['scheduled', 'claimed', 'preparing', 'committing', 'verifying', 'done']);

      const detail = (await watcher.request({ type: 'getJob', jobId: job.id })).result as { log: { to: string; attempt: number; at: number }[]; proofs: { sha256: string; label: string }[] };
      expect(detail.log.map((l) => l.to)).toEqual(['scheduled', 'claimed', 'preparing', 'committing', 'verifying', 'done']);
      expect(detail.log.every((l) => l.attempt === 1 && l.at > 0)).toBe(true);
      expect(detail.proofs.length).toBeGreaterThanOrEqual(2);
      for (const proof of detail.proofs) {
        const png = await getMedia(box, `/api/media/${proof.sha256}?token=${operator}`);
        expect(png.status).toBe(200);
        expect(png.type).toBe('image/png');
        expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      }
    }

    const day = DateTime.fromMillis(Date.now(), { zone: box.posting!.zone }).toISODate()!;
    const calendar = await watcher.request({ type: 'phoneCalendar', deviceId: busyDevice.id, from: day, days: 2 });
    const calendarDays = (calendar.result as { days: { date: string; jobs: WireJob[] }[] }).days;
    expect(calendarDays.map((d) => d.date)[0]).toBe(day);
    expect(calendarDays.flatMap((d) => d.jobs).map((j) => j.id)).toEqual([busyDevice.busy!.jobId]);

    // Idle again: the device list shows no phone busy and input goes through.
    const after = ((await control.request({ type: 'listDevices' })).result as { devices: Device[] }).devices;
    expect(after.map((d) => d.busy)).toEqual(Array(PHONES).fill(null));
    expect(await control.request({ type: 'input', deviceId: busyDevice.id, input: { kind: 'home' } })).toMatchObject({ ok: true });
    expect(await control.request({ type: 'retryJob', jobId: jobs[0]!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(countRows(box, 'jobs')).toBe(PHONES);
  }, 240_000);
});
