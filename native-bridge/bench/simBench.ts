// `npm run bench:sim`: CPU per simulated phone (idle and while the screen changes) and bytes/s per grid stream.
import { pathToFileURL } from 'node:url';
import { AndroidMotionEventAction } from '@yume-chan/scrcpy';
import type { Adb } from '@yume-chan/adb';
import { startSimFarm } from '../simphone/simFarm.ts';
import { cpuBetween, sampleCpu } from './processCpu.ts';
import { connectAdb, pushServerJar, ScrcpyProbe } from './scrcpyProbe.ts';

export interface SimBenchOptions {
  phones: number;
  seconds: number;
  maxSize: number;
  maxFps: number;
  bitRate: number;
}

export interface PhaseResult {
  phase: string;
  nodeCpuPerPhone: number;
  ffmpegCpuPerPhone: number;
  framesPerSecond: number;
  kbitPerSecond: number;
}

interface Viewer {
  adb: Adb;
  probe: ScrcpyProbe;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(phase: string, viewers: Viewer[], seconds: number, during?: () => Promise<void>): Promise<PhaseResult> {
  const frames = () => viewers.reduce((sum, viewer) => sum + viewer.probe.frames().length, 0);
  const bytes = () => viewers.reduce((sum, viewer) => sum + viewer.probe.videoBytes, 0);
  const startFrames = frames();
  const startBytes = bytes();
  const before = sampleCpu();
  const started = performance.now();
  let running = true;
  const load = during
    ? (async () => {
        while (running) await during();
      })()
    : Promise.resolve();
  await sleep(seconds * 1000);
  running = false;
  await load;
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuBetween(before, sampleCpu());
  const n = viewers.length;
  return {
    phase,
    nodeCpuPerPhone: (100 * cpu.self) / elapsed / n,
    ffmpegCpuPerPhone: (100 * cpu.children) / elapsed / n,
    framesPerSecond: (frames() - startFrames) / elapsed / n,
    kbitPerSecond: ((bytes() - startBytes) * 8) / 1000 / elapsed / n,
  };
}

/** One drag step on every phone's chat list: alternately up and down so the list keeps moving. */
function dragLoad(viewers: Viewer[], fps: number): () => Promise<void> {
  let step = 0;
  return async () => {
    const direction = Math.floor(step / 8) % 2 === 0 ? -1 : 1;
    const phase = step % 8;
    step += 1;
    await Promise.all(viewers.map(async ({ probe }) => {
      const width = probe.metadata?.width ?? 0;
      const height = probe.metadata?.height ?? 0;
      const action = phase === 0 ? AndroidMotionEventAction.Down : phase === 7 ? AndroidMotionEventAction.Up : AndroidMotionEventAction.Move;
      const y = Math.round(height * (0.5 + direction * (phase - 3.5) * 0.03));
      await probe.controller.injectTouch({ action, pointerId: 1n, pointerX: Math.round(width / 2), pointerY: y, videoWidth: width, videoHeight: height, pressure: 1, actionButton: 0, buttons: 0 });
    }));
    await sleep(1000 / fps);
  };
}

export async function runSimBench(options: SimBenchOptions): Promise<PhaseResult[]> {
  const farm = await startSimFarm({ count: options.phones });
  const viewers: Viewer[] = [];
  try {
    for (const phone of farm.phones) {
      const adb = await connectAdb(phone.port);
      await pushServerJar(adb);
      await adb.subprocess.noneProtocol.spawnWaitText('monkey -p com.phonewall.chat 1');
      const probe = await ScrcpyProbe.start(adb, { scid: '1', maxSize: options.maxSize, maxFps: options.maxFps, videoBitRate: options.bitRate });
      viewers.push({ adb, probe });
    }
    for (const { probe } of viewers) await probe.waitFor((p) => p.frames().length > 0, 'first frame', 60_000);
    await sleep(1000);
    const results = [await measure('idle (no screen change)', viewers, options.seconds)];
    results.push(await measure('chat list dragged', viewers, options.seconds, dragLoad(viewers, options.maxFps)));
    return results;
  } finally {
    for (const { adb, probe } of viewers) {
      await probe.close();
      await adb.close().catch(() => undefined);
    }
    await farm.stop();
  }
}

export function formatResults(options: SimBenchOptions, results: PhaseResult[]): string {
  const header = `simulated phones: ${options.phones}, grid stream max_size=${options.maxSize} max_fps=${options.maxFps} video_bit_rate=${options.bitRate}`;
  const note = 'CPU in % of one core per phone; "node" is this process (phones + their Tango viewers), "ffmpeg" the encoders';
  const rows = results.map((r) =>
    [r.phase.padEnd(26), r.nodeCpuPerPhone.toFixed(1).padStart(8), r.ffmpegCpuPerPhone.toFixed(1).padStart(10), (r.nodeCpuPerPhone + r.ffmpegCpuPerPhone).toFixed(1).padStart(9), r.framesPerSecond.toFixed(1).padStart(10), r.kbitPerSecond.toFixed(1).padStart(10)].join(' '),
  );
  return [header, note, `${'phase'.padEnd(26)} ${'node %'.padStart(8)} ${'ffmpeg %'.padStart(10)} ${'total %'.padStart(9)} ${'frames/s'.padStart(10)} ${'kbit/s'.padStart(10)}`, ...rows].join('\n');
}

function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function main(): Promise<void> {
  const options: SimBenchOptions = {
    phones: numberArg('phones', 4),
    seconds: numberArg('seconds', 8),
    maxSize: numberArg('max-size', 480),
    maxFps: numberArg('max-fps', 15),
    bitRate: numberArg('bit-rate', 800_000),
  };
  console.log(formatResults(options, await runSimBench(options)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
