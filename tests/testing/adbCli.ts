// Runs Debian's adb against a private adb server (own port, own HOME) so tests never touch anyone else's server.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AdbResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A free loopback port outside the range the adb server probes for emulators. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port > 0 && (port < 5037 || port > 5585)) return port;
  }
}

export class AdbCli {
  private constructor(
    readonly serverPort: number,
    private readonly home: string,
  ) {}

  static async start(): Promise<AdbCli> {
    const home = await mkdtemp(join(tmpdir(), 'phonewall-adb-'));
    const cli = new AdbCli(await freePort(), home);
    const started = await cli.run(['start-server'], 30_000);
    if (started.code !== 0) throw new Error(`adb start-server failed: ${started.stderr}`);
    return cli;
  }

  run(args: string[], timeoutMs = 30_000): Promise<AdbResult> {
    return new Promise((resolve) => {
      execFile(
        'adb',
        ['-P', String(this.serverPort), ...args],
        { env: { ...process.env, HOME: this.home, ANDROID_ADB_SERVER_PORT: String(this.serverPort) }, timeout: timeoutMs, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout: stdout.toString('latin1'), stderr: stderr.toString() });
        },
      );
    });
  }

  /** Like run, but keeps stdout as bytes (exec-out screencap). */
  runBytes(args: string[], timeoutMs = 30_000): Promise<{ code: number; stdout: Buffer }> {
    return new Promise((resolve) => {
      execFile(
        'adb',
        ['-P', String(this.serverPort), ...args],
        { env: { ...process.env, HOME: this.home }, timeout: timeoutMs, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
        (error, stdout) => resolve({ code: error ? 1 : 0, stdout }),
      );
    });
  }

  async waitForDevice(serial: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { stdout } = await this.run(['devices']);
      if (stdout.split('\n').some((line) => line.startsWith(`${serial}\tdevice`))) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${serial} never became 'device'`);
  }

  async tempFile(name: string, content: string | Uint8Array): Promise<string> {
    const path = join(this.home, name);
    await writeFile(path, content);
    return path;
  }

  async stop(): Promise<void> {
    await this.run(['kill-server'], 15_000);
    await rm(this.home, { recursive: true, force: true });
  }
}
