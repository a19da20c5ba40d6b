// The box's WebSocket API over a replayed-stream hub: hello, devices, video subscription, control, pushes, HTTP.
import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import { encodeFixture } from '../../native-bridge/testing/h264Fixture.ts';
import type { H264Fixture } from '../../native-bridge/testing/h264Fixture.ts';
import { ReplayDeviceHub } from '../../native-bridge/testing/replayDeviceHub.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';

let dir: string;
let fixture: H264Fixture;
let hub: ReplayDeviceHub;
let box: RunningBox;
let operator: string;
let viewer: string;
const clients: BoxTestClient[] = [];

async function connect(path: string, token: string) {
  const client = await BoxTestClient.connect(box.url, path, { token });
  clients.push(client);
  await client.waitFor((m) => m.type === 'hello');
  return client;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-ws-'));
  fixture = await encodeFixture({ width: 240, height: 536, fps: 15, seconds: 2, gop: 10 });
  hub = new ReplayDeviceHub({ devices: 3, fixtures: { grid: fixture, focus: fixture } });
  const renderer = join(dir, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>PhoneWall</title>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  // Stream holds are counted below: no attention monitor holding every grid stream.
  box = await startBox({ dataDir: join(dir, 'data'), listen: { host: '127.0.0.1', port: 0 }, hub, rendererDir: renderer, log: () => {}, chatDesk: { attention: false } });
  operator = await box.issueToken('op', 'operator');
  viewer = await box.issueToken('tv', 'viewer');
});

afterAll(async () => {
  for (const client of clients) client.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('box WebSocket API', () => {
  test('admin token file is owner-only and tokens are stored hashed', async () => {
    const info = await stat(box.adminTokenPath);
    expect(info.mode & 0o777).toBe(0o600);
    const tokensFile = await stat(join(dir, 'data', 'tokens.json'));
    expect(tokensFile.mode & 0o777).toBe(0o600);
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(join(dir, 'data', 'tokens.json'), 'utf8');
    expect(text).not.toContain(operator);
  });

  test('hello carries the protocol version and role; devices are listed', async () => {
    const control = await connect('/ws/control', operator);
    expect(control.messages[0]).toMatchObject({ type: 'hello', protocolVersion: 1, role: 'operator', socket: 'control' });
    const list = await control.request({ type: 'listDevices' });
    expect(list).toMatchObject({ ok: true });
    const devices = (list.result as { devices: { id: string; state: string }[] }).devices;
    expect(devices.map((d) => d.id)).toEqual(['replay-1', 'replay-2', 'replay-3']);
  });

  test('subscribe answers with a stream id, then config + key frame, then live packets', async () => {
    const stream = hub.stream('replay-1', 'grid');
    for (let i = 0; i < 13; i += 1) stream.emit();
    const media = await connect('/ws/media', viewer);
    const response = await media.request({ type: 'subscribe', deviceId: 'replay-1', profile: 'grid' });
    const { streamId } = response.result as { streamId: number };
    expect(streamId).toBeGreaterThan(0);
    await media.until(() => media.frames.length >= 4);
    // The snapshot: config first, then the key frame that started the current GOP (frame 11 of 13 with gop 10).
    expect(media.frames[0]?.header).toMatchObject({ streamId, config: true, width: 240, height: 536 });
    expect(media.frames[1]?.header.keyframe).toBe(true);
    expect(media.frames.length).toBe(4);
    const before = media.frames.length;
    for (let i = 0; i < 5; i += 1) stream.emit();
    await media.until(() => media.frames.length === before + 5);
    expect(media.frames.slice(before).every((f) => f.header.streamId === streamId && !f.header.config)).toBe(true);

    // Every viewer gets the very same bytes.
    const second = await connect('/ws/media', operator);
    const again = await second.request({ type: 'subscribe', deviceId: 'replay-1', profile: 'grid' });
    expect((again.result as { streamId: number }).streamId).toBe(streamId);
    await second.until(() => second.frames.length >= 1);
    expect(second.frames[0]?.header.config).toBe(true);
    expect(second.frames[1]?.header.keyframe).toBe(true);

    expect(stream.holds).toBe(2);
    await media.request({ type: 'unsubscribe', streamId });
    expect(stream.holds).toBe(1);
    const count = media.frames.length;
    stream.emit();
    await second.until(() => second.frames.length >= 9);
    expect(media.frames.length).toBe(count);

    // A tile shown again starts at a config + key frame, not in the middle of a GOP.
    await media.request({ type: 'subscribe', deviceId: 'replay-1', profile: 'grid' });
    await media.until(() => media.frames.length >= count + 2);
    expect(media.frames[count]?.header.config).toBe(true);
    expect(media.frames[count + 1]?.header.keyframe).toBe(true);

    // Closing a media socket releases every hold it had.
    media.close();
    second.close();
    for (let i = 0; i < 200 && stream.holds > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(stream.holds).toBe(0);
    expect(stream.listenerCount).toBe(0);
  });

  test('a burst of quick requests is answered in full (only work that waits on phones counts in flight)', async () => {
    const media = await connect('/ws/media', viewer);
    const ids = Array.from({ length: 300 }, () => media.send({ type: 'ping' }));
    await media.until(() => media.messages.filter((m) => m.type === 'response').length >= ids.length);
    expect(media.messages.filter((m) => m.type === 'response' && m.ok === true)).toHaveLength(300);
  });

  test('unknown or offline device → typed error; offline ends the stream with an event', async () => {
    const media = await connect('/ws/media', operator);
    expect(await media.request({ type: 'subscribe', deviceId: 'nope', profile: 'grid' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const sub = await media.request({ type: 'subscribe', deviceId: 'replay-3', profile: 'focus' });
    const control = await connect('/ws/control', operator);
    hub.setState('replay-3', 'offline');
    const ended = await media.waitFor((m) => m.type === 'streamEnded');
    expect(ended).toMatchObject({ streamId: (sub.result as { streamId: number }).streamId, error: { code: 'device_offline' } });
    await control.waitFor((m) => m.type === 'device' && (m.device as { state: string }).state === 'offline');
    expect(await media.request({ type: 'subscribe', deviceId: 'replay-3', profile: 'grid' })).toMatchObject({ ok: false, error: { code: 'device_offline' } });
    expect(await control.request({ type: 'text', deviceId: 'replay-3', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'device_offline' } });
    hub.setState('replay-3', 'online');
  });

  test('control requests reach DeviceControl; a viewer is forbidden', async () => {
    const control = await connect('/ws/control', operator);
    const frame = { frameWidth: 240, frameHeight: 536 };
    const calls = hub.calls.length;
    expect(await control.request({ type: 'input', deviceId: 'replay-2', input: { kind: 'tap', x: 100, y: 200, ...frame } })).toMatchObject({ ok: true });
    expect(await control.request({ type: 'input', deviceId: 'replay-2', input: { kind: 'key', action: 'press', key: 'enter' } })).toMatchObject({ ok: true });
    expect(await control.request({ type: 'text', deviceId: 'replay-2', text: '你好' })).toMatchObject({ ok: true });
    const shot = await control.request({ type: 'screenshot', deviceId: 'replay-2' });
    expect(Buffer.from((shot.result as { base64: string }).base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const made = hub.calls.slice(calls);
    // The protocol's input reaches the device side as it is; the phone's lane expands a tap into touches.
    expect(made.map((c) => c.method)).toEqual(['input', 'input', 'text', 'screenshot']);
    expect(made[0]?.input).toEqual({ kind: 'tap', x: 100, y: 200, ...frame });
    expect(made[1]?.input).toEqual({ kind: 'key', action: 'press', key: 'enter' });
    expect(made[2]?.text).toBe('你好');

    const watcher = await connect('/ws/control', viewer);
    const before = hub.calls.length;
    expect(await watcher.request({ type: 'text', deviceId: 'replay-2', text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await watcher.request({ type: 'input', deviceId: 'replay-2', input: { kind: 'back' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(hub.calls.length).toBe(before);
  });

  test('clipboard events reach operators but not viewers', async () => {
    const op = await connect('/ws/control', operator);
    const tv = await connect('/ws/control', viewer);
    hub.copyOnPhone('replay-1', '复制的文字');
    await op.waitFor((m) => m.type === 'clipboard');
    expect(op.messages.find((m) => m.type === 'clipboard')).toMatchObject({ deviceId: 'replay-1', text: '复制的文字' });
    await tv.request({ type: 'ping' });
    expect(tv.messages.some((m) => m.type === 'clipboard')).toBe(false);
  });

  test('images are pushed in chunks with progress and reach the phone intact', async () => {
    const control = await connect('/ws/control', operator);
    const files = [300_000, 5_000].map((size, i) => ({ name: `img${i}.jpg`, bytes: Buffer.alloc(size, i + 7) }));
    const begin = await control.request({ type: 'pushBegin', deviceId: 'replay-2', files: files.map((f) => ({ name: f.name, size: f.bytes.length })) });
    const { uploadId } = begin.result as { uploadId: string };
    for (const [fileIndex, file] of files.entries()) {
      for (let offset = 0; offset < file.bytes.length; offset += 120_000) {
        const data = file.bytes.subarray(offset, offset + 120_000).toString('base64');
        expect(await control.request({ type: 'pushChunk', uploadId, fileIndex, offset, data })).toMatchObject({ ok: true });
      }
    }
    const bad = await control.request({ type: 'pushChunk', uploadId, fileIndex: 0, offset: 5, data: 'AAAA' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const commit = await control.request({ type: 'pushCommit', uploadId });
    expect(commit).toMatchObject({ ok: true, result: { paths: ['/sdcard/Pictures/PhoneWall/img0.jpg', '/sdcard/Pictures/PhoneWall/img1.jpg'] } });
    const pushed = hub.calls.filter((c) => c.method === 'pushImages').at(-1);
    expect(pushed?.files?.map((f) => Buffer.from(f.bytes).equals(files.find((x) => x.name === f.name)!.bytes))).toEqual([true, true]);
    const progress = control.messages.filter((m) => m.type === 'pushProgress');
    expect(progress.some((m) => m.phase === 'upload' && m.sentBytes === 300_000)).toBe(true);
    expect(progress.some((m) => m.phase === 'device')).toBe(true);
    expect(await control.request({ type: 'pushCommit', uploadId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  test('/healthz reports counts without secrets; static files carry a strict CSP with SPA fallback', async () => {
    const health = await fetch(`${box.url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { devices: { total: number }; protocolVersion: number };
    expect(body.devices.total).toBe(3);
    expect(body.protocolVersion).toBe(1);
    expect(JSON.stringify(body)).not.toMatch(/token/i);
    const js = await fetch(`${box.url}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('content-security-policy')).toContain("script-src 'self'");
    const route = await fetch(`${box.url}/wall/focus`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>PhoneWall</title>');
    expect((await fetch(`${box.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${box.url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
  });
});
