// The embedded box: a child process running the box CLI on loopback; its one typed readiness line (URL and admin
// token file), status and logs.
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { parseBoxReady } from '../native-bridge/protocol/boxReady.ts';
import type { EmbeddedBoxStatus } from '../preload/contract/desktopApi.ts';

export interface EmbeddedBoxLaunch {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  mode: 'real' | 'simulated';
}

export interface EmbeddedBoxDeps {
  spawn(command: string, args: string[], options: SpawnOptions): ChildProcess;
  /** Reads the admin token from the file the box names in its readiness line. */
  readToken(filePath: string): Promise<string>;
  onStatus?(status: EmbeddedBoxStatus): void;
}

const maxLogLines = 500;

export class EmbeddedBox {
  private child: ChildProcess | null = null;
  private status: EmbeddedBoxStatus;
  private token: string | null = null;
  /** Set by stop(): the exit that follows is wanted, whatever code the box exits with. */
  private stopping = false;
  private readonly logs: string[] = [];

  constructor(
    private readonly launch: EmbeddedBoxLaunch,
    private readonly deps: EmbeddedBoxDeps,
  ) {
    this.status = { state: 'stopped', mode: launch.mode, url: null, pid: null, reason: null };
  }

  getStatus(): EmbeddedBoxStatus {
    return { ...this.status };
  }

  getLogs(): string[] {
    return [...this.logs];
  }

  credentials(): { url: string; token: string } | null {
    return this.status.state === 'running' && this.status.url && this.token ? { url: this.status.url, token: this.token } : null;
  }

  start(): EmbeddedBoxStatus {
    if (this.child) return this.getStatus();
    this.token = null;
    this.stopping = false;
    const child = this.deps.spawn(this.launch.command, this.launch.args, {
      cwd: this.launch.cwd,
      env: this.launch.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.child = child;
    this.update({ state: 'starting', url: null, pid: child.pid ?? null, reason: null });
    this.readLines(child.stdout, (line) => this.onLine(line));
    this.readLines(child.stderr, (line) => this.log(line));
    child.once('error', (error) => this.onExit(child, `could not start the box: ${error.message}`));
    child.once('exit', (code, signal) => this.onExit(child, signal ? `stopped by ${signal}` : `exited with code ${code}`));
    return this.getStatus();
  }

  /** Stops the child and waits for it; SIGKILL when it does not leave within the grace period. */
  async stop(graceMs = 5000): Promise<EmbeddedBoxStatus> {
    const child = this.child;
    if (!child) return this.getStatus();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.stopping = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    return this.getStatus();
  }

  private onLine(line: string): void {
    const ready = parseBoxReady(line);
    if (!ready) {
      this.log(line);
      return;
    }
    this.deps.readToken(ready.adminTokenPath).then(
      (token) => {
        this.token = token.trim();
        this.status.url = ready.url.replace(/\/$/, '');
        this.maybeRunning();
      },
      (error: Error) => this.log(`cannot read the token file ${ready.adminTokenPath}: ${error.message}`),
    );
  }

  private maybeRunning(): void {
    if (this.status.state === 'starting' && this.status.url && this.token) this.update({ state: 'running' });
  }

  private onExit(child: ChildProcess, reason: string): void {
    if (this.child !== child) return;
    this.child = null;
    this.log(`box ${reason}`);
    this.update({ state: this.stopping ? 'stopped' : 'failed', pid: null, url: null, reason: this.stopping ? null : reason });
  }

  private update(patch: Partial<EmbeddedBoxStatus>): void {
    this.status = { ...this.status, ...patch };
    this.deps.onStatus?.(this.getStatus());
  }

  private log(line: string): void {
    this.logs.push(line);
    if (this.logs.length > maxLogLines) this.logs.splice(0, this.logs.length - maxLogLines);
  }

  private readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
    if (!stream) return;
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    });
  }
}
