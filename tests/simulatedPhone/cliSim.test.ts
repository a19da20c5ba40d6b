// `npm run sim` as a user runs it: lines per phone, real adb connects, SIGTERM exits 0; bad ports exit 2.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, expect, test } from 'vitest';
import { AdbCli, freePort } from '../testing/adbCli.ts';

const LINE = /^sim (\d+) adb 127\.0\.0\.1:(\d+) serial (\S+) model (.+) inspect (http:\/\/127\.0\.0\.1:\d+\/phones\/\S+)$/;
const started: { pid: number | undefined; kill: () => void }[] = [];

afterAll(() => {
  for (const child of started) child.kill();
});

function runCli(args: string[]) {
  // tsx itself rather than `npx tsx`: npm exec does not pass SIGTERM on to the program it runs.
  const child = spawn('node_modules/.bin/tsx', ['native-bridge/simphone/cli.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // Its own process group, so a failed test can still end tsx and the program under it.
  started.push({ pid: child.pid, kill: () => child.exitCode === null && child.pid !== undefined && process.kill(-child.pid, 'SIGKILL') });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, exited, stderr: () => stderr };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A base port whose next `count - 1` ports are free too (checked by binding them). */
async function consecutiveFreePorts(count: number): Promise<number> {
  for (;;) {
    const base = await freePort();
    if (base + count > 65535) continue;
    const rest = await Promise.all(Array.from({ length: count - 1 }, (_, i) => canListen(base + 1 + i)));
    if (rest.every(Boolean)) return base;
  }
}

test('starts two phones, prints their lines, adb connects, SIGTERM exits 0', async () => {
  const base = await consecutiveFreePorts(2);
  const run = runCli(['--count', '2', '--base-port', String(base), '--customer-interval-ms', '0']);
  const lines: string[] = [];
  const reader = createInterface({ input: run.child.stdout });
  await new Promise<void>((resolve, reject) => {
    reader.on('line', (line) => {
      lines.push(line);
      if (lines.length === 2) resolve();
    });
    void run.exited.then((code) => reject(new Error(`cli exited early with ${code}: ${run.stderr()}`)));
  });
  const parsed = lines.map((line) => LINE.exec(line));
  expect(parsed.every(Boolean)).toBe(true);
  expect(parsed.map((m) => Number(m![2]))).toEqual([base, base + 1]);
  expect(parsed.map((m) => m![3])).toEqual(['PWSIM0001', 'PWSIM0002']);
  expect(parsed[0]![4]).toBe('SimPhone 720x1600');

  const inspection = (await (await fetch(parsed[1]![5]!)).json()) as { serial: string; screen: string };
  expect(inspection.serial).toBe('PWSIM0002');

  const cli = await AdbCli.start();
  try {
    const serial = `127.0.0.1:${base}`;
    expect((await cli.run(['connect', serial])).stdout).toContain(`connected to ${serial}`);
    await cli.waitForDevice(serial);
    expect((await cli.run(['-s', serial, 'shell', 'getprop', 'ro.serialno'])).stdout.trim()).toBe('PWSIM0001');
  } finally {
    await cli.stop();
  }
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
});

test('refuses ports the adb server probes for emulators with exit code 2 and one clear line', async () => {
  const run = runCli(['--count', '3', '--base-port', '5553']);
  expect(await run.exited).toBe(2);
  const lines = run.stderr().trim().split('\n').filter((line) => !line.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^sim: ports 5553…5555 overlap 5555–5585/);
});
