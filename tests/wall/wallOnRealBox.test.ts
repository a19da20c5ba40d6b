import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import type { DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import type { SimPhone } from '../../native-bridge/simphone/simPhone.ts';
import { containRect } from '../../renderer/src/shared/input/coordinateMapping.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';

interface UiNode {
  id: string;
  text: string;
  bounds: { x1: number; y1: number; x2: number; y2: number };
}

function uiNodes(xml: string): UiNode[] {
  const nodes: UiNode[] = [];
  for (const match of xml.matchAll(/<node [^>]*?text="([^"]*)"[^>]*?resource-id="[^"]*?:id\/([^"]*)"[^>]*?bounds="\[(\d+),(\d+)\]\[(\d+),(\d+)\]"/g)) {
    nodes.push({ text: match[1]!, id: match[2]!, bounds: { x1: Number(match[3]), y1: Number(match[4]), x2: Number(match[5]), y2: Number(match[6]) } });
  }
  return nodes;
}

/** A hash of a canvas's pixels: changes when the picture changes. */
async function canvasSignature(page: Page, selector: string): Promise<{ colours: number; hash: number }> {
  return page.$eval(selector, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    if (c.width === 0) return { colours: 0, hash: 0 };
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    let hash = 0;
    for (let i = 0; i < data.length; i += 4 * 5) {
      colours.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
      hash = (hash * 31 + data[i]! + data[i + 1]! * 7 + data[i + 2]! * 13) >>> 0;
    }
    return { colours: colours.size, hash };
  });
}

describe('console against a real box with 8 simulated phones (issue acceptance 1–5)', () => {
  let box: RunningBox;
  let phones: readonly SimPhone[];
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let rendererDir: string;
  const cleanups: (() => unknown)[] = [];

  const phone = (n: number) => phones[n - 1]!;
  const tileCanvas = (n: number) => `[data-device-id=${phone(n).identity.serial}] canvas`;

  /** Client point of a phone-pixel point inside the tile (same letterboxing as the renderer). */
  async function clientPoint(n: number, x: number, y: number, selector = tileCanvas(n)): Promise<{ x: number; y: number }> {
    const rect = (await page.locator(selector).boundingBox())!;
    const size = phone(n).physicalSize;
    const picture = containRect(rect, size.width, size.height);
    return { x: rect.x + picture.left + ((x + 0.5) / size.width) * picture.width, y: rect.y + picture.top + ((y + 0.5) / size.height) * picture.height };
  }

  async function node(n: number, match: (node: UiNode) => boolean): Promise<UiNode> {
    let found: UiNode | undefined;
    await expect.poll(async () => {
      found = uiNodes(await box.hub.control(phone(n).identity.serial).uiDump()).find(match);
      return found !== undefined;
    }, { timeout: 20_000 }).toBe(true);
    return found!;
  }

  async function tapNode(n: number, target: UiNode, selector?: string): Promise<void> {
    const point = await clientPoint(n, (target.bounds.x1 + target.bounds.x2) / 2, (target.bounds.y1 + target.bounds.y2) / 2, selector);
    await page.mouse.click(point.x, point.y);
  }

  async function openChatApp(n: number): Promise<void> {
    await tapNode(n, await node(n, (v) => v.id === 'launcher_app_chat'));
    await node(n, (v) => v.id.startsWith('chat_row_'));
  }

  async function openFirstChat(n: number): Promise<string> {
    const row = await node(n, (v) => v.id.startsWith('chat_row_'));
    await tapNode(n, row);
    const chatId = row.id.slice('chat_row_'.length);
    await expect.poll(() => phone(n).inspect().openChatId, { timeout: 20_000 }).toBe(chatId);
    return chatId;
  }

  async function startTheBox(port = 0): Promise<void> {
    box = await startBox({ dataDir, listen: { host: '127.0.0.1', port }, simulate: 8, adbServer: null, rendererDir, log: () => undefined });
    phones = (box.hub as DeviceHubWithDiagnostics).simulatedPhones();
  }

  beforeAll(async () => {
    const renderer = await buildRenderer();
    rendererDir = renderer.dir;
    cleanups.push(renderer.cleanup);
    dataDir = mkdtempSync(path.join(tmpdir(), 'phonewall-box-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await startTheBox();
    cleanups.push(() => box.stop());
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const token = readFileSync(box.adminTokenPath, 'utf8').trim();
    await page.goto(`${box.url}/#token=${token}`);
  }, 180_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  it('1: shows 8 tiles with decoded video, the right labels and states', async () => {
    await page.waitForSelector('[data-testid=tile]:nth-child(8)', { timeout: 60_000 });
    expect(await page.locator('[data-testid=tile]').count()).toBe(8);
    for (let n = 1; n <= 8; n++) {
      await expect.poll(async () => (await canvasSignature(page, tileCanvas(n))).colours, { timeout: 60_000 }).toBeGreaterThan(8);
      const tile = page.locator(`[data-device-id=${phone(n).identity.serial}]`);
      expect(await tile.locator('[data-testid=tile-name]').textContent()).toBe(phone(n).identity.model);
      expect(await tile.locator('.badge').getAttribute('data-state')).toBe('online');
      expect(await tile.locator('.sim-mark').count()).toBe(1);
    }
    await page.screenshot({ path: '/tmp/phonewall-realbox-wall.png' });
  });

  it('2: a click opens the first chat in tile 3, a drag scrolls the list, right-click goes back', async () => {
    await openChatApp(3);
    const rowsBefore = uiNodes(await box.hub.control(phone(3).identity.serial).uiDump()).filter((v) => v.id.startsWith('chat_row_'));
    const last = rowsBefore.at(-1)!;
    const start = await clientPoint(3, 360, 1300);
    const end = await clientPoint(3, 360, 500);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x, start.y + ((end.y - start.y) * i) / 10);
    await page.mouse.up();
    await expect.poll(async () => uiNodes(await box.hub.control(phone(3).identity.serial).uiDump()).find((v) => v.id === last.id)?.bounds.y1 ?? -1, { timeout: 20_000 }).toBeLessThan(last.bounds.y1);
    const before = await canvasSignature(page, tileCanvas(3));
    const chatId = await openFirstChat(3);
    expect(chatId).not.toBe('');
    await expect.poll(async () => (await canvasSignature(page, tileCanvas(3))).hash, { timeout: 20_000 }).not.toBe(before.hash);
    const point = await clientPoint(3, 360, 800);
    await page.mouse.click(point.x, point.y, { button: 'right' });
    await expect.poll(() => phone(3).inspect().openChatId, { timeout: 20_000 }).toBeNull();
  });

  it('3: IME-composed Chinese plus ASCII and Enter are sent exactly; Ctrl+V pastes the PC clipboard', async () => {
    await openChatApp(5);
    const chatId = await openFirstChat(5);
    await tapNode(5, await node(5, (v) => v.id === 'chat_input'));
    await expect.poll(() => page.locator('[data-testid=controlling]').textContent()).toContain(phone(5).identity.model);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'nihao', selectionStart: 5, selectionEnd: 5 });
    await cdp.send('Input.imeSetComposition', { text: '你好', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '你好，欢迎光临' });
    await page.keyboard.type('ok 123');
    await page.keyboard.press('Enter');
    const sent = () => phone(5).inspect().sent.filter((m) => m.chatId === chatId && m.from === 'me').map((m) => m.text);
    await expect.poll(sent, { timeout: 30_000 }).toContain('你好，欢迎光临ok 123');
    await page.locator('[data-testid=keyboard-sink]').evaluate((sink) => {
      const data = new DataTransfer();
      data.setData('text/plain', '复制的文字 copy 42');
      sink.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.keyboard.press('Enter');
    await expect.poll(sent, { timeout: 30_000 }).toContain('复制的文字 copy 42');
  });

  it('4: the focus view of phone 6 uses the larger focus stream and sends text from its box', async () => {
    await openChatApp(6);
    await openFirstChat(6);
    const gridSizes = phone(6).inspect().scrcpySessions.map((s) => Math.max(s.width, s.height));
    const rect = (await page.locator(tileCanvas(6)).boundingBox())!;
    await page.mouse.dblclick(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.waitForSelector('[data-testid=focus-view]');
    await expect.poll(() => phone(6).inspect().scrcpySessions.length, { timeout: 30_000 }).toBeGreaterThan(gridSizes.length);
    const focusSize = Math.max(...phone(6).inspect().scrcpySessions.map((s) => Math.max(s.width, s.height)));
    expect(focusSize).toBeGreaterThan(Math.max(...gridSizes));
    await expect.poll(async () => (await canvasSignature(page, '[data-testid=focus-view] canvas')).colours, { timeout: 30_000 }).toBeGreaterThan(8);
    await tapNode(6, await node(6, (v) => v.id === 'chat_input'), '[data-testid=focus-view] canvas');
    await page.fill('[data-testid=focus-text]', '晚上好，明天见 bye');
    await page.press('[data-testid=focus-text]', 'Enter');
    await expect.poll(() => phone(6).inspect().inputText, { timeout: 30_000 }).toContain('晚上好，明天见 bye');
    await page.screenshot({ path: '/tmp/phonewall-realbox-focus.png' });
    await page.click('[data-testid=close-focus]');
  });

  it('A4: after a rotation the decoder re-initialises and a tap lands where it was clicked', async () => {
    const n = 4;
    phone(n).rotate(1);
    const canvas = tileCanvas(n);
    // The box reports the new size: the tile turns landscape and the decoder restarts at the new config.
    await expect.poll(async () => {
      const box = (await page.locator(canvas).boundingBox())!;
      return box.width > box.height;
    }, { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await canvasSignature(page, canvas)).colours, { timeout: 30_000 }).toBeGreaterThan(8);
    const rect = (await page.locator(canvas).boundingBox())!;
    const picture = containRect(rect, 1600, 720);
    const tapsBefore = phone(n).inspect().taps.length;
    await page.mouse.click(rect.x + picture.left + picture.width * 0.25, rect.y + picture.top + picture.height * 0.5);
    await expect.poll(() => phone(n).inspect().taps.length, { timeout: 20_000 }).toBeGreaterThan(tapsBefore);
    const tap = phone(n).inspect().taps.at(-1)!;
    // The tap is in the phone's current (landscape) pixels: only right if the new frame size was used.
    expect(Math.abs(tap.x - 400)).toBeLessThan(25);
    expect(Math.abs(tap.y - 360)).toBeLessThan(25);
    phone(n).rotate(0);
  });

  it('5: an unreachable phone shows offline and recovers; a restarted box is reconnected without reload', async () => {
    const serial = phone(7).identity.serial;
    const badge = page.locator(`[data-device-id=${serial}] .badge`);
    phone(7).setReachable(false);
    phone(7).dropAdbConnections();
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).not.toBe('online');
    phone(7).setReachable(true);
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 60_000 }).toBe('online');

    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const port = box.port;
    await box.stop();
    await expect.poll(() => page.locator('[data-testid=box-chip]').getAttribute('data-state'), { timeout: 30_000 }).not.toBe('online');
    await startTheBox(port);
    await expect.poll(() => page.locator('[data-testid=box-chip]').getAttribute('data-state'), { timeout: 60_000 }).toBe('online');
    await expect.poll(async () => (await canvasSignature(page, tileCanvas(1))).colours, { timeout: 60_000 }).toBeGreaterThan(8);
    expect(navigations).toEqual([]);
  });
});
