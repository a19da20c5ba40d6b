// Group control end to end: a real box with 5 simulated phones of three resolutions, driven from real Chromium.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import { writeStandInJar } from '../../native-bridge/sessions/scrcpyServerJar.ts';
import { startSimFarm } from '../../native-bridge/simphone/simFarm.ts';
import type { SimFarm } from '../../native-bridge/simphone/simFarm.ts';
import type { SimPhone } from '../../native-bridge/simphone/simPhone.ts';
import { containRect } from '../../renderer/src/shared/input/coordinateMapping.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';

interface UiNode {
  id: string;
  bounds: { x1: number; y1: number; x2: number; y2: number };
}

function uiNodes(xml: string): UiNode[] {
  const nodes: UiNode[] = [];
  for (const match of xml.matchAll(/<node [^>]*?resource-id="[^"]*?:id\/([^"]*)"[^>]*?bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"/g)) {
    nodes.push({ id: match[1]!, bounds: { x1: Number(match[2]), y1: Number(match[3]), x2: Number(match[4]), y2: Number(match[5]) } });
  }
  return nodes;
}

function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => bytes[i] === byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const message = '晚上好，今天有新品到店';

describe('group control against a real box with 5 phones of three resolutions (issue 5, acceptance 1)', () => {
  let farm: SimFarm;
  let box: RunningBox;
  let browser: Browser;
  let page: Page;
  const deviceIds: string[] = [];
  const cleanups: (() => unknown)[] = [];

  const phone = (n: number): SimPhone => farm.phones[n - 1]!;
  const tile = (n: number) => page.locator(`[data-testid=tile][data-device-id="${deviceIds[n - 1]}"]`);
  const canvas = (n: number) => tile(n).locator('canvas');
  const dump = async (n: number) => uiNodes(await box.hub.control(deviceIds[n - 1]!).uiDump());
  const sentByMe = (n: number, chatId: string | null) => phone(n).inspect().sent.filter((m) => m.chatId === chatId && m.from === 'me').map((m) => m.text);

  /** Distinct colours drawn on a tile's canvas: more than a few once video is decoded. */
  async function colours(n: number): Promise<number> {
    return canvas(n).evaluate((element) => {
      const c = element as HTMLCanvasElement;
      if (c.width === 0) return 0;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7) seen.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
      return seen.size;
    });
  }

  async function node(n: number, match: (node: UiNode) => boolean): Promise<UiNode> {
    let found: UiNode | undefined;
    await expect.poll(async () => (found = (await dump(n)).find(match)) !== undefined, { timeout: 30_000 }).toBe(true);
    return found!;
  }

  /** Clicks the leader's tile where a phone-pixel point of phone 1 is drawn. */
  async function tapLeader(target: UiNode): Promise<void> {
    const rect = (await canvas(1).boundingBox())!;
    const size = phone(1).physicalSize;
    const picture = containRect(rect, size.width, size.height);
    const x = (target.bounds.x1 + target.bounds.x2) / 2;
    const y = (target.bounds.y1 + target.bounds.y2) / 2;
    await page.mouse.click(rect.x + picture.left + (x / size.width) * picture.width, rect.y + picture.top + (y / size.height) * picture.height);
  }

  beforeAll(async () => {
    const renderer = await buildRenderer();
    cleanups.push(renderer.cleanup);
    farm = await startSimFarm({ count: 5, host: '127.0.0.1', resolutions: [[720, 1600], [1080, 2340], [540, 1200]] });
    cleanups.push(() => farm.stop());
    const dataDir = mkdtempSync(path.join(tmpdir(), 'phonewall-group-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    box = await startBox({
      dataDir,
      listen: { host: '127.0.0.1', port: 0 },
      connect: farm.phones.map((p) => ({ host: '127.0.0.1', port: p.port })),
      adbServer: null,
      // Phones reached by `connect` count as real ones: they get the stand-in jar only simulated phones accept.
      scrcpyServerPath: await writeStandInJar(dataDir),
      rendererDir: renderer.dir,
      posting: false,
      log: () => undefined,
    });
    cleanups.push(() => box.stop());
    await vi.waitFor(() => expect(box.hub.list().filter((d) => d.state === 'online')).toHaveLength(5), { timeout: 60_000, interval: 250 });
    for (const p of farm.phones) {
      const device = box.hub.list().find((d) => d.serial === p.address || d.serial === p.identity.serial);
      if (!device) throw new Error(`no device for ${p.address}`);
      deviceIds.push(device.id);
    }
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 }, acceptDownloads: true });
    await page.goto(`${box.url}/#token=${readFileSync(box.adminTokenPath, 'utf8').trim()}`);
    await page.waitForSelector('[data-testid=tile]:nth-child(5)', { timeout: 60_000 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: box.url });
    // Taps need a decoded frame on the leader's tile (its size maps the click); wait for pictures on every tile.
    for (let n = 1; n <= 5; n++) {
      await vi.waitFor(async () => expect(await colours(n)).toBeGreaterThan(8), { timeout: 60_000, interval: 250 });
    }
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  it('selects 5 phones with Ctrl-click, warns about the different screen shape, and shows who follows', async () => {
    for (let n = 1; n <= 5; n++) await canvas(n).click({ modifiers: ['Control'] });
    await expect.poll(() => page.locator('[data-testid=group-count]').textContent()).toContain('5');
    // Ctrl-clicks are selection gestures, never taps on the phones.
    for (let n = 1; n <= 5; n++) expect(phone(n).inspect().taps).toHaveLength(0);
    await page.keyboard.press('Control+g');
    await page.waitForSelector('[data-testid=sync-confirm]');
    expect(await page.locator('[data-testid=sync-confirm]').textContent()).toContain('2.6%');
    await page.screenshot({ path: '/tmp/phonewall-group-aspect-warning.png' });
    // Esc cancels the warning and keeps the selection; Ctrl+G asks again.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=sync-confirm]').count()).toBe(0);
    expect(await page.locator('[data-testid=group-count]').textContent()).toContain('5');
    await page.keyboard.press('Control+g');
    await page.waitForSelector('[data-testid=sync-confirm]');
    await page.click('[data-testid=sync-confirm-ok]');
    await expect.poll(() => page.locator('[data-testid=sync-count]').textContent()).toBe('同步中：4 台跟随');
    expect(await page.locator('[data-testid=sync-follower]').count()).toBe(4);
    expect(await tile(1).getAttribute('data-group-role')).toBe('leader');
    for (let n = 2; n <= 5; n++) expect(await tile(n).getAttribute('data-group-role')).toBe('follower');
    await page.screenshot({ path: '/tmp/phonewall-group-sync-on.png' });
  });

  it("a tap on the leader's third chat row opens the third chat on all 5; typed text and Enter are sent on all 5", async () => {
    await tapLeader(await node(1, (v) => v.id === 'launcher_app_chat'));
    const thirdChat: string[] = [];
    for (let n = 1; n <= 5; n++) {
      await node(n, (v) => v.id.startsWith('chat_row_'));
      const rows = (await dump(n)).filter((v) => v.id.startsWith('chat_row_')).sort((a, b) => a.bounds.y1 - b.bounds.y1);
      thirdChat.push(rows[2]!.id.slice('chat_row_'.length));
    }
    const leaderRows = (await dump(1)).filter((v) => v.id.startsWith('chat_row_')).sort((a, b) => a.bounds.y1 - b.bounds.y1);
    await tapLeader(leaderRows[2]!);
    for (let n = 1; n <= 5; n++) await expect.poll(() => phone(n).inspect().openChatId, { timeout: 30_000 }).toBe(thirdChat[n - 1]);

    await tapLeader(await node(1, (v) => v.id === 'chat_input'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', { text: message });
    await page.keyboard.press('Enter');
    for (let n = 1; n <= 5; n++) await expect.poll(() => sentByMe(n, thirdChat[n - 1]!), { timeout: 45_000 }).toEqual([message]);
  });

  it('screenshots all 5 selected phones into one zip of 5 PNGs at each phone’s size', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=screenshot]')]);
    expect(download.suggestedFilename()).toMatch(/^phonewall_5_\d{8}-\d{6}\.zip$/);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'phonewall-shots-')), download.suggestedFilename());
    cleanups.push(() => rmSync(path.dirname(file), { recursive: true, force: true }));
    await download.saveAs(file);
    const entries = unzipSync(readFileSync(file));
    const names = Object.keys(entries);
    expect(names).toHaveLength(5);
    for (const name of names) expect(name).toMatch(/^SimPhone \d+x\d+(_\d)?_\d{8}-\d{6}(_\d)?\.png$/);
    const sizes = Object.values(entries).map((bytes) => pngSize(bytes));
    expect(sizes.every((size) => size !== null)).toBe(true);
    const expected = farm.phones.map((p) => `${p.physicalSize.width}x${p.physicalSize.height}`).sort();
    expect(sizes.map((size) => `${size!.width}x${size!.height}`).sort()).toEqual(expected);
  });

  it('a follower taken offline mid-way is marked failed while the others complete, and can be re-included', async () => {
    const chats = [1, 2, 3, 4, 5].map((n) => phone(n).inspect().openChatId);
    phone(5).setReachable(false);
    phone(5).dropAdbConnections();
    await cdpType('第二条：欢迎进店');
    await page.keyboard.press('Enter');
    for (let n = 1; n <= 4; n++) await expect.poll(() => sentByMe(n, chats[n - 1]!), { timeout: 45_000 }).toEqual([message, '第二条：欢迎进店']);
    const chip = page.locator(`[data-testid=sync-follower][data-device-id="${deviceIds[4]}"]`);
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 30_000 }).toBe('failed');
    expect(await chip.textContent()).toContain('失败：');
    expect(await tile(5).getAttribute('data-group-role')).toBe('failed');
    expect(await tile(5).locator('[data-testid=tile-follower-failed]').textContent()).toContain('失败：');
    await expect.poll(() => page.locator('[data-testid=sync-count]').textContent()).toBe('同步中：3 台跟随');
    await page.screenshot({ path: '/tmp/phonewall-group-failed.png' });
    expect(sentByMe(5, chats[4]!)).toEqual([message]);

    phone(5).setReachable(true);
    await expect.poll(() => tile(5).locator('.badge').getAttribute('data-state'), { timeout: 60_000 }).toBe('online');
    await chip.locator('[data-testid=sync-reinclude]').click();
    await expect.poll(() => chip.getAttribute('data-state')).toBe('ok');
    expect(await page.locator('[data-testid=sync-count]').textContent()).toBe('同步中：4 台跟随');
  });

  it('Esc leaves sync to the phones; turning sync off and dragging a rectangle selects the tiles it touches', async () => {
    await page.keyboard.press('Control+g');
    await expect.poll(() => page.locator('[data-testid=sync-bar]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=group-count]').count()).toBe(0);
    const wall = (await page.locator('.wall').boundingBox())!;
    const boxes = [];
    for (let n = 1; n <= 5; n++) boxes.push({ id: deviceIds[n - 1]!, box: (await tile(n).boundingBox())! });
    const second = [...boxes].sort((a, b) => a.box.x - b.box.x)[1]!.box;
    const start = { x: wall.x + wall.width - 10, y: wall.y + 6 };
    const end = { x: second.x + 20, y: second.y + 40 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(start.x + ((end.x - start.x) * i) / 8, start.y + ((end.y - start.y) * i) / 8);
    await page.waitForSelector('[data-testid=selection-rect]');
    await page.screenshot({ path: '/tmp/phonewall-group-rectangle.png' });
    await page.mouse.up();
    expect(await page.locator('[data-testid=selection-rect]').count()).toBe(0);
    const selected = await page.locator('[data-testid=tile][data-group-role=member]').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-device-id')));
    // The tiles the dragged rectangle touched: all but the leftmost one (the five tiles sit in one row).
    const expected = boxes.filter(({ box }) => box.x + box.width >= end.x && box.x <= start.x && box.y <= end.y).map(({ id }) => id);
    expect(expected).toHaveLength(4);
    expect(selected.sort()).toEqual(expected.sort());
    expect(await page.locator('[data-testid=group-count]').textContent()).toContain('4');
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.locator('[data-testid=group-count]').textContent()).toContain('5');
    expect(await page.locator('[data-testid=tile][data-group-role=member]').count()).toBe(5);
  });

  it("text copied on the leader's phone reaches the PC clipboard with a toast", async () => {
    const bubbles = (await dump(1)).filter((v) => /^message_\d+$/.test(v.id)).sort((a, b) => a.bounds.y1 - b.bounds.y1);
    const last = bubbles.at(-1)!;
    const rect = (await canvas(1).boundingBox())!;
    const size = phone(1).physicalSize;
    const picture = containRect(rect, size.width, size.height);
    const at = (x: number, y: number) => ({ x: rect.x + picture.left + (x / size.width) * picture.width, y: rect.y + picture.top + (y / size.height) * picture.height });
    const press = at((last.bounds.x1 + last.bounds.x2) / 2, (last.bounds.y1 + last.bounds.y2) / 2);
    await page.mouse.move(press.x, press.y);
    await page.mouse.down();
    // A long press is a hold of at least 500 ms on the phone; the menu opens on release.
    await page.waitForTimeout(900);
    await page.mouse.up();
    await tapLeader(await node(1, (v) => v.id === 'menu_copy'));
    await expect.poll(() => phone(1).inspect().clipboard, { timeout: 20_000 }).toBe('第二条：欢迎进店');
    await expect.poll(() => page.locator('[data-testid=toast]').textContent(), { timeout: 20_000 }).toBe('已复制手机剪贴板');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('第二条：欢迎进店');
  });

  async function cdpType(text: string): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', { text });
  }
});
