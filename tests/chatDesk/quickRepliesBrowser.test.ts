// Quick replies and needs-attention end to end: a real box with 4 simulated phones, driven from real Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import type { DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';

type Sim = ReturnType<DeviceHubWithDiagnostics['simulatedPhones']>[number];

describe('quick replies and needs attention against a real box with 4 phones (issue 5, acceptance 2, 3, 5)', () => {
  let box: RunningBox;
  let browser: Browser;
  let page: Page;
  let client: BoxTestClient;
  let phones: readonly Sim[] = [];
  const cleanups: (() => unknown)[] = [];

  const phone = (n: number): Sim => phones[n - 1]!;
  const id = (n: number) => phone(n).identity.serial;
  const tile = (n: number) => page.locator(`[data-testid=tile][data-device-id="${id(n)}"]`);
  const mine = (n: number) => phone(n).inspect().sent.filter((m) => m.from === 'me').map((m) => m.text);

  /** Opens the first chat on a phone through the box API (operator input, so it never counts as news). */
  async function openChatList(n: number): Promise<void> {
    expect(await client.request({ type: 'startApp', deviceId: id(n), name: 'com.phonewall.chat' })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(phone(n).inspect().screen).toBe('chatList'), { timeout: 20_000, interval: 100 });
  }

  async function openChat(n: number): Promise<void> {
    await openChatList(n);
    const chat = phone(n).inspect().chats[0]!;
    const xml = ((await client.request({ type: 'uiDump', deviceId: id(n) })).result as { xml: string }).xml;
    const match = new RegExp(`resource-id="[^"]*chat_row_${chat.id}"[^>]*bounds="\\[(\\d+),(\\d+)\\]\\[(\\d+),(\\d+)\\]"`).exec(xml)!;
    const [x1, y1, x2, y2] = match.slice(1).map(Number) as [number, number, number, number];
    const size = phone(n).physicalSize;
    const input = { kind: 'tap', x: Math.round((x1 + x2) / 2), y: Math.round((y1 + y2) / 2), frameWidth: size.width, frameHeight: size.height };
    expect(await client.request({ type: 'input', deviceId: id(n), input })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(phone(n).inspect().openChatId).toBe(chat.id), { timeout: 20_000, interval: 100 });
  }

  beforeAll(async () => {
    const renderer = await buildRenderer();
    cleanups.push(renderer.cleanup);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'phonewall-replies-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    box = await startBox({ dataDir, listen: { host: '127.0.0.1', port: 0 }, simulate: 4, adbServer: null, rendererDir: renderer.dir, posting: false, log: () => undefined });
    cleanups.push(() => box.stop());
    phones = (box.hub as DeviceHubWithDiagnostics).simulatedPhones();
    await vi.waitFor(() => expect(box.hub.list().filter((d) => d.state === 'online')).toHaveLength(4), { timeout: 90_000, interval: 250 });
    const token = readFileSync(box.adminTokenPath, 'utf8').trim();
    client = await BoxTestClient.connect(box.url, '/ws/control', { token });
    cleanups.push(() => client.close());
    for (const n of [1, 2, 3]) await openChat(n);
    // Phone 4 waits on its chat list, where any customer message changes the screen.
    await openChatList(4);
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
    await page.goto(`${box.url}/#token=${token}`);
    await page.waitForSelector('[data-testid=tile]:nth-child(4)', { timeout: 60_000 });
    for (const n of [1, 2, 3, 4]) await tile(n).locator('canvas').waitFor();
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  it('creates replies in the panel, shows the box’s error beside an over-limit text, and searches', async () => {
    await page.click('[data-testid=replies-toggle]');
    await page.waitForSelector('[data-testid=replies-panel]');
    const create = async (fields: { category: string; title: string; text: string; shortcut: string }) => {
      await page.click('[data-testid=reply-add]');
      await page.fill('[data-testid=reply-category]', fields.category);
      await page.fill('[data-testid=reply-title]', fields.title);
      await page.fill('[data-testid=reply-text]', fields.text);
      await page.fill('[data-testid=reply-shortcut]', fields.shortcut);
      await page.click('[data-testid=reply-save]');
    };
    await create({ category: '问候', title: '欢迎', text: '您好，欢迎光临！有什么可以帮您？', shortcut: '/welcome' });
    await expect.poll(() => page.locator('[data-testid=reply-item]').count(), { timeout: 10_000 }).toBe(1);
    await create({ category: '售后', title: '发货', text: '订单已发货，预计明天送达 😊', shortcut: '/ship' });
    await expect.poll(() => page.locator('[data-testid=reply-item]').count(), { timeout: 10_000 }).toBe(2);

    await create({ category: '售后', title: '太长', text: '长'.repeat(1001), shortcut: '' });
    await page.waitForSelector('[data-testid=reply-problem-text]', { timeout: 10_000 });
    expect(await page.locator('[data-testid=reply-problem-text]').textContent()).toContain('1000');
    await page.click('[data-testid=reply-form] footer button:not([type=submit])');
    expect(await page.locator('[data-testid=reply-item]').count()).toBe(2);

    await page.fill('[data-testid=replies-search]', '发货');
    await expect.poll(() => page.locator('[data-testid=reply-item]').count()).toBe(1);
    expect(await page.locator('[data-testid=reply-text-shown]').textContent()).toBe('订单已发货，预计明天送达 😊');
    await page.screenshot({ path: '/tmp/phonewall-quick-replies-panel.png' });
  });

  it('insert-and-send puts the exact text on the selected phone only', async () => {
    await tile(1).locator('canvas').click({ modifiers: ['Control'] });
    await expect.poll(() => page.locator('[data-testid=controlling]').count()).toBe(1);
    await page.click('[data-testid=reply-send]');
    await expect.poll(() => mine(1), { timeout: 45_000 }).toEqual(['订单已发货，预计明天送达 😊']);
    await expect.poll(() => phone(1).inspect().inputText, { timeout: 15_000 }).toBe('');
    expect(mine(2)).toEqual([]);
  });

  it('the Ctrl+K palette picks a reply by its shortcut and sends it', async () => {
    await page.fill('[data-testid=replies-search]', '');
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-testid=reply-palette]');
    await page.keyboard.type('/wel');
    await expect.poll(() => page.locator('[data-testid=palette-item]').count()).toBe(1);
    await page.screenshot({ path: '/tmp/phonewall-quick-replies-palette.png' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=reply-palette]').count()).toBe(0);
    await expect.poll(() => mine(1), { timeout: 45_000 }).toEqual(['订单已发货，预计明天送达 😊', '您好，欢迎光临！有什么可以帮您？']);
  });

  it('typing /shortcut in the focus view offers the reply; Tab takes its text into the box, which types it on the phone', async () => {
    await tile(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=focus-view]');
    try {
      await page.click('[data-testid=focus-text]');
      await page.keyboard.type('/sh');
      await page.waitForSelector('[data-testid=reply-suggestion]');
      expect(await page.locator('[data-testid=reply-suggestion]').count()).toBe(1);
      await page.keyboard.press('Tab');
      expect(await page.locator('[data-testid=focus-text]').inputValue()).toBe('订单已发货，预计明天送达 😊');
      // The focus view's Enter types the text into the phone's input box (as before quick replies existed).
      await page.keyboard.press('Enter');
      await expect.poll(() => phone(1).inspect().inputText, { timeout: 45_000 }).toBe('订单已发货，预计明天送达 😊');
      expect(await client.request({ type: 'input', deviceId: id(1), input: { kind: 'key', action: 'press', key: 'enter' } })).toMatchObject({ ok: true });
      await expect.poll(() => mine(1).filter((text) => text === '订单已发货，预计明天送达 😊').length, { timeout: 15_000 }).toBe(2);
    } finally {
      await page.click('[data-testid=close-focus]');
    }
  });

  it('with sync on for 3 phones, send-to-group puts the text on all 3', async () => {
    await tile(2).locator('canvas').click({ modifiers: ['Control'] });
    await tile(3).locator('canvas').click({ modifiers: ['Control'] });
    await expect.poll(() => page.locator('[data-testid=group-count]').textContent()).toContain('3');
    await page.keyboard.press('Control+g');
    await expect.poll(async () => (await page.locator('[data-testid=sync-count]').count()) + (await page.locator('[data-testid=sync-confirm]').count())).toBeGreaterThan(0);
    if ((await page.locator('[data-testid=sync-confirm]').count()) > 0) await page.click('[data-testid=sync-confirm-ok]');
    await page.waitForSelector('[data-testid=sync-count]');
    await page.fill('[data-testid=replies-search]', '欢迎');
    await page.click('[data-testid=reply-send-all]');
    const welcome = '您好，欢迎光临！有什么可以帮您？';
    for (const n of [1, 2, 3]) await expect.poll(() => mine(n).filter((text) => text === welcome).length, { timeout: 45_000 }).toBe(n === 1 ? 2 : 1);
    expect(mine(4)).toEqual([]);
    await page.keyboard.press('Control+g');
    await page.keyboard.press('Escape');
  });

  it('imports a CSV with 2 bad rows: the report names them, the rest appear in the list', async () => {
    await page.fill('[data-testid=replies-search]', '');
    const csv = [
      'category,title,text,shortcut',
      '导入,一,第一条导入话术,/imp1',
      '导入,二,,/imp2',
      '导入,三,第三条导入话术,/welcome',
      '导入,四,第四条导入话术,',
      '导入,五,第五条导入话术,/imp5',
    ].join('\n');
    await page.setInputFiles('[data-testid=reply-import-file]', { name: '话术.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.waitForSelector('[data-testid=import-report]', { timeout: 15_000 });
    expect(await page.locator('[data-testid=import-imported]').textContent()).toContain('3');
    const rows = await page.locator('[data-testid=import-rejected]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-row'))));
    expect(rows).toEqual([3, 4]);
    expect(await page.locator('[data-testid=import-rejected]').nth(1).textContent()).toContain('shortcut');
    await expect.poll(() => page.locator('[data-testid=reply-item]').count(), { timeout: 10_000 }).toBe(5);
    await page.screenshot({ path: '/tmp/phonewall-quick-replies-import.png' });

    // Up moves a reply within its category on the box, for every console.
    const titles = () => page.locator('[data-testid=reply-item] .reply-title').allTextContents();
    await page.locator('[data-testid=replies-category]', { hasText: '导入' }).click();
    await expect.poll(titles).toEqual(['一', '四', '五']);
    await page.locator('[data-testid=reply-item]', { hasText: '第五条导入话术' }).locator('[data-testid=reply-up]').click();
    await expect.poll(titles, { timeout: 10_000 }).toEqual(['一', '五', '四']);
    const listed = (await client.request({ type: 'listQuickReplies', category: '导入' })).result as { replies: { title: string }[] };
    expect(listed.replies.map((r) => r.title)).toEqual(['一', '五', '四']);
    await page.locator('[data-testid=replies-category]').first().click();

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('[data-testid=reply-export-csv]')]);
    expect(download.suggestedFilename()).toMatch(/^phonewall-replies-\d{8}-\d{4}\.csv$/);
    const file = await download.path();
    const exported = readFileSync(file, 'utf8');
    expect(exported).toContain('第五条导入话术');
    expect(exported).toContain('/welcome');
  });

  it('a customer message on phone 4 raises its badge; taking phone 4 clears it; idle tiles stay without one', async () => {
    await page.click('[data-testid=replies-toggle]');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid=attention-badge]').count()).toBe(0);
    phone(4).deliverCustomerMessage();
    await tile(4).locator('[data-testid=attention-badge]').waitFor({ timeout: 20_000 });
    expect(await tile(4).locator('[data-testid=attention-badge]').textContent()).toMatch(/^新消息 \d\d:\d\d$/);
    await page.click('[data-testid=attention-first]');
    await expect.poll(() => page.locator('[data-testid=tile]').first().getAttribute('data-device-id')).toBe(id(4));
    await page.screenshot({ path: '/tmp/phonewall-attention-badge.png' });
    expect(await page.locator('[data-testid=attention-badge]').count()).toBe(1);

    // Opening the phone with Enter takes it without touching it: the console's clearAttention is what clears it.
    await tile(4).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=focus-view]');
    await expect.poll(() => tile(4).locator('[data-testid=attention-badge]').count(), { timeout: 15_000 }).toBe(0);
    expect(phone(4).inspect().taps).toHaveLength(0);
    await page.click('[data-testid=close-focus]');
    expect(((await client.request({ type: 'listAttention' })).result as { attention: unknown[] }).attention).toEqual([]);
    await page.click('[data-testid=attention-first]');
    for (const n of [1, 2, 3]) expect(await tile(n).locator('[data-testid=attention-badge]').count()).toBe(0);
  });
});
