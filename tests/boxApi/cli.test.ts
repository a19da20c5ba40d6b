// `npm run box`: configuration errors exit 2 with one line; --simulate 2 prints URL, token path, devices; SIGTERM → 0.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BoxTestClient } from '../testing/wsTestClient.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runBox(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'native-bridge/cli.ts', ...args], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, PHONEWALL_DATA: join(dir, 'env-data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, out, exited };
}

describe('box CLI', () => {
  test.each([
    [['--simulate', 'many']],
    [['--connect', 'nohost']],
    [['--listen', '0.0.0.0:7100']],
    [['--bogus']],
    [['--tls-cert', '/nonexistent.pem']],
    [['--adb', '127.0.0.1:5037', '--no-adb']],
  ])('%j → one clear line, exit 2', async (args) => {
    const run = runBox(args);
    expect(await run.exited).toBe(2);
    const lines = run.out.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^phonewall box: /);
    expect(run.out.stdout).toBe('');
  });

  test('--simulate 2 prints the URL, the token file and 2 devices; SIGTERM stops it with exit 0', async () => {
    const data = join(dir, 'data');
    const run = runBox(['--simulate', '2', '--no-adb', '--listen', '127.0.0.1:0', '--data', data]);
    try {
      const deadline = Date.now() + 45_000;
      while ((run.out.stdout.match(/^device online: /gm) ?? []).length < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const url = /^PhoneWall box listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(run.out.stdout)?.[1];
      expect(url).toBeDefined();
      expect(run.out.stdout).toContain(`admin token: ${join(data, 'admin.token')}`);
      expect((await stat(join(data, 'admin.token'))).mode & 0o777).toBe(0o600);
      expect(run.out.stdout.match(/^device online: /gm)).toHaveLength(2);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { devices: { online: number } };
      expect(health.devices.online).toBe(2);
      const token = (await import('node:fs/promises')).readFile(join(data, 'admin.token'), 'utf8');
      expect(run.out.stdout + run.out.stderr).not.toContain((await token).trim());

      // A token issued from another process works in the running box at once, and stops working when revoked.
      const issue = runBox(['--data', data, '--issue-token', 'desk-7:viewer']);
      expect(await issue.exited).toBe(0);
      const issued = issue.out.stdout.trim();
      expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await BoxTestClient.upgradeStatus(url!, '/ws/media', { token: issued })).status).toBe(101);
      const revoke = runBox(['--data', data, '--revoke-token', 'desk-7']);
      expect(await revoke.exited).toBe(0);
      expect((await BoxTestClient.upgradeStatus(url!, '/ws/media', { token: issued })).status).toBe(401);

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 90_000);
});
