// Processes and readers for the killed-box test: a sim farm process, box processes, phone inspection, job logs.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseBoxReady } from '../../native-bridge/protocol/boxReady.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const simCli = fileURLToPath(new URL('../../native-bridge/simphone/cli.ts', import.meta.url));
const boxEntry = fileURLToPath(new URL('./pacedBoxProcess.ts', import.meta.url));

/** Small deterministic generator (mulberry32): the kill moments are reproducible from the printed seed. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A child process whose output is kept (last lines) and whose exit can be awaited. */
export class Child {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private partial = '';

  constructor(readonly process: ChildProcess) {
    const keep = (chunk: Buffer) => {
      const parts = (this.partial + chunk.toString('utf8')).split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
      if (this.lines.length > 400) this.lines.splice(0, this.lines.length - 400);
    };
    process.stdout?.on('data', keep);
    process.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => process.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** SIGTERM, then SIGKILL if it has not exited in time. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  async kill9(): Promise<void> {
    if (this.running) this.process.kill('SIGKILL');
    await this.exited;
  }

  tail(count = 30): string {
    return this.lines.slice(-count).join('\n');
  }
}

function spawnTs(script: string, args: string[]): Child {
  return new Child(spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }));
}

export interface FarmPhone {
  index: number;
  adb: string;
  serial: string;
  inspectUrl: string;
}

/** `npm run sim` in its own process (ephemeral ports, no customer traffic); resolves once every phone is listed. */
export async function startSimFarm(count: number): Promise<{ child: Child; phones: FarmPhone[] }> {
  const child = spawnTs(simCli, ['--count', String(count), '--customer-interval-ms', '0']);
  const pattern = /^sim (\d+) adb (\S+) serial (\S+) model .* inspect (\S+)$/;
  try {
    const phones = await until(async () => {
      if (!child.running) throw new Error(`the sim farm exited:\n${child.tail()}`);
      const listed = child.lines.map((line) => pattern.exec(line)).filter((m): m is RegExpExecArray => m !== null);
      return listed.length >= count ? listed.map((m) => ({ index: Number(m[1]), adb: m[2]!, serial: m[3]!, inspectUrl: m[4]! })) : null;
    }, 'sim phones listed', 60_000, 100);
    return { child, phones };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

export interface BoxProcess {
  child: Child;
  url: string;
  token: string;
  control: BoxTestClient;
}

/** The box (its own command line through the test entry) on a data folder; resolves once all phones are online. */
export async function startBoxProcess(options: { dataDir: string; jarPath: string; phones: FarmPhone[] }): Promise<BoxProcess> {
  const connect = options.phones.flatMap((phone) => ['--connect', phone.adb]);
  const child = spawnTs(boxEntry, ['--no-adb', '--listen', '127.0.0.1:0', '--data', options.dataDir, '--scrcpy-server', options.jarPath, '--time-zone', 'UTC', ...connect]);
  try {
    const ready = await until(async () => {
      if (!child.running) throw new Error(`the box exited:\n${child.tail()}`);
      return child.lines.map((line) => parseBoxReady(line)).find((ready) => ready !== null);
    }, 'the box announcing it is ready', 60_000, 100);
    const token = (await readFile(ready.adminTokenPath, 'utf8')).trim();
    const url = ready.url;
    const control = await BoxTestClient.connect(url, '/ws/control', { token });
    await until(async () => {
      const { devices } = (await control.request({ type: 'listDevices' })).result as { devices: { state: string }[] };
      return devices.filter((d) => d.state === 'online').length >= options.phones.length;
    }, 'every phone online on the box', 60_000);
    return { child, url, token, control };
  } catch (error) {
    await child.kill9();
    throw error;
  }
}

const Post = z.object({ text: z.string(), imageSha256: z.array(z.string()), jobId: z.string().nullable() });
const Inspection = z.object({ serial: z.string(), posts: z.array(Post), publishTaps: z.record(z.string(), z.number()) });
export type PhoneState = z.infer<typeof Inspection>;

/** What the phone itself shows: its feed and the publish taps it counted per job id. */
export async function inspectPhone(phone: FarmPhone): Promise<PhoneState> {
  const response = await fetch(phone.inspectUrl);
  if (!response.ok) throw new Error(`inspecting ${phone.serial}: HTTP ${response.status}`);
  return Inspection.parse(await response.json());
}

export async function totalPublishTaps(phones: FarmPhone[]): Promise<number> {
  const states = await Promise.all(phones.map(inspectPhone));
  return states.reduce((sum, state) => sum + Object.values(state.publishTaps).reduce((a, b) => a + b, 0), 0);
}

export interface WireJob { id: string; deviceId: string; state: string; attempt: number }
export interface LogEntry { at: number; from: string | null; to: string; attempt: number; detail: string | null }

export async function listAllJobs(control: BoxTestClient): Promise<WireJob[]> {
  const jobs: WireJob[] = [];
  for (;;) {
    const response = await control.request({ type: 'listJobs', limit: 500, offset: jobs.length });
    if (!response.ok) throw new Error(`listJobs: ${JSON.stringify(response.error)}`);
    const page = response.result as { jobs: WireJob[]; total: number };
    jobs.push(...page.jobs);
    if (page.jobs.length === 0 || jobs.length >= page.total) return jobs;
  }
}

export async function jobLog(control: BoxTestClient, jobId: string): Promise<LogEntry[]> {
  const response = await control.request({ type: 'getJob', jobId });
  if (!response.ok) throw new Error(`getJob ${jobId}: ${JSON.stringify(response.error)}`);
  return (response.result as { log: LogEntry[] }).log;
}
