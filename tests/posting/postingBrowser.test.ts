// Real box + 10 simulated phones + real Chromium: a post with 3 pictures is composed in the material box,
// scheduled for every phone from the schedule dialog, and the job board shows all done with proof screenshots.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import type { DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import type { SimPhone } from '../../native-bridge/simphone/simPhone.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';

const PHONES = 10;
const POST_TEXT = '新品上市，欢迎咨询！🎉';

/** A distinct PNG per index: its own colour and number, so its own sha256. */
function picture(index: number): Buffer {
  const canvas = createCanvas(320, 240);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = ['#e0533d', '#3aa15a', '#3d62e0'][index] ?? '#777';
  ctx.fillRect(0, 0, 320, 240);
  ctx.fillStyle = '#fff';
  ctx.font = '96px sans-serif';
  ctx.fillText(String(index + 1), 130, 155);
  return canvas.toBuffer('image/png');
}

describe('posting screens against a real box with 10 simulated phones (issue 6, acceptance 1)', () => {
  let box: RunningBox;
  let phones: readonly SimPhone[];
  let browser: Browser;
  let page: Page;
  const cleanups: (() => unknown)[] = [];
  const pictures = [0, 1, 2].map(picture);
  const hashes = pictures.map((bytes) => createHash('sha256').update(bytes).digest('hex'));

  beforeAll(async () => {
    const renderer = await buildRenderer();
    cleanups.push(renderer.cleanup);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'phonewall-posting-ui-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    box = await startBox({
      dataDir, listen: { host: '127.0.0.1', port: 0 }, simulate: PHONES, adbServer: null, rendererDir: renderer.dir, log: () => undefined,
      posting: { tickMs: 200, phoneCooldownMs: 0 },
    });
    cleanups.push(() => box.stop());
    phones = (box.hub as DeviceHubWithDiagnostics).simulatedPhones();
    const chromium = await launchChromium();
    browser = chromium.browser;
    cleanups.push(chromium.cleanup);
    // The console shows and enters times in the box's zone.
    page = await browser.newPage({ viewport: { width: 1440, height: 960 }, timezoneId: box.posting!.zone });
    const token = readFileSync(box.adminTokenPath, 'utf8').trim();
    await page.goto(`${box.url}/#token=${token}`);
  }, 240_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 90_000);

  it('composes, schedules and watches 10 phones post exactly once with the text and the 3 pictures in order', async () => {
    await expect.poll(() => page.locator('[data-testid=tile] .badge[data-state=online]').count(), { timeout: 120_000 }).toBe(PHONES);
    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-testid=post-library]');
    expect(await page.locator('[data-testid=post-list] .empty').textContent()).toContain('还没有素材');
    await page.click('[data-testid=post-create]');

    // Checks show next to their field before anything is sent.
    await page.fill('[data-testid=composer-text]', '字'.repeat(2001));
    await expect.poll(() => page.locator('[data-testid=error-text]').textContent()).toContain('超出 1 字');
    await page.click('[data-testid=composer-save]');
    expect(await page.locator('[data-testid=error-title]').textContent()).toBe('请填写标题');

    await page.fill('[data-testid=composer-title]', '双十一上新');
    await page.fill('[data-testid=composer-text]', POST_TEXT);
    await page.fill('[data-testid=composer-tags]', '促销, 新品');
    expect(await page.locator('[data-testid=composer-count]').textContent()).toBe('11 / 2000 字');
    await page.setInputFiles('[data-testid=image-input]', pictures.map((buffer, index) => ({ name: `p${index + 1}.png`, mimeType: 'image/png', buffer })));
    // Uploaded in parallel; the grid keeps the order they were picked in.
    await expect.poll(() => page.locator('[data-testid=image-cell]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-sha256'))), { timeout: 30_000 }).toEqual(hashes);
    // Reorder with the arrows, and a fourth picture dropped on the grid is uploaded too, then removed.
    const order = () => page.locator('[data-testid=image-cell]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-sha256')));
    await page.locator('[data-testid=image-cell] >> nth=0').getByRole('button', { name: '后移' }).click();
    expect(await order()).toEqual([hashes[1], hashes[0], hashes[2]]);
    await page.locator('[data-testid=image-cell] >> nth=1').getByRole('button', { name: '前移' }).click();
    expect(await order()).toEqual(hashes);
    const extra = [...picture(3)];
    await page.locator('[data-testid=image-drop]').evaluate((zone, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, extra);
    const extraHash = createHash('sha256').update(picture(3)).digest('hex');
    await expect.poll(order, { timeout: 30_000 }).toEqual([...hashes, extraHash]);
    await page.locator('[data-testid=image-remove] >> nth=3').click();
    expect(await order()).toEqual(hashes);
    await page.screenshot({ path: '/tmp/phonewall-posting-composer.png' });
    await page.click('[data-testid=composer-save]');
    await page.waitForSelector('[data-testid=post-card]');
    expect(await page.locator('[data-testid=post-card] .post-text').textContent()).toBe(POST_TEXT);
    await expect.poll(() => page.locator('[data-testid=post-card] img.thumb').evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).naturalWidth > 0).length), { timeout: 20_000 }).toBe(3);
    await page.screenshot({ path: '/tmp/phonewall-posting-materials.png' });

    await page.click('[data-testid=post-schedule]');
    await page.waitForSelector('[data-testid=schedule]');
    // An unknown group is refused whole by the box, and the dialog shows its typed answer at the phones field.
    await page.fill('[data-testid=schedule-groups]', 'ghost-group');
    await page.click('[data-testid=schedule-submit]');
    await expect.poll(() => page.locator('[data-testid=error-devices]').textContent(), { timeout: 20_000 }).toContain('ghost-group');
    await page.fill('[data-testid=schedule-groups]', '');

    await page.click('[data-testid=phones-all]');
    expect(await page.locator('[data-testid=phone-option]:checked').count()).toBe(PHONES);
    // A minute ahead in the box's zone (minute resolution), phones staggered over 30 seconds.
    const at = DateTime.now().setZone(box.posting!.zone).plus({ minutes: 1 });
    await page.fill('[data-testid=schedule-date]', at.toISODate()!);
    await page.fill('[data-testid=schedule-time]', at.toFormat('HH:mm'));
    expect(await page.inputValue('[data-testid=schedule-stagger-unit]')).toBe('minutes');
    await page.selectOption('[data-testid=schedule-stagger-unit]', 'seconds');
    // The range check speaks the chosen unit.
    await page.fill('[data-testid=schedule-stagger]', '43201');
    await page.click('[data-testid=schedule-submit]');
    expect(await page.locator('[data-testid=error-stagger]').textContent()).toContain('0–43200 秒');
    await page.fill('[data-testid=schedule-stagger]', '30');
    await expect.poll(() => page.locator('[data-testid=error-stagger]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=schedule-preview] li').count()).toBe(PHONES);
    expect(await page.locator('[data-testid=schedule-spread]').textContent()).toBe(`${PHONES} 台手机，在 30 秒内依次开始`);
    await page.screenshot({ path: '/tmp/phonewall-posting-schedule.png' });
    await page.click('[data-testid=schedule-submit]');
    await expect.poll(() => page.locator('[data-testid=schedule-done]').textContent(), { timeout: 20_000 }).toContain(`共 ${PHONES} 个任务`);
    // The box stored the stagger in seconds and planned every start inside [t, t + 30 s).
    const [schedule] = box.posting!.engine.schedules.list(false);
    expect(schedule!.spec.staggerSeconds).toBe(30);
    const due = DateTime.fromISO(`${at.toISODate()!}T${at.toFormat('HH:mm')}`, { zone: box.posting!.zone }).toMillis();
    const planned = box.posting!.engine.jobs.list({ scheduleId: schedule!.id });
    expect(planned).toHaveLength(PHONES);
    expect(planned.every((job) => job.plannedAt >= due && job.plannedAt < due + 30_000)).toBe(true);
    expect(new Set(planned.map((job) => Math.floor((job.plannedAt - due) / 3_000))).size).toBe(PHONES);

    await page.keyboard.press('Alt+4');
    await page.waitForSelector('[data-testid=jobs]');
    await expect.poll(() => page.locator('[data-testid=job-row]').count(), { timeout: 20_000 }).toBe(PHONES);
    // Live job events move the board without a reload.
    await expect.poll(() => page.locator('[data-testid=count-done]').getAttribute('data-count'), { timeout: 200_000, interval: 1000 }).toBe(String(PHONES));
    expect(await page.locator('[data-testid=job-row][data-state=done]').count()).toBe(PHONES);

    const jobIds = await page.locator('[data-testid=job-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-job-id') ?? ''));
    const jobPhone = new Map<string, string>();
    for (const phone of phones) {
      const { posts, publishTaps } = phone.inspect();
      expect(posts).toHaveLength(1);
      const marker = /\n#job:([0-9a-f]+)$/.exec(posts[0]!.text);
      expect(marker).not.toBeNull();
      expect(posts[0]!.text).toBe(`${POST_TEXT}\n#job:${marker![1]}`);
      expect(posts[0]!.imageSha256).toEqual(hashes);
      expect(publishTaps[marker![1]!]).toBe(1);
      jobPhone.set(marker![1]!, phone.identity.serial);
    }
    expect(new Set(jobPhone.keys())).toEqual(new Set(jobIds));
    // No phone started before its own slot.
    for (const job of planned) {
      const claimed = box.posting!.engine.jobs.log(job.id).find((entry) => entry.to === 'claimed');
      expect(claimed!.at).toBeGreaterThanOrEqual(job.plannedAt);
    }

    for (const [index, jobId] of jobIds.entries()) {
      await page.click(`[data-testid=job-row][data-job-id="${jobId}"]`);
      await page.waitForSelector(`[data-testid=job-drawer][data-job-id="${jobId}"]`);
      expect(await page.locator('[data-testid=drawer-state]').textContent()).toBe('已完成');
      await expect.poll(() => page.locator('[data-testid=job-log] li').count(), { timeout: 20_000 }).toBe(6);
      await expect.poll(() => page.locator('[data-testid=job-proofs] img').evaluateAll((imgs) => imgs.filter((img) => (img as HTMLImageElement).naturalWidth > 100).length), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      if (index === 0) {
        await page.screenshot({ path: '/tmp/phonewall-posting-jobs.png' });
        // A proof opens full size (larger than the 256 px thumbnail the drawer shows) over the board.
        await page.click('[data-testid=job-proofs] figure >> nth=-1');
        await expect.poll(() => page.locator('[data-testid=proof-zoom] img').evaluate((img) => (img as HTMLImageElement).naturalHeight), { timeout: 20_000 }).toBeGreaterThan(256);
        await page.screenshot({ path: '/tmp/phonewall-posting-proof.png' });
        await page.click('[data-testid=proof-zoom]');
      }
    }

    // The phone calendar lists the job on its day.
    await page.click('[data-testid=drawer-close]');
    const [firstJob] = jobIds;
    await page.selectOption('[data-testid=calendar-phone]', jobPhone.get(firstJob!)!);
    await expect.poll(() => page.locator('[data-testid=calendar-day] button').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid=job-row]').count()).toBe(1);
    await page.screenshot({ path: '/tmp/phonewall-posting-calendar.png' });

    // A job planned for tomorrow is cancelled from its drawer; the board follows the box's answer.
    await page.keyboard.press('Alt+3');
    await page.waitForSelector('[data-testid=schedule]');
    await page.check(`[data-testid=phone-option][data-device-id="${jobPhone.get(firstJob!)!}"]`);
    const tomorrow = DateTime.now().setZone(box.posting!.zone).plus({ days: 1 });
    await page.fill('[data-testid=schedule-date]', tomorrow.toISODate()!);
    await page.fill('[data-testid=schedule-time]', '10:00');
    await page.click('[data-testid=schedule-submit]');
    await expect.poll(() => page.locator('[data-testid=schedule-done]').textContent(), { timeout: 20_000 }).toContain('共 1 个任务');
    await page.keyboard.press('Alt+4');
    await page.click('[data-testid=count-scheduled]');
    await expect.poll(() => page.locator('[data-testid=job-row][data-state=scheduled]').count(), { timeout: 20_000 }).toBe(1);
    await page.click('[data-testid=job-row][data-state=scheduled]');
    await page.click('[data-testid=job-cancel]');
    await expect.poll(() => page.locator('[data-testid=drawer-state]').textContent(), { timeout: 20_000 }).toBe('已取消');
    await page.click('[data-testid=count-scheduled]');
    expect(await page.locator('[data-testid=count-cancelled]').getAttribute('data-count')).toBe('1');

    // Material box actions: duplicate, delete the copy, a post a schedule uses is refused with the box's reason,
    // and editing shows the stored pictures in order.
    await page.keyboard.press('Alt+2');
    await page.click('[data-testid=post-card] [data-testid=post-duplicate]');
    await expect.poll(() => page.locator('[data-testid=post-card]').count(), { timeout: 20_000 }).toBe(2);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.fill('[data-testid=post-search]', '(copy)');
    await expect.poll(() => page.locator('[data-testid=post-card]').count()).toBe(1);
    await page.click('[data-testid=post-card] [data-testid=post-delete]');
    await expect.poll(() => page.locator('[data-testid=post-card]').count(), { timeout: 20_000 }).toBe(0);
    await page.fill('[data-testid=post-search]', '');
    await expect.poll(() => page.locator('[data-testid=post-card]').count()).toBe(1);
    await page.click('[data-testid=post-card] [data-testid=post-delete]');
    await expect.poll(() => page.locator('[data-testid=post-library] [role=alert]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid=post-card]').count()).toBe(1);
    await page.click('[data-testid=post-card] [data-testid=post-edit]');
    await expect.poll(() => page.locator('[data-testid=composer] [data-testid=image-cell]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-sha256')))).toEqual(hashes);
    expect(await page.inputValue('[data-testid=composer-text]')).toBe(POST_TEXT);
    await page.screenshot({ path: '/tmp/phonewall-posting-edit.png' });

    // Back on the wall, the tiles come back.
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.locator('[data-testid=tile] .badge[data-state=online]').count(), { timeout: 60_000 }).toBe(PHONES);
    await page.keyboard.press('Alt+4');
    await page.waitForSelector('[data-testid=jobs]');

    await page.click('[data-testid=language-toggle]');
    await page.check('[data-testid=theme-toggle]');
    await page.click('[data-testid=drawer-close]');
    await page.selectOption('[data-testid=calendar-phone]', '');
    await page.click('[data-testid=job-row][data-state=done] >> nth=0');
    await expect.poll(() => page.locator('[data-testid=drawer-state]').first().textContent()).toBe('Done');
    await page.screenshot({ path: '/tmp/phonewall-posting-jobs-en-dark.png' });
  }, 420_000);
});
