import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BoxRegistry } from '../../main/boxRegistry.ts';
import { EmbeddedBox } from '../../main/embeddedBox.ts';
import { embeddedBoxLaunch } from '../../main/embeddedBoxLaunch.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'phonewall-main-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('embedded box', () => {
  it('runs a real child, reads its token file, and stops it', async () => {
    const dir = tempDir();
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, 'tok-from-file-1234\n');
    const ready = { type: 'boxReady', url: 'http://127.0.0.1:45678', adminTokenPath: tokenFile, protocolVersion: 1, box: { name: 'phonewall-box', version: '0.1.0' } };
    const script = `console.log('PhoneWall box listening on http://127.0.0.1:45678'); console.log(${JSON.stringify(JSON.stringify(ready))}); setInterval(() => {}, 1000);`;
    const box = new EmbeddedBox(
      { command: process.execPath, args: ['-e', script], cwd: dir, env: process.env, mode: 'simulated' },
      { spawn, readToken: (file) => readFile(file, 'utf8') },
    );
    const started = box.start();
    expect(started.state).toBe('starting');
    expect(started.pid).toBeGreaterThan(0);
    await expect.poll(() => box.getStatus().state, { timeout: 20_000 }).toBe('running');
    expect(box.credentials()).toEqual({ url: 'http://127.0.0.1:45678', token: 'tok-from-file-1234' });
    const stopped = await box.stop();
    expect(stopped).toMatchObject({ state: 'stopped', pid: null });
    expect(box.getLogs().some((line) => line.includes('listening on http://127.0.0.1:45678'))).toBe(true);
  });

  it('does not take a URL or token from human log lines', async () => {
    const dir = tempDir();
    const script = "console.log('PhoneWall box listening on http://127.0.0.1:45679'); console.log('admin token: /tmp/nowhere'); console.log('token: 0123456789abcdef'); setInterval(() => {}, 1000);";
    const reads: string[] = [];
    const box = new EmbeddedBox(
      { command: process.execPath, args: ['-e', script], cwd: dir, env: process.env, mode: 'simulated' },
      { spawn, readToken: async (file) => (reads.push(file), 'x') },
    );
    box.start();
    await expect.poll(() => box.getLogs().length, { timeout: 20_000 }).toBe(3);
    expect(box.getStatus().state).toBe('starting');
    expect(reads).toEqual([]);
    await box.stop();
  });

  it('reports a crash as failed with the reason', async () => {
    const box = new EmbeddedBox(
      { command: process.execPath, args: ['-e', 'process.exit(3)'], cwd: tempDir(), env: process.env, mode: 'simulated' },
      { spawn, readToken: async () => '' },
    );
    box.start();
    await expect.poll(() => box.getStatus().state, { timeout: 20_000 }).toBe('failed');
    expect(box.getStatus().reason).toMatch(/code 3/);
  });

  it('chooses simulated phones without adb or jar, real ones with both', () => {
    const base = { repoRoot: '/r', dataDir: '/d/box', appOrigin: 'app://phonewall', env: { PATH: '/bin' }, platform: 'linux' as const };
    const simulated = embeddedBoxLaunch({ ...base, exists: () => false });
    expect(simulated.mode).toBe('simulated');
    expect(simulated.args.join(' ')).toMatch(/native-bridge\/cli\.ts --listen 127\.0\.0\.1:0 --data \/d\/box --allow-origin app:\/\/phonewall --simulate 8 --no-adb$/);
    const real = embeddedBoxLaunch({ ...base, exists: (p) => p === '/bin/adb' || p.endsWith('scrcpy-server-v3.3.3') });
    expect(real.mode).toBe('real');
    expect(real.args).not.toContain('--simulate');
    expect(real.args).toContain('--scrcpy-server');
  });
});

describe('box registry', () => {
  const cipher = {
    isEncryptionAvailable: () => true,
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x33)),
    decryptString: (data: Buffer) => Buffer.from([...data].map((b) => b ^ 0x33)).toString(),
  };

  it('stores tokens encrypted and survives a restart', async () => {
    const file = path.join(tempDir(), 'boxes.json');
    const first = new BoxRegistry(file, cipher);
    const box = await first.add({ name: 'B2', url: 'http://10.1.1.1:8700/', token: 'very-secret-token' });
    expect(readFileSync(file, 'utf8')).not.toContain('very-secret-token');
    const second = new BoxRegistry(file, cipher);
    expect(await second.credentials(box.id)).toEqual({ url: 'http://10.1.1.1:8700', token: 'very-secret-token' });
    expect(await second.remove(box.id)).toBe(true);
    expect(await second.list()).toEqual([]);
  });

  it('ignores a corrupt file instead of crashing', async () => {
    const file = path.join(tempDir(), 'boxes.json');
    writeFileSync(file, '{not json');
    expect(await new BoxRegistry(file, cipher).list()).toEqual([]);
  });
});
