// Posting over the box's API refuses bad input with typed errors and writes nothing: uploads, posts, schedules, flows.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import { builtinFlowPath } from '../../native-bridge/flows/flowLoader.ts';
import { countRows, getMedia, testPicture, uploadMedia } from '../testing/postingKit.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';

let dir: string;
let box: RunningBox;
let operator: string;
let viewer: string;
let control: BoxTestClient;
let watcher: BoxTestClient;
let deviceId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-posting-bad-'));
  box = await startBox({ dataDir: join(dir, 'data'), listen: { host: '127.0.0.1', port: 0 }, simulate: 1, adbServer: null, log: () => {} });
  operator = await box.issueToken('operator', 'operator');
  viewer = await box.issueToken('viewer', 'viewer');
  control = await BoxTestClient.connect(box.url, '/ws/control', { token: operator });
  watcher = await BoxTestClient.connect(box.url, '/ws/control', { token: viewer });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const devices = (await control.request({ type: 'listDevices' })).result as { devices: { id: string; state: string }[] };
    const online = devices.devices.find((d) => d.state === 'online');
    if (online) {
      deviceId = online.id;
      break;
    }
    if (Date.now() > deadline) throw new Error('no phone came online');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 90_000);

afterAll(async () => {
  control?.close();
  watcher?.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('posting API bad input', () => {
  test('uploads: a non-image is 415 unsupported_media, no token 401, a viewer 403, unknown media 404; nothing stored', async () => {
    const before = countRows(box, 'media');
    const text = await uploadMedia(box, operator, Buffer.from('PK\u0003\u0004 this is a zip, not a picture'));
    expect(text.status).toBe(415);
    expect(text.json).toMatchObject({ ok: false, error: { code: 'unsupported_media' } });
    expect((await uploadMedia(box, operator, new Uint8Array(0))).status).toBe(400);
    expect((await uploadMedia(box, null, testPicture(0))).status).toBe(401);
    expect((await uploadMedia(box, viewer, testPicture(0))).json).toMatchObject({ error: { code: 'forbidden' } });
    expect(countRows(box, 'media')).toBe(before);
    expect((await getMedia(box, `/api/media/${'0'.repeat(64)}?token=${operator}`)).status).toBe(404);
    expect((await getMedia(box, `/api/media/${'0'.repeat(64)}`)).status).toBe(401);
    const foreign = await fetch(`${box.url}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${operator}`, origin: 'https://evil.example' }, body: new Uint8Array(testPicture(2)) });
    expect(foreign.status).toBe(403);
    expect(countRows(box, 'media')).toBe(before);
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1);
    testPicture(0).copy(huge);
    const tooLarge = await uploadMedia(box, operator, huge);
    expect(tooLarge).toMatchObject({ status: 413, json: { ok: false, error: { code: 'too_large' } } });
    expect(countRows(box, 'media')).toBe(before);
    const sameOrigin = await fetch(`${box.url}/api/media`, { method: 'POST', headers: { authorization: `Bearer ${operator}`, origin: box.url }, body: new Uint8Array(testPicture(2)) });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBe(box.url);
    expect(countRows(box, 'media')).toBe(before + 1);
  });

  test('a post over the text limit, with an image never uploaded, or with 10 images is invalid; nothing written', async () => {
    const upload = await uploadMedia(box, operator, testPicture(1));
    expect(upload).toMatchObject({ status: 200, json: { type: 'image/png', width: 160, height: 120 } });
    const sha = upload.json.sha256 as string;
    const posts = countRows(box, 'posts');
    const images = countRows(box, 'post_images');
    const long = await control.request({ type: 'createPost', post: { title: 'long', text: '字'.repeat(2001), images: [sha] } });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid', problems: [{ field: 'text' }] } });
    const missing = await control.request({ type: 'createPost', post: { title: 'm', text: 'x', images: [sha, 'f'.repeat(64)] } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid', problems: [{ field: 'images[1]' }] } });
    const ten = await control.request({ type: 'createPost', post: { title: 'ten', text: 'x', images: Array(10).fill(sha) } });
    expect(ten).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await control.request({ type: 'createPost', post: { title: 'ok', text: '字'.repeat(2000), images: [sha] } })).toMatchObject({ ok: true });
    expect(countRows(box, 'posts')).toBe(posts + 1);
    expect(countRows(box, 'post_images')).toBe(images + 1);
  });

  test('a schedule naming unknown phones and groups is invalid and names them; no schedule, no job written', async () => {
    const picture = (await uploadMedia(box, operator, testPicture(3))).json.sha256 as string;
    const post = await control.request({ type: 'createPost', post: { title: 's', text: 'hello', images: [picture] } });
    const postId = (post.result as { post: { id: string } }).post.id;
    const textOnly = await control.request({ type: 'createPost', post: { title: 'words', text: 'only words', images: [] } });
    const textOnlyId = (textOnly.result as { post: { id: string } }).post.id;
    const schedules = countRows(box, 'schedules');
    const jobs = countRows(box, 'jobs');
    const today = DateTime.now().setZone(box.posting!.zone);
    const time = { kind: 'once', date: today.plus({ days: 1 }).toISODate(), time: '09:00' };
    // The built-in flow has no text-only branch: such a schedule would only fail on the phones later.
    const noPictures = await control.request({ type: 'createSchedule', schedule: { postId: textOnlyId, devices: [deviceId], time } });
    expect(noPictures).toMatchObject({ ok: false, error: { code: 'invalid', problems: [{ field: 'postId' }] } });
    const response = await control.request({ type: 'createSchedule', schedule: { postId, devices: [deviceId, 'ghost-phone-7'], groups: ['nowhere'], time } });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const error = response.error as { message: string; problems: { field: string; message: string }[] };
    expect(error.problems.map((p) => p.field)).toEqual(['devices[1]', 'groups[0]']);
    expect(error.message).toContain('ghost-phone-7');
    expect(error.message).toContain('nowhere');
    expect(countRows(box, 'schedules')).toBe(schedules);
    expect(countRows(box, 'jobs')).toBe(jobs);
    const viewerTry = await watcher.request({ type: 'createSchedule', schedule: { postId, devices: [deviceId], time } });
    expect(viewerTry).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ok = await control.request({ type: 'createSchedule', schedule: { postId, devices: [deviceId], time } });
    expect(ok).toMatchObject({ ok: true, result: { jobsCreated: 1 } });
    expect(countRows(box, 'jobs')).toBe(jobs + 1);
    const scheduleId = (ok.result as { schedule: { id: string } }).schedule.id;
    expect(await control.request({ type: 'deletePost', postId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await control.request({ type: 'cancelSchedule', scheduleId })).toMatchObject({ ok: true, result: { jobsCancelled: 1 } });
    expect(await watcher.request({ type: 'listSchedules' })).toMatchObject({ ok: true, result: { schedules: [] } });
    expect(await watcher.request({ type: 'listSchedules', includeCancelled: true })).toMatchObject({ ok: true, result: { schedules: [{ id: scheduleId }] } });
    expect(await control.request({ type: 'cancelSchedule', scheduleId: 'no-such' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  test('a schedule may name a group of the device book; its phones get the jobs', async () => {
    const book = await control.request({ type: 'updateDeviceBook', groups: [{ name: '门店A', deviceIds: [deviceId] }] });
    expect(book).toMatchObject({ ok: true });
    const group = (book.result as { groups: { id: string; name: string }[] }).groups.find((g) => g.name === '门店A')!;
    const picture = (await uploadMedia(box, operator, testPicture(0))).json.sha256 as string;
    const post = await control.request({ type: 'createPost', post: { title: 'g', text: 'group post', images: [picture] } });
    const postId = (post.result as { post: { id: string } }).post.id;
    const date = DateTime.now().setZone(box.posting!.zone).plus({ days: 1 }).toISODate();
    const schedule = await control.request({ type: 'createSchedule', schedule: { postId, groups: [group.id], time: { kind: 'once', date, time: '10:00' } } });
    expect(schedule).toMatchObject({ ok: true, result: { jobsCreated: 1 } });
    const scheduleId = (schedule.result as { schedule: { id: string } }).schedule.id;
    const jobs = (await watcher.request({ type: 'listJobs', filter: { scheduleId } })).result as { jobs: { deviceId: string; state: string }[] };
    expect(jobs.jobs).toMatchObject([{ deviceId, state: 'scheduled' }]);
    expect(await control.request({ type: 'cancelSchedule', scheduleId })).toMatchObject({ ok: true, result: { jobsCancelled: 1 } });
  });

  test('flows: the built-in flow is listed and validates; an invalid one names its step and field', async () => {
    const flows = await watcher.request({ type: 'listFlows' });
    expect(flows).toMatchObject({ ok: true, result: { flows: [{ id: 'simulated-moments', version: 1 }] } });
    const builtin = JSON.parse(await readFile(builtinFlowPath('simulated-moments'), 'utf8')) as { steps: Record<string, unknown>[] };
    expect(await watcher.request({ type: 'validateFlow', flow: builtin })).toMatchObject({ ok: true, result: { id: 'simulated-moments', steps: builtin.steps.length } });
    const broken = { ...builtin, steps: builtin.steps.map((step, i) => (i === 1 ? { ...step, timeoutMs: -5 } : step)) };
    const response = await watcher.request({ type: 'validateFlow', flow: broken });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid', problems: [{ field: 'steps[1].timeoutMs' }] } });
    const text = await watcher.request({ type: 'validateFlow', flow: '{ not json' });
    expect(text).toMatchObject({ ok: false, error: { code: 'invalid', problems: [{ field: '(flow)' }] } });
  });

  test('jobs: unknown ids are not_found; a cancelled job cannot be retried or resolved', async () => {
    expect(await control.request({ type: 'getJob', jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const cancelled = (await control.request({ type: 'listJobs', filter: { state: 'cancelled' } })).result as { jobs: { id: string }[] };
    expect(cancelled.jobs).toHaveLength(2);
    const jobId = cancelled.jobs[0]!.id;
    expect(await control.request({ type: 'retryJob', jobId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await control.request({ type: 'resolveJob', jobId, outcome: 'done', note: 'seen' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await watcher.request({ type: 'cancelJob', jobId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
