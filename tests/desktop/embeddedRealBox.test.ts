import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { appOrigin } from '../../main/appProtocol.ts';
import { EmbeddedBox } from '../../main/embeddedBox.ts';
import { embeddedBoxLaunch, fileExists } from '../../main/embeddedBoxLaunch.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('embedded box, launched the way the desktop app does it', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'phonewall-embedded-'));
  let box: EmbeddedBox | null = null;

  afterAll(async () => {
    await box?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the real box CLI with simulated phones, reads its URL and token, accepts the app:// origin, and stops', async () => {
    // No adb on PATH: the launch must fall back to simulated phones.
    const launch = embeddedBoxLaunch({ repoRoot, dataDir, appOrigin, simulatedPhones: 1, env: { ...process.env, PATH: '/nonexistent', PHONEWALL_NODE: process.execPath }, platform: process.platform, exists: fileExists });
    expect(launch.mode).toBe('simulated');
    box = new EmbeddedBox(launch, { spawn, readToken: (file) => readFile(file, 'utf8') });
    box.start();
    await expect.poll(() => box!.getStatus().state, { timeout: 60_000, interval: 200 }).toBe('running');
    const credentials = box.credentials()!;
    expect(credentials.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const hello = await new Promise<unknown>((resolve, reject) => {
      const ws = new WebSocket(`${credentials.url.replace('http:', 'ws:')}/ws/control`, ['phonewall.v1', `phonewall.token.${credentials.token}`], { origin: appOrigin });
      ws.once('message', (data) => {
        ws.close();
        resolve(JSON.parse(String(data)));
      });
      ws.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
      ws.once('error', reject);
    });
    expect(hello).toMatchObject({ type: 'hello', protocolVersion: 1, role: 'admin', socket: 'control' });
    const pid = box.getStatus().pid!;
    expect(await box.stop()).toMatchObject({ state: 'stopped', pid: null });
    expect(() => process.kill(pid, 0)).toThrow();
  }, 90_000);
});
