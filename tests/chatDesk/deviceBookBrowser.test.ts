// Device book end to end: names and tags set in one Chromium page appear live in a second one and after a box
// restart on the same data folder; `#tag` filtering and "select group" take the right tiles.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import { testPicture, uploadMedia } from '../testing/postingKit.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';

describe('device book shared by every console of a box (issue 5, acceptance 4)', () => {
  let box: RunningBox;
  let browser: Browser;
  let first: Page;
  let second: Page;
  let dataDir: string;
  let rendererDir: string;
  const ids: string[] = [];
  const cleanups: (() => unknown)[] = [];

  const tile = (page: Page, n: number) => page.locator(`[data-testid=tile][data-device-id="${ids[n - 1]}"]`);
  const visibleIds = (page: Page) => page.locator('[data-testid=tile]').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-device-id')));
  const tags = (page: Page, n: number) => tile(page, n).locator('[data-testid=tile-tag]').allTextContents();

  async function startTheBox(): Promise<void> {
    box = await startBox({ dataDir, listen: { host: '127.0.0.1', port: 0 }, simulate: 4, adbServer: null, rendererDir, log: () => undefined });
    await vi.waitFor(() => expect(box.hub.list().filter((d) => d.state === 'online')).toHaveLength(4), { timeout: 90_000, interval: 250 });
  }

  async function open(page: Page): Promise<void> {
    await page.goto(`${box.url}/#token=${readFileSync(box.adminTokenPath, 'utf8').trim()}`);
    await page.waitForSelector('[data-testid=tile]:nth-child(4)', { timeout: 60_000 });
  }

  beforeAll(async () => {
    const renderer = await buildRenderer();
    rendererDir = renderer.dir;
    cleanups.push(renderer.cleanup);
    dataDir = mkdtempSync(path.join(tmpdir(), 'phonewall-book-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await startTheBox();
    cleanups.push(() => box.stop());
    ids.push(...box.hub.list().map((d) => d.id).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    first = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    second = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await open(first);
    await open(second);
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  it('a name, tags and note set in one page appear in the other without reload, rendered as text', async () => {
    await tile(first, 1).locator('.tile-label').click({ button: 'right' });
    await first.waitForSelector('[data-testid=book-dialog]');
    await first.fill('[data-testid=book-name]', '客服小王<b>VIP</b>');
    await first.fill('[data-testid=book-tags]', '售后, vip');
    await first.fill('[data-testid=book-note]', '负责退款\n早班');
    await first.screenshot({ path: '/tmp/phonewall-device-book-dialog.png' });
    await first.click('[data-testid=book-save]');
    await expect.poll(() => first.locator('[data-testid=book-dialog]').count()).toBe(0);
    await expect.poll(() => tile(second, 1).locator('[data-testid=tile-name]').textContent(), { timeout: 10_000 }).toBe('客服小王<b>VIP</b>');
    expect(await tile(second, 1).locator('[data-testid=tile-name] b').count()).toBe(0);
    expect(await tags(second, 1)).toEqual(['#售后', '#vip']);
  });

  it('a name over the limit shows the box’s message beside the field and changes nothing', async () => {
    await tile(first, 4).locator('.tile-label').click({ button: 'right' });
    await first.fill('[data-testid=book-name]', '名'.repeat(65));
    await first.click('[data-testid=book-save]');
    await first.waitForSelector('[data-testid=book-problem-name]', { timeout: 10_000 });
    expect(await first.locator('[data-testid=book-problem-name]').textContent()).toContain('64');
    await first.keyboard.press('Escape');
    await expect.poll(() => first.locator('[data-testid=book-dialog]').count()).toBe(0);
    expect(await tile(second, 4).locator('[data-testid=tile-name]').textContent()).not.toContain('名名');
  });

  it('tags added to all selected phones at once; #tag filters; a saved group selects its phones in the other page', async () => {
    await tile(first, 2).locator('canvas').click({ modifiers: ['Control'] });
    await tile(first, 3).locator('canvas').click({ modifiers: ['Control'] });
    await expect.poll(() => first.locator('[data-testid=group-count]').textContent()).toContain('2');
    await first.click('[data-testid=book-edit]');
    await first.fill('[data-testid=book-add-tags]', '早班 #夜班');
    await first.click('[data-testid=book-save]');
    await expect.poll(() => tags(second, 3), { timeout: 10_000 }).toEqual(['#早班', '#夜班']);
    expect(await tags(second, 2)).toEqual(['#早班', '#夜班']);
    expect(await tags(second, 4)).toEqual([]);

    await first.click('[data-testid=book-edit]');
    await first.locator('[data-testid=book-remove-tag]', { hasText: '夜班' }).click();
    await first.click('[data-testid=book-save]');
    await expect.poll(() => tags(second, 2), { timeout: 10_000 }).toEqual(['#早班']);

    await second.fill('[data-testid=filter]', '#早班');
    await expect.poll(() => visibleIds(second)).toEqual([ids[1], ids[2]]);
    await second.fill('[data-testid=filter]', '#VIP');
    await expect.poll(() => visibleIds(second)).toEqual([ids[0]]);
    await second.fill('[data-testid=filter]', '退款');
    await expect.poll(() => visibleIds(second)).toEqual([ids[0]]);
    await second.fill('[data-testid=filter]', '');

    await first.click('[data-testid=group-save]');
    await first.fill('[data-testid=group-name]', '早班组');
    await first.click('[data-testid=group-name-ok]');
    await expect.poll(() => second.locator('[data-testid=group-pick] option').allTextContents(), { timeout: 10_000 }).toContain('早班组 (2)');
    await second.selectOption('[data-testid=group-pick]', { label: '早班组 (2)' });
    await expect.poll(() => second.locator('[data-testid=group-count]').textContent()).toContain('2');
    for (const n of [2, 3]) expect(await tile(second, n).getAttribute('data-group-role')).toBe('member');
    for (const n of [1, 4]) expect(await tile(second, n).getAttribute('data-group-role')).toBe('none');
    await second.screenshot({ path: '/tmp/phonewall-device-book-group.png' });
  });

  it('deleting a group a schedule still targets shows the box’s conflict and keeps the group', async () => {
    const token = readFileSync(box.adminTokenPath, 'utf8').trim();
    const client = await BoxTestClient.connect(box.url, '/ws/control', { token });
    try {
      const book = (await client.request({ type: 'getDeviceBook' })).result as { groups: { id: string; name: string }[] };
      const group = book.groups.find((g) => g.name === '早班组')!;
      const sha256 = (await uploadMedia(box, token, testPicture(0))).json.sha256 as string;
      const post = ((await client.request({ type: 'createPost', post: { title: '上新', text: '新品到店', images: [sha256] } })).result as { post: { id: string } }).post;
      const startDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const created = await client.request({ type: 'createSchedule', schedule: { postId: post.id, groups: [group.id], time: { kind: 'daily', time: '09:00', startDate } } });
      const scheduleId = (created.result as { schedule: { id: string } }).schedule.id;
      first.once('dialog', (dialog) => void dialog.accept());
      await first.selectOption('[data-testid=group-pick]', { label: '早班组 (2)' });
      await first.click('[data-testid=group-delete]');
      await expect.poll(() => first.locator('[data-testid=group-message]').textContent(), { timeout: 10_000 }).toContain(scheduleId);
      expect(await first.locator('[data-testid=group-pick] option').allTextContents()).toContain('早班组 (2)');
    } finally {
      client.close();
    }
  });

  it('names, tags and groups survive a box restart on the same data folder', async () => {
    await box.stop();
    await startTheBox();
    const third = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'dark' });
    await third.goto(`${box.url}/?lang=en&theme=dark#token=${readFileSync(box.adminTokenPath, 'utf8').trim()}`);
    await third.waitForSelector('[data-testid=tile]:nth-child(4)', { timeout: 60_000 });
    await expect.poll(() => tile(third, 1).locator('[data-testid=tile-name]').textContent(), { timeout: 15_000 }).toBe('客服小王<b>VIP</b>');
    expect(await tags(third, 3)).toEqual(['#早班']);
    expect(await third.locator('[data-testid=group-pick] option').allTextContents()).toContain('早班组 (2)');
    await third.click('[data-testid=replies-toggle]');
    await third.screenshot({ path: '/tmp/phonewall-device-book-en-dark.png' });
    await third.close();
  });
});
