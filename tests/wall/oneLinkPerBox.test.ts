// Real box + 3 simulated phones + Chromium: the console keeps one control socket and one media socket to the box,
// and the wall, device book, quick replies and posting job events all arrive over that one control socket.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import { testPicture, uploadMedia } from '../testing/postingKit.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';

const PHONES = 3;

interface PageSocket {
  path: string;
  /** `type` of every JSON message the page received on it. */
  received: string[];
  closed: boolean;
}

describe('one link per box (console reshape)', () => {
  const cleanups: (() => unknown)[] = [];
  const sockets: PageSocket[] = [];
  let box: RunningBox;
  let browser: Browser;
  let page: Page;
  let token: string;

  const opened = (socketPath: string) => sockets.filter((socket) => socket.path === socketPath && socket.received.length > 0);

  beforeAll(async () => {
    const renderer = await buildRenderer();
    cleanups.push(renderer.cleanup);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'phonewall-one-link-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    box = await startBox({
      dataDir, listen: { host: '127.0.0.1', port: 0 }, simulate: PHONES, adbServer: null, rendererDir: renderer.dir, log: () => undefined,
      posting: { tickMs: 200, phoneCooldownMs: 0 },
    });
    cleanups.push(() => box.stop());
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, timezoneId: box.posting!.zone });
    page.on('websocket', (ws) => {
      const socket: PageSocket = { path: new URL(ws.url()).pathname, received: [], closed: false };
      sockets.push(socket);
      ws.on('framereceived', (frame) => {
        if (typeof frame.payload !== 'string') return;
        try {
          socket.received.push(String((JSON.parse(frame.payload) as { type?: unknown }).type));
        } catch {
          socket.received.push('?');
        }
      });
      ws.on('close', () => {
        socket.closed = true;
      });
    });
    token = readFileSync(box.adminTokenPath, 'utf8').trim();
    await page.goto(`${box.url}/#token=${token}`);
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 90_000);

  it('shows the wall, the device book, quick replies and posting job events over one control and one media socket', async () => {
    await expect.poll(() => page.locator('[data-testid=tile] .badge[data-state=online]').count(), { timeout: 120_000 }).toBe(PHONES);
    await expect.poll(() => page.locator('[data-testid=tile] canvas').evaluateAll((canvases) => canvases.filter((c) => (c as HTMLCanvasElement).width > 0).length), { timeout: 60_000 }).toBe(PHONES);

    const deviceId = box.hub.list()[0]!.id;
    const client = await BoxTestClient.connect(box.url, '/ws/control', { token });
    try {
      expect(await client.request({ type: 'updateDeviceBook', entries: [{ deviceId, name: '一号客服', tags: ['早班'] }] })).toMatchObject({ ok: true });
      expect(await client.request({ type: 'createQuickReply', reply: { category: '问候', text: '您好，请问有什么可以帮您？', shortcut: '/hi' } })).toMatchObject({ ok: true });
      await expect.poll(() => page.locator(`[data-device-id="${deviceId}"] [data-testid=tile-name]`).textContent(), { timeout: 20_000 }).toBe('一号客服');
      await page.click('[data-testid=replies-toggle]');
      await expect.poll(() => page.locator('[data-testid=reply-text-shown]').allTextContents(), { timeout: 20_000 }).toEqual(['您好，请问有什么可以帮您？']);
      await page.click('[data-testid=replies-toggle]');

      await page.keyboard.press('Alt+4');
      await page.waitForSelector('[data-testid=jobs]');
      const upload = await uploadMedia(box, token, testPicture(1));
      expect(upload.status).toBe(200);
      const post = await client.request({ type: 'createPost', post: { title: '一条连接', text: '一条连接测试', images: [upload.json['sha256'] as string], tags: [] } });
      expect(post).toMatchObject({ ok: true });
      const postId = (post.result as { post: { id: string } }).post.id;
      // Whole-minute times: the current minute is due now (late, inside the grace window).
      const local = DateTime.now().setZone(box.posting!.zone);
      const schedule = await client.request({
        type: 'createSchedule',
        schedule: { postId, devices: [deviceId], time: { kind: 'once', date: local.toISODate(), time: local.toFormat('HH:mm') }, graceMinutes: 10 },
      });
      expect(schedule).toMatchObject({ ok: true, result: { jobsCreated: 1 } });
    } finally {
      client.close();
    }
    // The console never asked for this job: the row and its progress come from job events.
    await expect.poll(() => page.locator('[data-testid=job-row]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator('[data-testid=job-row]').getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-testid=post-library]');
    await page.keyboard.press('Alt+1');
    await page.waitForSelector('[data-testid=wall-grid]');

    // The test build is React's development build, whose StrictMode mounts every effect twice: the first link is
    // closed before its sockets open. Every socket that carried a frame is counted.
    const live = sockets.filter((socket) => socket.received.length > 0);
    expect(live.map((socket) => socket.path).sort()).toEqual(['/ws/control', '/ws/media']);
    expect(live.every((socket) => !socket.closed)).toBe(true);
    expect(sockets.filter((socket) => socket.received.length === 0).every((socket) => socket.closed)).toBe(true);
    const events = opened('/ws/control')[0]!.received;
    for (const type of ['hello', 'response', 'device', 'deviceBook', 'quickReplies', 'job']) expect(events).toContain(type);
    expect(opened('/ws/media')[0]!.received).not.toContain('job');
  }, 300_000);
});
