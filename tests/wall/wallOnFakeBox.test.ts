import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DeviceInfo } from '../../native-bridge/protocol/boxMessages.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';
import { FakeBox } from '../testing/fakeBox.ts';
import { encodeTestPattern } from '../testing/h264TestPattern.ts';

const token = 'test-token-0123456789abcdefghijklmnop';
const xssName = '<img src=x onerror="window.__xss=1">Pixel';

function device(index: number, patch: Partial<DeviceInfo> = {}): DeviceInfo {
  return { id: `sim-${index}`, serial: `sim-${index}`, model: `模拟手机 ${index}`, width: 1080, height: 2412, source: 'simulated', simulated: true, state: 'online', reason: null, ...patch };
}

/** Non-blank = many distinct colours in the canvas (a blank or single-colour canvas has one or two). */
async function canvasColours(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    if (c.width === 0 || c.height === 0) return 0;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4));
    return colours.size;
  });
}

describe('console wall in Chromium (fake box, real H.264)', () => {
  let box: FakeBox;
  let browser: Browser;
  let page: Page;
  const cleanups: (() => unknown)[] = [];

  beforeAll(async () => {
    const [renderer, grid, focus] = await Promise.all([buildRenderer(), encodeTestPattern(480, 1072), encodeTestPattern(720, 1608, 2)]);
    cleanups.push(renderer.cleanup);
    const devices = Array.from({ length: 8 }, (_, i) => device(i + 1));
    devices[1] = device(2, { model: xssName });
    // A phone whose reported size differs from its stream: the tile letterboxes the picture.
    devices[3] = device(4, { width: 1080, height: 1920 });
    devices[7] = device(8, { state: 'unauthorized', reason: '请在手机上允许 USB 调试' });
    box = new FakeBox({ rendererDir: renderer.dir, token, devices, video: { grid, focus } });
    await box.start();
    cleanups.push(() => box.stop());
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${box.url}/#token=${token}`);
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('shows 8 tiles with decoded video, labels, badges and the simulated mark', async () => {
    await page.waitForSelector('[data-testid=tile]:nth-child(8)', { timeout: 30_000 });
    expect(await page.locator('[data-testid=tile]').count()).toBe(8);
    for (let i = 1; i <= 7; i++) {
      await expect.poll(() => canvasColours(page, `[data-device-id=sim-${i}] canvas`), { timeout: 30_000 }).toBeGreaterThan(20);
    }
    expect(await page.locator('[data-device-id=sim-8] .badge').getAttribute('data-state')).toBe('unauthorized');
    expect(await page.locator('[data-device-id=sim-8] .badge').getAttribute('title')).toBe('请在手机上允许 USB 调试');
    expect(await page.locator('[data-device-id=sim-8] .tile-reason').textContent()).toBe('请在手机上允许 USB 调试');
    expect(await page.locator('[data-device-id=sim-1] .badge').textContent()).toBe('在线');
    expect(await page.locator('[data-device-id=sim-1] .sim-mark').textContent()).toBe('模拟');
    expect(await page.locator('[data-device-id=sim-1] [data-testid=tile-name]').textContent()).toBe('模拟手机 1');
    expect(box.requestsOf('subscribe').filter((m) => m.type === 'subscribe' && m.profile === 'grid')).toHaveLength(7);
    await page.screenshot({ path: '/tmp/phonewall-wall.png' });
  });

  it('renders box-provided names as text, never as HTML', async () => {
    expect(await page.locator('[data-device-id=sim-2] [data-testid=tile-name]').textContent()).toBe(xssName);
    expect(await page.locator('[data-device-id=sim-2] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('has no Node or IPC in the page, and its CSP blocks inline script (E2, E4)', async () => {
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process, typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer, typeof (window as unknown as { phonewall?: unknown }).phonewall])).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __inline?: number }).__inline ?? 0;
    });
    expect(ran).toBe(0);
    expect(await page.locator('[data-testid=add-box]').count()).toBe(0);
  });

  it('maps a click on a letterboxed tile to frame coordinates and ignores the bars', async () => {
    const canvas = page.locator('[data-device-id=sim-4] canvas');
    const rect = (await canvas.boundingBox())!;
    // The 480×1072 picture is fitted into a 1080:1920 box: bars on the left and right.
    const scale = Math.min(rect.width / 480, rect.height / 1072);
    const pictureWidth = 480 * scale;
    const barWidth = (rect.width - pictureWidth) / 2;
    expect(barWidth).toBeGreaterThan(2);
    const before = box.requestsOf('input', 'sim-4').length;
    await page.mouse.click(rect.x + barWidth / 2, rect.y + rect.height / 2);
    const targetX = rect.x + barWidth + pictureWidth * 0.25;
    const targetY = rect.y + (rect.height - 1072 * scale) / 2 + 1072 * scale * 0.75;
    await page.mouse.click(targetX, targetY);
    await expect.poll(() => box.requestsOf('input', 'sim-4').length, { timeout: 10_000 }).toBe(before + 2);
    const touches = box.requestsOf('input', 'sim-4').slice(before).map((m) => (m.type === 'input' ? m.input : null));
    expect(touches.map((t) => (t?.kind === 'touch' ? t.action : t?.kind))).toEqual(['down', 'up']);
    const down = touches[0]!;
    if (down.kind !== 'touch') throw new Error('expected touch');
    expect(down.frameWidth).toBe(480);
    expect(down.frameHeight).toBe(1072);
    expect(Math.abs(down.x - 120)).toBeLessThanOrEqual(1);
    expect(Math.abs(down.y - 804)).toBeLessThanOrEqual(1);
    expect(await page.locator('[data-testid=controlling]').textContent()).toContain('模拟手机 4');
  });

  it('sends right-click as back, middle-click as home, wheel as scroll on the selected phone', async () => {
    const canvas = page.locator('[data-device-id=sim-3] canvas');
    const rect = (await canvas.boundingBox())!;
    const before = box.requestsOf('input', 'sim-3').length;
    await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2, { button: 'right' });
    await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2, { button: 'middle' });
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => box.requestsOf('input', 'sim-3').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 5);
    const kinds = box.requestsOf('input', 'sim-3').slice(before).map((m) => (m.type === 'input' ? m.input.kind : ''));
    expect(kinds.slice(0, 5)).toEqual(['touch', 'touch', 'back', 'home', 'scroll']);
    const scroll = box.requestsOf('input', 'sim-3').slice(before)[4]!;
    expect(scroll.type === 'input' && scroll.input.kind === 'scroll' && scroll.input.dy < 0).toBe(true);
  });

  it('types IME-composed Chinese, ASCII, Enter and Ctrl+V into the selected phone, in order', async () => {
    const canvas = page.locator('[data-device-id=sim-5] canvas');
    const rect = (await canvas.boundingBox())!;
    await page.mouse.click(rect.x + rect.width / 2, rect.y + 20);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '你好', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '你好，欢迎光临' });
    await page.keyboard.type('ok 123');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    await page.locator('[data-testid=keyboard-sink]').evaluate((sink) => {
      const data = new DataTransfer();
      data.setData('text/plain', '剪贴板 paste ✓');
      sink.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => box.requestsOf('text', 'sim-5').length + box.requestsOf('input', 'sim-5').filter((m) => m.type === 'input' && m.input.kind === 'key').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await expect
      .poll(() => box.requestsOf('text', 'sim-5').map((m) => (m.type === 'text' ? m.text : '')).join(''), { timeout: 10_000 })
      .toBe('你好，欢迎光临ok 123剪贴板 paste ✓');
    const sequence = box.requests
      .filter((r) => r.deviceId === 'sim-5' && (r.message.type === 'text' || (r.message.type === 'input' && r.message.input.kind === 'key')))
      .map((r) => (r.message.type === 'text' ? r.message.text : r.message.type === 'input' && r.message.input.kind === 'key' ? `[${r.message.input.key}]` : ''));
    expect(sequence.join('')).toBe('你好，欢迎光临ok 123[enter][del]剪贴板 paste ✓');
  });

  it('opens the focus view with the focus profile and sends text from its text box', async () => {
    const canvas = page.locator('[data-device-id=sim-6] canvas');
    const rect = (await canvas.boundingBox())!;
    await page.mouse.dblclick(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.waitForSelector('[data-testid=focus-view]');
    await expect.poll(() => box.requestsOf('subscribe', 'sim-6').some((m) => m.type === 'subscribe' && m.profile === 'focus'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => canvasColours(page, '[data-testid=focus-view] canvas'), { timeout: 30_000 }).toBeGreaterThan(20);
    await page.fill('[data-testid=focus-text]', '晚上好 friend');
    await page.press('[data-testid=focus-text]', 'Enter');
    await expect.poll(() => box.requestsOf('text', 'sim-6').map((m) => (m.type === 'text' ? m.text : '')), { timeout: 10_000 }).toContain('晚上好 friend');
    await page.screenshot({ path: '/tmp/phonewall-focus.png' });
    await page.click('[data-testid=close-focus]');
    expect(await page.locator('[data-testid=focus-view]').count()).toBe(0);
  });

  it('shows a phone going offline and back, resubscribes an ended stream, and reconnects after the box drops every connection', async () => {
    box.setDeviceState('sim-7', 'offline', 'USB 断开');
    await expect.poll(() => page.locator('[data-device-id=sim-7] .badge').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline');
    box.setDeviceState('sim-7', 'online', null);
    await expect.poll(() => page.locator('[data-device-id=sim-7] .badge').getAttribute('data-state'), { timeout: 10_000 }).toBe('online');
    const sim1Subscribes = box.requestsOf('subscribe', 'sim-1').length;
    box.endStreams('sim-1');
    await expect.poll(() => box.requestsOf('subscribe', 'sim-1').length, { timeout: 20_000 }).toBe(sim1Subscribes + 1);
    const subscribesBefore = box.requestsOf('subscribe').length;
    box.dropConnections();
    await expect.poll(() => page.locator('[data-testid=box-chip]').getAttribute('data-state'), { timeout: 10_000 }).not.toBe('online');
    await expect.poll(() => page.locator('[data-testid=box-chip]').getAttribute('data-state'), { timeout: 30_000 }).toBe('online');
    await expect.poll(() => box.requestsOf('subscribe').length, { timeout: 30_000 }).toBeGreaterThanOrEqual(subscribesBefore + 7);
    await expect.poll(() => canvasColours(page, '[data-device-id=sim-1] canvas'), { timeout: 30_000 }).toBeGreaterThan(20);
  });

  it('asks for a token in a fresh browser, refuses a wrong one, and offers dark and English looks', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const fresh = await context.newPage();
    await fresh.goto(`${box.url}/`);
    await fresh.waitForSelector('[data-testid=login]');
    expect(await fresh.locator('h2').textContent()).toBe('连接盒子');
    await fresh.screenshot({ path: '/tmp/phonewall-login.png' });
    await fresh.fill('[data-testid=login-token]', 'wrong-token-123456789');
    await fresh.click('[data-testid=login-submit]');
    await expect.poll(() => fresh.locator('.login-card .error').count(), { timeout: 20_000 }).toBe(1);
    await fresh.fill('[data-testid=login-token]', token);
    await fresh.click('[data-testid=login-submit]');
    await fresh.waitForSelector('[data-testid=tile]:nth-child(8)', { timeout: 30_000 });
    expect(await fresh.evaluate(() => [sessionStorage.getItem('phonewall.token') !== null, localStorage.getItem('phonewall.token')])).toEqual([true, null]);

    await fresh.goto(`${box.url}/?theme=dark&lang=en`);
    await fresh.waitForSelector('[data-testid=tile]:nth-child(8)', { timeout: 30_000 });
    expect(await fresh.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await fresh.locator('[data-device-id=sim-1] .badge').textContent()).toBe('Online');
    expect(await fresh.locator('[data-testid=counts]').textContent()).toBe('8 phones, 7 online');
    await expect.poll(() => canvasColours(fresh, '[data-device-id=sim-1] canvas'), { timeout: 30_000 }).toBeGreaterThan(20);
    await fresh.screenshot({ path: '/tmp/phonewall-dark-en.png' });
    await fresh.click('[data-testid=language-toggle]');
    expect(await fresh.locator('[data-device-id=sim-1] .badge').textContent()).toBe('在线');
    await fresh.screenshot({ path: '/tmp/phonewall-dark-zh.png' });
    await context.close();
  });

  it('in the desktop app connects to the embedded box through window.phonewall and shows desktop-only actions', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(({ url, token }) => {
      const calls: string[] = [];
      const ok = <T,>(value: T) => ({ ok: true, value });
      Object.assign(window, {
        desktopCalls: calls,
        phonewall: Object.freeze({
          embeddedBoxStatus: async () => (calls.push('embeddedBoxStatus'), { state: 'running', mode: 'simulated', url, pid: 1, reason: null }),
          boxCredentials: async (id: string) => (calls.push(`boxCredentials:${id}`), ok({ url, token })),
          boxesList: async () => (calls.push('boxesList'), [{ id: 'embedded', name: '', url, embedded: true }]),
          boxesAdd: async () => ok({ id: 'x', name: 'x', url, embedded: false }),
          boxesRemove: async () => ok(null),
          embeddedBoxStart: async () => ok(null),
          embeddedBoxStop: async () => ok(null),
          embeddedBoxLogs: async () => ['PhoneWall box listening on <b>x</b>'],
          pickImages: async () => ok([]),
          showNotification: async () => ok(null),
          appInfo: async () => ({ name: 'PhoneWall', version: '0', platform: 'linux', locale: 'zh-CN', secureStorage: true }),
        }),
      });
    }, { url: box.url, token });
    const desktop = await context.newPage();
    await desktop.goto(`${box.url}/`);
    await desktop.waitForSelector('[data-testid=tile]:nth-child(8)', { timeout: 30_000 });
    expect(await desktop.locator('[data-testid=login]').count()).toBe(0);
    expect(await desktop.locator('[data-testid=embedded-mode]').textContent()).toBe('模拟手机');
    expect(await desktop.locator('[data-testid=box-chip] .box-name').textContent()).toBe('本机盒子');
    expect(await desktop.locator('[data-testid=add-box]').count()).toBe(1);
    expect(await desktop.evaluate(() => (window as unknown as { desktopCalls: string[] }).desktopCalls)).toContain('boxCredentials:embedded');
    await desktop.click('text=日志');
    expect(await desktop.locator('[data-testid=embedded-log]').textContent()).toBe('PhoneWall box listening on <b>x</b>');
    expect(await desktop.locator('[data-testid=embedded-log] b').count()).toBe(0);
    await context.close();
  });
});
