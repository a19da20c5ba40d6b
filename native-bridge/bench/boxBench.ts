// `npm run bench:box`: replayed H.264 streams through the real relay and server; prints CPU, latency and memory.
import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { startBox } from '../box.ts';
import type { VideoPacket } from '../base/deviceHub.ts';
import { decodeMediaFrame } from '../protocol/mediaFrame.ts';
import { MediaFramer } from '../relay/mediaFramer.ts';
import { encodeFixture } from '../testing/h264Fixture.ts';
import type { H264Fixture } from '../testing/h264Fixture.ts';
import { ReplayDeviceHub } from '../testing/replayDeviceHub.ts';

interface ViewerReport {
  firstFrameMs: number[];
  frames: number;
}

const WARMUP_MS = 1_500;
const WINDOW_MS = 4_000;

/** A full GC before reading RSS, so the per-device figure is not GC timing noise. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Opens one media socket subscribed to every device's grid stream; records subscribe → first key frame times. */
async function openViewer(url: string, token: string, deviceIds: string[], report: ViewerReport, firstFrameMs: number[]): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws/media`, ['phonewall.v1'], { headers: { authorization: `Bearer ${token}` } });
  const started = new Map<number, number>();
  const pending = new Map<number, number>();
  ws.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) {
      // The subscribe response always precedes the stream's first frame on the socket.
      const message = JSON.parse(data.toString()) as { type: string; id?: number; ok?: boolean; result?: { streamId: number } };
      if (message.type === 'response' && message.ok && message.result && typeof message.id === 'number' && pending.has(message.id)) {
        started.set(message.result.streamId, pending.get(message.id)!);
        pending.delete(message.id);
      }
      return;
    }
    const decoded = decodeMediaFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (!decoded.ok) return;
    report.frames += 1;
    const { header } = decoded.frame;
    if (header.keyframe && started.has(header.streamId)) {
      firstFrameMs.push(performance.now() - started.get(header.streamId)!);
      started.delete(header.streamId);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  deviceIds.forEach((deviceId, index) => {
    pending.set(index + 1, performance.now());
    ws.send(JSON.stringify({ type: 'subscribe', id: index + 1, deviceId, profile: 'grid' }));
  });
  return ws;
}

/** Child process: `viewers` media sockets on every stream; on `join`, one more viewer joins the running streams. */
async function runViewers(url: string, token: string, deviceIds: string[], viewers: number): Promise<void> {
  const report: ViewerReport = { firstFrameMs: [], frames: 0 };
  const sockets: WebSocket[] = [];
  const coldStart: number[] = [];
  for (let v = 0; v < viewers; v += 1) sockets.push(await openViewer(url, token, deviceIds, report, coldStart));
  process.send?.({ type: 'ready' });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'reset') report.frames = 0;
    if (message.type === 'report') {
      const framesInWindow = report.frames;
      const joined: ViewerReport = { firstFrameMs: [], frames: 0 };
      void openViewer(url, token, deviceIds, joined, report.firstFrameMs).then((ws) => {
        sockets.push(ws);
        const wait = setInterval(() => {
          if (process.env.PHONEWALL_BENCH_DEBUG) console.error(`joined: ${report.firstFrameMs.length}/${deviceIds.length}`);
          if (report.firstFrameMs.length < deviceIds.length) return;
          clearInterval(wait);
          process.send?.({ type: 'report', report: { ...report, frames: framesInWindow } });
          for (const socket of sockets) socket.terminate();
          setTimeout(() => process.exit(0), 50);
        }, 5);
      });
    }
  });
}

async function runScenario(fixture: H264Fixture, streams: number, viewers: number) {
  const dir = await mkdtemp(join(tmpdir(), 'phonewall-bench-'));
  const hub = new ReplayDeviceHub({ devices: streams, fixtures: { grid: fixture, focus: fixture }, autoplay: true });
  const relayNs: bigint[] = [];
  let measuring = false;
  const onPacketSent = (packet: VideoPacket) => {
    if (measuring && packet.type === 'frame') relayNs.push(process.hrtime.bigint() - packet.receivedAtNs);
  };
  collectGarbage();
  const rssBefore = process.memoryUsage().rss;
  const box = await startBox({ dataDir: dir, listen: { host: '127.0.0.1', port: 0 }, hub, onPacketSent, log: () => {} });
  const token = (await readFile(box.adminTokenPath, 'utf8')).trim();
  const deviceIds = hub.list().map((d) => d.id);
  const child = fork(import.meta.filename, ['--viewers', JSON.stringify({ url: box.url, token, deviceIds, viewers })], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const fromChild = (type: string) => new Promise<{ report?: ViewerReport }>((resolve) => {
    const on = (message: { type: string; report?: ViewerReport }) => {
      if (message.type === type) {
        child.off('message', on);
        resolve(message);
      }
    };
    child.on('message', on);
  });
  await fromChild('ready');

  const control = new WebSocket(`${box.url.replace(/^http/, 'ws')}/ws/control`, { headers: { authorization: `Bearer ${token}` } });
  await new Promise((resolve) => control.once('open', resolve));
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));

  measuring = true;
  child.send({ type: 'reset' });
  const emittedBefore = [...hub.streams.values()].reduce((sum, s) => sum + s.emitted, 0);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const inputSent = new Map<number, bigint>();
  let inputId = 0;
  const inputTimer = setInterval(() => {
    inputId += 1;
    inputSent.set(inputId, process.hrtime.bigint());
    const input = { kind: 'touch', action: 'down', pointerId: 0, x: inputId % 400, y: 100, frameWidth: fixture.width, frameHeight: fixture.height };
    control.send(JSON.stringify({ type: 'input', id: inputId, deviceId: deviceIds[inputId % deviceIds.length], input }));
  }, 20);
  const callsBefore = hub.calls.length;
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  clearInterval(inputTimer);
  const cpu = process.cpuUsage(cpuBefore);
  const wall = performance.now() - wallBefore;
  measuring = false;
  collectGarbage();
  const rss = process.memoryUsage().rss;
  const emitted = [...hub.streams.values()].reduce((sum, s) => sum + s.emitted, 0) - emittedBefore;
  child.send({ type: 'report' });
  const { report } = await fromChild('report');
  await new Promise((resolve) => child.once('exit', resolve));
  const inputMs = hub.calls.slice(callsBefore).map((call, index) => {
    const sent = inputSent.get(index + 1);
    return sent === undefined ? Number.NaN : Number(call.atNs - sent) / 1e6;
  }).filter((ms) => Number.isFinite(ms));
  control.terminate();
  await box.stop();
  await rm(dir, { recursive: true, force: true });
  const relayUs = relayNs.map((ns) => Number(ns) / 1e3);
  return {
    streams,
    viewers,
    cpuPerStreamPct: (((cpu.user + cpu.system) / 1e3 / wall) * 100) / streams,
    relayP50Us: percentile(relayUs, 50),
    relayP99Us: percentile(relayUs, 99),
    inputP99Ms: percentile(inputMs, 99),
    firstFrameP50Ms: percentile(report?.firstFrameMs ?? [], 50),
    firstFrameP99Ms: percentile(report?.firstFrameMs ?? [], 99),
    rssPerDeviceMb: (rss - rssBefore) / 1024 / 1024 / streams,
    delivered: `${report?.frames ?? 0}/${emitted * viewers}`,
  };
}

/**
 * What the two ways of sending header + payload cost per packet and viewer: one pre-framed buffer (one copy per
 * packet, shared by all viewers) or the header and the payload as two WebSocket fragments (no copy, two frames).
 */
async function sendStrategyCost(fixture: H264Fixture, viewers: number): Promise<{ preFramedNs: number; fragmentsNs: number }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;
  const sockets: WebSocket[] = [];
  const accepted = new Promise<void>((resolve) => {
    server.on('connection', (ws) => {
      sockets.push(ws);
      if (sockets.length === viewers) resolve();
    });
  });
  const clients = Array.from({ length: viewers }, () => new WebSocket(`ws://127.0.0.1:${port}`));
  let received = 0;
  for (const client of clients) client.on('message', () => (received += 1));
  await accepted;
  const packets: VideoPacket[] = fixture.units.map((unit, i) => ({ type: 'frame', keyframe: unit.keyframe, pts: BigInt(i), data: unit.data, receivedAtNs: 0n }));
  const rounds = 10;
  const drain = async (expected: number) => {
    while (received < expected) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  let sentCount = 0;
  const time = async (sendOne: (packet: VideoPacket, framer: MediaFramer) => void) => {
    let total = 0n;
    for (let round = 0; round < rounds; round += 1) {
      const framer = new MediaFramer(1);
      const batch = packets.map((packet) => ({ ...packet }));
      const started = process.hrtime.bigint();
      for (const packet of batch) sendOne(packet, framer);
      total += process.hrtime.bigint() - started;
      sentCount += batch.length * viewers;
      await drain(sentCount);
    }
    return Number(total) / (rounds * packets.length * viewers);
  };
  const header = new Uint8Array(16);
  const preFramedNs = await time((packet, framer) => {
    for (const ws of sockets) ws.send(framer.frame(packet));
  });
  const fragmentsNs = await time((packet) => {
    for (const ws of sockets) {
      ws.send(header, { binary: true, fin: false });
      ws.send(packet.data, { binary: true, fin: true });
    }
  });
  for (const client of clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
  return { preFramedNs, fragmentsNs };
}

async function main(): Promise<void> {
  const viewerArg = process.argv.indexOf('--viewers');
  if (viewerArg >= 0) {
    const { url, token, deviceIds, viewers } = JSON.parse(process.argv[viewerArg + 1] ?? '{}') as { url: string; token: string; deviceIds: string[]; viewers: number };
    await runViewers(url, token, deviceIds, viewers);
    return;
  }
  console.log('encoding the replay fixture (480x1072, 15 fps, ffmpeg/libx264)…');
  const fixture = await encodeFixture({ width: 480, height: 1072, fps: 15, seconds: 4, gop: 30 });
  const averageBytes = fixture.units.reduce((sum, unit) => sum + unit.data.length, 0) / fixture.units.length;
  console.log(`fixture: ${fixture.units.length} access units, ${(averageBytes / 1024).toFixed(1)} KiB average, ${((averageBytes * 8 * fixture.fps) / 1e6).toFixed(2)} Mbit/s`);
  const strategy = await sendStrategyCost(fixture, 3);
  console.log(
    `send cost per packet and viewer (3 viewers): pre-framed shared buffer ${(strategy.preFramedNs / 1000).toFixed(2)} µs, ` +
      `header + payload as two fragments ${(strategy.fragmentsNs / 1000).toFixed(2)} µs`,
  );
  const rows = [];
  // PHONEWALL_BENCH_SCENARIOS="8x1,64x3" runs a subset.
  const scenarios = (process.env.PHONEWALL_BENCH_SCENARIOS ?? '8x1,8x3,32x1,32x3,64x1,64x3').split(',').map((item) => item.split('x').map(Number) as [number, number]);
  for (const [streams, viewers] of scenarios) {
    {
      const row = await runScenario(fixture, streams, viewers);
      rows.push(row);
      console.log(`  done: ${streams} streams × ${viewers} viewers`);
    }
  }
  console.table(
    rows.map((r) => ({
      streams: r.streams,
      viewers: r.viewers,
      'CPU %/stream': r.cpuPerStreamPct.toFixed(3),
      'relay p50 µs': r.relayP50Us.toFixed(0),
      'relay p99 µs': r.relayP99Us.toFixed(0),
      'input p99 ms': r.inputP99Ms.toFixed(2),
      'join first frame p50 ms': r.firstFrameP50Ms.toFixed(1),
      'join first frame p99 ms': r.firstFrameP99Ms.toFixed(1),
      'RSS MiB/device': r.rssPerDeviceMb.toFixed(2),
      'frames received/sent': r.delivered,
    })),
  );
  console.log('CPU is the box process (relay, server, replaying sources, one input client) as % of one core; viewers run in a child process.');
  console.log('relay: device packet in → handed to ws.send; input: WS message sent → DeviceControl.input called.');
  console.log('join first frame: a new viewer subscribing to running streams → its first key frame (from the GOP cache).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
