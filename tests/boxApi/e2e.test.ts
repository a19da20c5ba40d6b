// End to end: a box with 4 simulated phones, driven only through its WebSocket API like a console would.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import type { DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import type { MediaFrame } from '../../native-bridge/protocol/mediaFrame.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';

const run = promisify(execFile);
const PROFILE_MAX = { grid: 480, focus: 1280 } as const;

let dir: string;
let box: RunningBox;
let control: BoxTestClient;
let media: BoxTestClient;
let devices: { id: string; width: number; height: number; state: string }[];
const streams = new Map<string, number>();
const clients: BoxTestClient[] = [];

function phone(index: number) {
  const hub = box.hub as DeviceHubWithDiagnostics;
  const sim = hub.simulatedPhones().find((p) => p.inspect().serial === devices[index]!.id);
  if (!sim) throw new Error(`no simulated phone for ${devices[index]!.id}`);
  return sim;
}

function framesOf(client: BoxTestClient, streamId: number): MediaFrame[] {
  return client.frames.filter((frame) => frame.header.streamId === streamId);
}

/** The current frame size of a stream, from its last config packet. */
function frameSize(streamId: number): { frameWidth: number; frameHeight: number } {
  const config = framesOf(media, streamId).filter((f) => f.header.config).at(-1);
  if (!config) throw new Error('no config yet');
  return { frameWidth: config.header.width, frameHeight: config.header.height };
}

/** Center of the view whose resource-id ends with `suffix`, in physical pixels. */
function centerOf(xml: string, suffix: string): { x: number; y: number } {
  const pattern = new RegExp(`resource-id="[^"]*${suffix}"[^>]*bounds="\\[(\\d+),(\\d+)\\]\\[(\\d+),(\\d+)\\]"`);
  const match = pattern.exec(xml);
  if (!match) throw new Error(`no view ${suffix} on screen`);
  const [x1, y1, x2, y2] = match.slice(1).map(Number) as [number, number, number, number];
  return { x: Math.round((x1 + x2) / 2), y: Math.round((y1 + y2) / 2) };
}

async function tapView(deviceIndex: number, suffix: string): Promise<void> {
  const device = devices[deviceIndex]!;
  const dump = await control.request({ type: 'uiDump', deviceId: device.id });
  const { x, y } = centerOf((dump.result as { xml: string }).xml, suffix);
  const frame = frameSize(streams.get(`${device.id}/grid`)!);
  const input = { kind: 'tap', x: Math.floor((x * frame.frameWidth) / device.width), y: Math.floor((y * frame.frameHeight) / device.height), ...frame };
  expect(await control.request({ type: 'input', deviceId: device.id, input })).toMatchObject({ ok: true });
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-e2e-'));
  box = await startBox({ dataDir: join(dir, 'data'), listen: { host: '127.0.0.1', port: 0 }, simulate: 4, adbServer: null, log: () => {} });
  const operator = await box.issueToken('operator', 'operator');
  control = await BoxTestClient.connect(box.url, '/ws/control', { token: operator });
  media = await BoxTestClient.connect(box.url, '/ws/media', { token: operator });
  clients.push(control, media);
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('box end to end with 4 simulated phones', () => {
  test('an operator lists 4 online phones and watches 4 grid + 1 focus streams that ffmpeg decodes at the profile sizes', async () => {
    expect(control.messages[0]).toMatchObject({ type: 'hello', role: 'operator', protocolVersion: 1 });
    const list = await control.request({ type: 'listDevices' });
    devices = (list.result as { devices: typeof devices }).devices;
    expect(devices).toHaveLength(4);
    expect(devices.every((d) => d.state === 'online')).toBe(true);

    const wanted = [...devices.map((d) => ({ deviceId: d.id, profile: 'grid' as const })), { deviceId: devices[0]!.id, profile: 'focus' as const }];
    for (const { deviceId, profile } of wanted) {
      const response = await media.request({ type: 'subscribe', deviceId, profile }, 30_000);
      expect(response).toMatchObject({ ok: true, result: { deviceId, profile } });
      streams.set(`${deviceId}/${profile}`, (response.result as { streamId: number }).streamId);
    }
    expect(new Set(streams.values()).size).toBe(5);
    for (const streamId of streams.values()) {
      await media.until(() => framesOf(media, streamId).some((f) => !f.header.config && f.header.keyframe), 30_000);
    }

    for (const { deviceId, profile } of wanted) {
      const frames = framesOf(media, streams.get(`${deviceId}/${profile}`)!);
      expect(frames[0]?.header.config).toBe(true);
      const { width, height } = frames[0]!.header;
      const device = devices.find((d) => d.id === deviceId)!;
      expect(Math.max(width, height)).toBeLessThanOrEqual(PROFILE_MAX[profile]);
      expect(Math.max(width, height)).toBeGreaterThanOrEqual(Math.min(PROFILE_MAX[profile], Math.max(device.width, device.height)) - 16);
      const file = join(dir, `${deviceId}-${profile}.h264`);
      await writeFile(file, Buffer.concat(frames.map((f) => f.payload)));
      const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,nb_read_frames', '-of', 'json', file]);
      const probed = (JSON.parse(stdout) as { streams: { width: number; height: number; nb_read_frames: string }[] }).streams[0]!;
      expect({ width: probed.width, height: probed.height }).toEqual({ width, height });
      expect(Number(probed.nb_read_frames)).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);

  test("a tap on phone 2's first chat row opens that chat and new frames arrive", async () => {
    const sim = phone(1);
    await tapView(1, 'launcher_app_chat');
    await until(() => sim.inspect().screen === 'chatList', 'chat list on phone 2');
    const firstChat = sim.inspect().chats[0]!.id;
    const streamId = streams.get(`${devices[1]!.id}/grid`)!;
    const before = framesOf(media, streamId).length;
    await tapView(1, `chat_row_${firstChat}`);
    await until(() => sim.inspect().openChatId === firstChat, 'chat opened on phone 2');
    await media.until(() => framesOf(media, streamId).length > before, 20_000);
    expect(sim.inspect().taps.at(-1)?.view).toContain(`chat_row_${firstChat}`);
  }, 60_000);

  test('Chinese text reaches phone 3 exactly', async () => {
    const sim = phone(2);
    await tapView(2, 'launcher_app_chat');
    await until(() => sim.inspect().screen === 'chatList', 'chat list on phone 3');
    await tapView(2, `chat_row_${sim.inspect().chats[1]!.id}`);
    await until(() => sim.inspect().openChatId !== null, 'chat opened on phone 3');
    const text = '您好！订单已发货，预计明天（周三）送达。Thanks 😊';
    expect(await control.request({ type: 'text', deviceId: devices[2]!.id, text }, 30_000)).toMatchObject({ ok: true });
    await until(() => sim.inspect().inputText === text, 'text typed on phone 3');
    expect(sim.inspect().inputText).toBe(text);
  }, 60_000);

  test('3 images pushed to phone 4 appear in its gallery', async () => {
    const files: { name: string; bytes: Buffer }[] = [];
    for (const [i, color] of ['red', 'green', 'blue'].entries()) {
      const path = join(dir, `img${i}.png`);
      await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `color=${color}:s=320x240`, '-frames:v', '1', path]);
      files.push({ name: `post-${i}.png`, bytes: await readFile(path) });
    }
    const deviceId = devices[3]!.id;
    const begin = await control.request({ type: 'pushBegin', deviceId, files: files.map((f) => ({ name: f.name, size: f.bytes.length })) });
    const { uploadId } = begin.result as { uploadId: string };
    for (const [fileIndex, file] of files.entries()) {
      expect(await control.request({ type: 'pushChunk', uploadId, fileIndex, offset: 0, data: file.bytes.toString('base64') })).toMatchObject({ ok: true });
    }
    const commit = await control.request({ type: 'pushCommit', uploadId }, 60_000);
    expect(commit).toMatchObject({ ok: true });
    const paths = (commit.result as { paths: string[] }).paths;
    expect(paths).toHaveLength(3);
    const gallery = phone(3).inspect().gallery;
    for (const path of paths) expect(gallery).toContain(path);
    expect(control.messages.some((m) => m.type === 'pushProgress' && m.uploadId === uploadId)).toBe(true);
  }, 60_000);

  test('a screenshot is a valid PNG of the phone', async () => {
    const response = await control.request({ type: 'screenshot', deviceId: devices[0]!.id }, 30_000);
    const png = Buffer.from((response.result as { base64: string }).base64, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const file = join(dir, 'shot.png');
    await writeFile(file, png);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height,codec_name', '-of', 'json', file]);
    expect(JSON.parse(stdout).streams[0]).toEqual({ codec_name: 'png', width: devices[0]!.width, height: devices[0]!.height });
  }, 60_000);

  test('a second viewer gets its first frame from the GOP cache, without a new phone session', async () => {
    const hub = box.hub as DeviceHubWithDiagnostics;
    const deviceId = devices[0]!.id;
    const sessionsBefore = hub.sessionStarts(deviceId, 'grid');
    const operator = await box.issueToken('second', 'viewer');
    const second = await BoxTestClient.connect(box.url, '/ws/media', { token: operator });
    clients.push(second);
    const started = performance.now();
    const response = await second.request({ type: 'subscribe', deviceId, profile: 'grid' });
    const streamId = (response.result as { streamId: number }).streamId;
    expect(streamId).toBe(streams.get(`${deviceId}/grid`));
    await second.until(() => framesOf(second, streamId).some((f) => f.header.keyframe));
    const firstFrameMs = performance.now() - started;
    const frames = framesOf(second, streamId);
    expect(frames[0]?.header.config).toBe(true);
    expect(frames[1]?.header.keyframe).toBe(true);
    expect(hub.sessionStarts(deviceId, 'grid')).toBe(sessionsBefore);
    console.log(`second viewer: first frame after ${firstFrameMs.toFixed(1)} ms (from the GOP cache)`);
  }, 60_000);
});
