// A phone running a posting flow shows the busy overlay on its wall tile, and input to it is paused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBox, type RunningBox } from '../../native-bridge/box.ts';
import { testPicture, uploadMedia } from '../testing/postingKit.ts';
import { DateTime } from 'luxon';
import { BoxTestClient } from '../testing/wsTestClient.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';

describe('busy overlay', () => {
  const cleanups: (() => unknown)[] = [];
  let box: RunningBox;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    const renderer = await buildRenderer();
    cleanups.push(renderer.cleanup);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'phonewall-busy-ui-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    box = await startBox({
      dataDir, listen: { host: '127.0.0.1', port: 0 }, simulate: 2, adbServer: null, rendererDir: renderer.dir, log: () => undefined,
      posting: { tickMs: 200, phoneCooldownMs: 0 },
    });
    cleanups.push(() => box.stop());
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    token = readFileSync(box.adminTokenPath, 'utf8').trim();
    await page.goto(`${box.url}/#token=${token}`);
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 90_000);

  it('covers the tile of the phone that posts, and only while it posts', async () => {
    await expect.poll(() => page.locator('[data-testid=tile] .badge[data-state=online]').count(), { timeout: 120_000 }).toBe(2);
    expect(await page.locator('[data-testid=busy-overlay]').count()).toBe(0);

    const upload = await uploadMedia(box, token, testPicture(0));
    expect(upload.status).toBe(200);
    const client = await BoxTestClient.connect(box.url, '/ws/control', { token });
    try {
      const post = await client.request({ type: 'createPost', post: { title: '忙碌测试', text: '忙碌遮罩测试', images: [upload.json['sha256'] as string], tags: [] } });
      expect(post).toMatchObject({ ok: true });
      const postId = (post.result as { post: { id: string } }).post.id;
      const deviceId = box.hub.list()[0]!.id;
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

    await expect.poll(() => page.locator('[data-testid=busy-overlay]').count(), { timeout: 90_000 }).toBe(1);
    await page.screenshot({ path: path.join(tmpdir(), 'phonewall-busy-overlay.png') });
    await expect.poll(() => page.locator('[data-testid=busy-overlay]').count(), { timeout: 120_000 }).toBe(0);
    // The flow's own screen changes are not news for the operator.
    expect(await page.locator('[data-testid=attention-badge]').count()).toBe(0);
  }, 300_000);
});
