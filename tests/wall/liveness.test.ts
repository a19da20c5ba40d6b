import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';
import { FakeBox } from '../testing/fakeBox.ts';
import { encodeTestPattern } from '../testing/h264TestPattern.ts';

const token = 'liveness-token-0123456789abcdefghij';

describe('console liveness (W10, console side)', () => {
  let box: FakeBox;
  let browser: Browser;
  let page: Page;
  const cleanups: (() => unknown)[] = [];

  beforeAll(async () => {
    const [renderer, grid] = await Promise.all([buildRenderer(), encodeTestPattern(240, 536, 2)]);
    cleanups.push(renderer.cleanup);
    const devices = [{ id: 'p1', serial: 'p1', model: 'phone', width: 240, height: 536, source: 'simulated' as const, simulated: true, state: 'online' as const, reason: null }];
    box = new FakeBox({ rendererDir: renderer.dir, token, devices, video: { grid, focus: grid }, pingIntervalMs: 1000 });
    await box.start();
    cleanups.push(() => box.stop());
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    page = await browser.newPage();
    await page.goto(`${box.url}/#token=${token}`);
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('notices a silently dropped box within a few ping intervals and reconnects by itself', async () => {
    const chip = page.locator('[data-testid=box-chip]');
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
    const pingsBefore = box.requestsOf('ping').length;
    await expect.poll(() => box.requestsOf('ping').length, { timeout: 10_000 }).toBeGreaterThan(pingsBefore);
    box.freezeConnections();
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 15_000 }).not.toBe('online');
    expect(await page.locator('[data-testid=tile] .badge').getAttribute('data-state')).not.toBe('online');
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
  });
});
