// Security of the box's WebSocket API (reliability cases W1–W6, W9, W10) against a replayed-stream hub.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_LISTEN, startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import { encodeFixture } from '../../native-bridge/testing/h264Fixture.ts';
import type { H264Fixture } from '../../native-bridge/testing/h264Fixture.ts';
import { ReplayDeviceHub } from '../../native-bridge/testing/replayDeviceHub.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';
import { RawWsClient } from '../testing/securityRawClient.ts';

let dir: string;
let fixture: H264Fixture;
let hub: ReplayDeviceHub;
let box: RunningBox;
let admin: string;
let operator: string;
let viewer: string;
const logLines: string[] = [];
const clients: BoxTestClient[] = [];
const raws: RawWsClient[] = [];
const CAP = 256 * 1024;
const run = promisify(execFile);

async function connect(path: string, token: string) {
  const client = await BoxTestClient.connect(box.url, path, { token });
  clients.push(client);
  await client.waitFor((m) => m.type === 'hello');
  return client;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-sec-'));
  fixture = await encodeFixture({ width: 480, height: 1072, fps: 30, seconds: 2, gop: 30, noisy: true });
  hub = new ReplayDeviceHub({ devices: 2, fixtures: { grid: fixture, focus: fixture } });
  box = await startBox({
    dataDir: join(dir, 'data'),
    listen: { host: '127.0.0.1', port: 0 },
    hub,
    backpressure: { capBytes: CAP, cutAfterMs: 1_500 },
    log: (line) => logLines.push(line),
  });
  admin = (await readFile(box.adminTokenPath, 'utf8')).trim();
  operator = await box.issueToken('op', 'operator');
  viewer = await box.issueToken('tv', 'viewer');
});

afterAll(async () => {
  for (const client of clients) client.close();
  for (const raw of raws) raw.destroy();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('upgrade checks (W1–W4)', () => {
  test('W1: a foreign Origin with a valid token is refused before the socket opens, no media byte sent', async () => {
    hub.stream('replay-1', 'grid').emit();
    for (const path of ['/ws/media', '/ws/control']) {
      const result = await BoxTestClient.upgradeStatus(box.url, path, { token: admin, origin: 'http://evil.example' });
      expect(result).toEqual({ status: 403, received: 0 });
    }
    const lookalike = await BoxTestClient.upgradeStatus(box.url, '/ws/media', { token: admin, origin: `${box.url}.evil.example` });
    expect(lookalike.status).toBe(403);
    await expect(RawWsClient.open(box.port, '/ws/media', { Authorization: `Bearer ${admin}`, Origin: 'null' })).rejects.toThrow(/403/);
    const own = await BoxTestClient.upgradeStatus(box.url, '/ws/media', { token: admin, origin: box.url });
    expect(own.status).toBe(101);
  });

  test('W2: missing or wrong token → 401 on every way of sending it; valid ones open', async () => {
    expect((await BoxTestClient.upgradeStatus(box.url, '/ws/control')).status).toBe(401);
    for (const via of ['header', 'subprotocol', 'query'] as const) {
      const wrong = 'A'.repeat(43);
      expect((await BoxTestClient.upgradeStatus(box.url, '/ws/control', { token: wrong, via })).status).toBe(401);
      expect((await BoxTestClient.upgradeStatus(box.url, '/ws/control', { token: operator, via })).status).toBe(101);
    }
    const subprotocolClient = await BoxTestClient.connect(box.url, '/ws/control', { token: operator, via: 'subprotocol' });
    clients.push(subprotocolClient);
    expect(subprotocolClient.ws.protocol).toBe('phonewall.v1');
    expect(logLines.join('\n')).not.toContain(operator);
    expect(logLines.join('\n')).not.toContain(admin);
  });

  test('W2: a viewer token gets forbidden for every control action and nothing reaches the phone', async () => {
    const control = await connect('/ws/control', viewer);
    const before = hub.calls.length;
    const frame = { frameWidth: 480, frameHeight: 1072 };
    for (const message of [
      { type: 'input', deviceId: 'replay-1', input: { kind: 'tap', x: 1, y: 1, ...frame } },
      { type: 'text', deviceId: 'replay-1', text: 'hi' },
      { type: 'startApp', deviceId: 'replay-1', name: 'com.example' },
      { type: 'pushBegin', deviceId: 'replay-1', files: [{ name: 'a.png', size: 4 }] },
    ]) {
      expect(await control.request(message)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(hub.calls.length).toBe(before);
  });

  test('W3: a Host that is not on the allowlist is refused (DNS rebinding), for upgrades and HTTP', async () => {
    const result = await BoxTestClient.upgradeStatus(box.url, '/ws/control', { token: admin, host: `attacker.example:${box.port}` });
    expect(result.status).toBe(403);
    await expect(RawWsClient.open(box.port, '/ws/control', { Authorization: `Bearer ${admin}`, Host: 'attacker.example' })).rejects.toThrow();
    const ok = await BoxTestClient.upgradeStatus(box.url, '/ws/control', { token: admin, host: `localhost:${box.port}` });
    expect(ok.status).toBe(101);
  });

  test('W4: the default listen address is loopback; a LAN address without TLS is refused', async () => {
    expect(DEFAULT_LISTEN.host).toBe('127.0.0.1');
    await expect(startBox({ dataDir: join(dir, 'lan'), listen: { host: '0.0.0.0', port: 0 }, hub, log: () => {} })).rejects.toThrow(/TLS/);
  });

  test('W4: with TLS the box serves https and wss, and its own https origin is the allowed one', async () => {
    const certPath = join(dir, 'cert.pem');
    const keyPath = join(dir, 'key.pem');
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=localhost']);
    const tlsBox = await startBox({ dataDir: join(dir, 'tls'), listen: { host: '127.0.0.1', port: 0 }, hub, tls: { certPath, keyPath }, log: () => {} });
    try {
      expect(tlsBox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const token = (await readFile(tlsBox.adminTokenPath, 'utf8')).trim();
      const client = await BoxTestClient.connect(tlsBox.url, '/ws/control', { token, insecureTls: true, origin: tlsBox.url });
      clients.push(client);
      await client.waitFor((m) => m.type === 'hello');
      const plainOrigin = await BoxTestClient.upgradeStatus(tlsBox.url, '/ws/control', { token, insecureTls: true, origin: tlsBox.url.replace('https', 'http') });
      expect(plainOrigin.status).toBe(403);
    } finally {
      await tlsBox.stop();
    }
  });
});

describe('bad input (W5, W6)', () => {
  test('W5: an oversize control frame closes that socket with 1009; others unaffected; memory stable', async () => {
    const bystander = await connect('/ws/control', operator);
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 20; i += 1) {
      const client = await connect('/ws/control', operator);
      client.ws.send('x'.repeat(300 * 1024));
      await client.until(() => client.closeCode !== null);
      expect(client.closeCode).toBe(1009);
    }
    const media = await connect('/ws/media', operator);
    expect(media.ws.readyState).toBe(media.ws.OPEN);
    const big = await connect('/ws/media', operator);
    big.ws.send(JSON.stringify({ type: 'ping', id: 1, pad: 'x'.repeat(8 * 1024) }));
    await big.until(() => big.closeCode !== null);
    expect(big.closeCode).toBe(1009);
    expect(await bystander.request({ type: 'ping' })).toMatchObject({ ok: true });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  test('W6: 10,000 seeded malformed messages → 10,000 typed errors, 0 calls to the phone, video keeps flowing', async () => {
    const control = await connect('/ws/control', operator);
    const media = await connect('/ws/media', operator);
    const stream = hub.stream('replay-2', 'grid');
    const sub = await media.request({ type: 'subscribe', deviceId: 'replay-2', profile: 'grid' });
    expect(sub).toMatchObject({ ok: true });
    await media.until(() => media.frames.length >= 1);
    const framesBefore = media.frames.length;
    const callsBefore = hub.calls.length;

    let seed = 0x5eed;
    const random = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (n: number) => Math.floor(random() * n);
    const frame = { frameWidth: 480, frameHeight: 1072 };
    const valid = (id: number) => JSON.stringify({ type: 'input', id, deviceId: 'replay-2', input: { kind: 'tap', x: 10, y: 10, ...frame } });
    const makers: ((id: number) => string | Buffer)[] = [
      () => Buffer.from(Array.from({ length: 1 + int(200) }, () => int(256))),
      (id) => valid(id).slice(0, 1 + int(valid(id).length - 2)),
      (id) => JSON.stringify({ type: ['format', 'shell', 'exec', '__proto__', ''][int(5)], id }),
      (id) => JSON.stringify({ type: 'pushBegin', id, deviceId: 'replay-2', files: [{ name: 'a.png', size: 2 ** (33 + int(20)) }] }),
      (id) => JSON.stringify({ type: 'pushChunk', id, uploadId: 'u1', fileIndex: 2 ** 31, offset: -1, data: 'AAAA' }),
      (id) => JSON.stringify({ type: 'text', id, deviceId: 'replay-2', text: '字'.repeat(5001 + int(3000)) }),
      (id) => JSON.stringify({ type: 'input', id, deviceId: 'replay-2', input: { kind: 'tap', x: 480 + int(10_000), y: 5, ...frame } }),
      (id) => JSON.stringify({ type: 'input', id, deviceId: 'replay-2', input: { kind: 'touch', action: 'down', pointerId: 0, x: -1 - int(5), y: 5, ...frame } }),
      (id) => JSON.stringify({ type: 'input', id, deviceId: 'replay-2', input: { kind: 'tap', x: 1.5, y: 5, frameWidth: 1e9, frameHeight: 5 } }),
      (id) => JSON.stringify({ type: 'input', id, deviceId: 'replay-2', input: { kind: 'key', action: 'press', key: 99_999 } }),
      (id) => JSON.stringify({ type: 'input', id, deviceId: 'replay-2', input: { kind: 'raw', bytes: [2, 0, 0] } }),
      (id) => JSON.stringify({ type: 'startApp', id, deviceId: 'replay-2', name: 'x; reboot' }),
      (id) => JSON.stringify({ type: 'input', id, deviceId: '../../etc', input: { kind: 'back' } }),
      () => JSON.stringify({ type: 'ping', id: -int(100) - 1 }),
      () => String.fromCharCode(...Array.from({ length: int(60) }, () => 32 + int(90))),
      () => JSON.stringify([1, 2, 3]),
      (id) => `{"type":"input","id":${id},"deviceId":"replay-2","input":{"kind":"tap","x":1e400,"y":1,"frameWidth":4,"frameHeight":4}}`,
    ];
    const total = 10_000;
    for (let i = 0; i < total; i += 1) {
      const payload = makers[int(makers.length)]!(100_000 + i);
      control.ws.send(payload, { binary: Buffer.isBuffer(payload) });
      if (i % 250 === 0) {
        stream.emit();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const emitted = Math.ceil(total / 250);
    const isResponse = (m: { type: string }) => m.type === 'response';
    await control.until(() => control.messages.filter(isResponse).length >= total, 50_000);
    const responses = control.messages.filter(isResponse);
    expect(responses.length).toBe(total);
    expect(responses.every((m) => m.ok === false && typeof (m.error as { code: string }).code === 'string')).toBe(true);
    const codes = new Set(responses.map((m) => (m.error as { code: string }).code));
    expect([...codes].every((code) => ['bad_request', 'unknown_type', 'too_large'].includes(code))).toBe(true);
    expect(hub.calls.length).toBe(callsBefore);
    await media.until(() => media.frames.length >= framesBefore + emitted);
    expect(media.frames.length - framesBefore).toBeGreaterThanOrEqual(emitted);
    expect(control.closeCode).toBeNull();
    expect(await control.request({ type: 'input', deviceId: 'replay-2', input: { kind: 'back' } })).toMatchObject({ ok: true });
    expect(hub.calls.length).toBe(callsBefore + 1);
  }, 90_000);
});

describe('slow viewer (W9)', () => {
  test('a viewer that stops reading drops to key frames and is cut; the others get every frame', async () => {
    const stream = hub.stream('replay-1', 'focus');
    expect(stream.emitted).toBe(0);
    const normal = [await connect('/ws/media', viewer), await connect('/ws/media', operator)];
    for (const client of normal) expect(await client.request({ type: 'subscribe', deviceId: 'replay-1', profile: 'focus' })).toMatchObject({ ok: true });
    const slow = await RawWsClient.open(box.port, '/ws/media', { Authorization: `Bearer ${viewer}` });
    raws.push(slow);
    slow.sendText(JSON.stringify({ type: 'subscribe', id: 1, deviceId: 'replay-1', profile: 'focus' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    slow.stopReading();
    const mediaBefore = box.clientCount().media;

    let emittedBytes = 0;
    const deadline = Date.now() + 40_000;
    while (box.clientCount().media === mediaBefore && Date.now() < deadline) {
      emittedBytes += stream.emit().data.byteLength;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(box.clientCount().media).toBe(mediaBefore - 1);
    for (let i = 0; i < 10; i += 1) stream.emit();
    const frameCount = (client: BoxTestClient) => client.frames.filter((f) => !f.header.config).length;
    for (const client of normal) {
      await client.until(() => frameCount(client) >= stream.emitted);
      expect(frameCount(client)).toBe(stream.emitted);
      expect(client.closeCode).toBeNull();
    }
    expect(stream.keyFrameRequests).toBeGreaterThan(0);
    slow.resumeReading();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slow.received).toBeLessThan(emittedBytes);
  }, 60_000);
});

describe('liveness (W10)', () => {
  test('a peer that stops answering pings is cut within two intervals', async () => {
    const liveBox = await startBox({
      dataDir: join(dir, 'live'), listen: { host: '127.0.0.1', port: 0 }, hub: new ReplayDeviceHub({ devices: 1, fixtures: { grid: fixture, focus: fixture } }),
      pingIntervalMs: 200, log: () => {},
    });
    try {
      const token = (await readFile(liveBox.adminTokenPath, 'utf8')).trim();
      const healthy = await BoxTestClient.connect(liveBox.url, '/ws/control', { token });
      clients.push(healthy);
      const dead = await RawWsClient.open(liveBox.port, '/ws/control', { Authorization: `Bearer ${token}` });
      raws.push(dead);
      expect(liveBox.clientCount().control).toBe(2);
      const deadline = Date.now() + 20_000;
      while (liveBox.clientCount().control > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(liveBox.clientCount().control).toBe(1);
      expect(healthy.closeCode).toBeNull();
    } finally {
      await liveBox.stop();
    }
  });
});
