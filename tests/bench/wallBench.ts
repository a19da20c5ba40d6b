// `npm run bench:wall`: headless Chromium shows 8/16/32/64 tiles fed 30 fps H.264 by a replaying box; prints
// drawn fps per tile, packet-arrival→draw latency p50/p95 and Chromium CPU.
// Usage: tsx tests/bench/wallBench.ts [8,16,32,64] [seconds] [WxH of the grid stream, default 242x540 (the box's grid profile)]
import type { DeviceInfo } from '../../native-bridge/protocol/boxMessages.ts';
import type { WallStatsSnapshot } from '../../renderer/src/shared/video/wallStats.ts';
import { buildRenderer, launchChromium } from '../testing/consoleBrowser.ts';
import { FakeBox } from '../testing/fakeBox.ts';
import { encodeTestPattern } from '../testing/h264TestPattern.ts';

const token = 'bench-token-0123456789abcdefghijkl';

interface BenchRow {
  tiles: number;
  fpsPerTile: number;
  minTileFps: number;
  latencyP50: number;
  latencyP95: number;
  chromiumCpuPercent: number;
}

function tileWidthFor(tiles: number): number {
  if (tiles <= 16) return 170;
  if (tiles <= 32) return 130;
  return 100;
}

async function main(): Promise<void> {
  const counts = (process.argv[2] ?? '8,16,32,64').split(',').map(Number).filter((n) => n > 0);
  const seconds = Number(process.argv[3] ?? 8);
  const [width, height] = (process.argv[4] ?? '242x540').split('x').map(Number) as [number, number];
  const [renderer, grid] = await Promise.all([buildRenderer(), encodeTestPattern(width, height, 4, 30)]);
  const chromium = await launchChromium();
  const rows: BenchRow[] = [];
  try {
    for (const tiles of counts) {
      const devices: DeviceInfo[] = Array.from({ length: tiles }, (_, i) => ({
        id: `bench-${i + 1}`, serial: `bench-${i + 1}`, model: `phone ${i + 1}`, width, height, source: 'simulated', simulated: true, state: 'online', reason: null,
      }));
      const box = new FakeBox({ rendererDir: renderer.dir, token, devices, video: { grid, focus: grid }, fps: 30 });
      await box.start();
      const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 * Math.max(1, Math.ceil(tiles / 32)) } });
      await page.addInitScript((width) => localStorage.setItem('phonewall.preferences', JSON.stringify({ tileWidth: width })), tileWidthFor(tiles));
      const cdp = await chromium.browser.newBrowserCDPSession();
      await page.goto(`${box.url}/?stats=1#token=${token}`);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=tile]').length === n, tiles, { timeout: 60_000 });
      await page.waitForTimeout(3000);
      const cpuTime = async () => {
        const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
        return info.processInfo.reduce((sum, process) => sum + process.cpuTime, 0);
      };
      await page.evaluate(() => (window as unknown as { phonewallStats: { reset(): void } }).phonewallStats.reset());
      const cpuBefore = await cpuTime();
      const wallBefore = Date.now();
      await page.waitForTimeout(seconds * 1000);
      const snapshot = await page.evaluate(() => (window as unknown as { phonewallStats: { snapshot(): WallStatsSnapshot } }).phonewallStats.snapshot());
      const cpuSeconds = (await cpuTime()) - cpuBefore;
      const elapsed = (Date.now() - wallBefore) / 1000;
      const perTile = Object.values(snapshot.drawsPerTile).map((draws) => draws / snapshot.seconds);
      rows.push({
        tiles,
        fpsPerTile: round(snapshot.draws / Math.max(1, tiles) / snapshot.seconds),
        minTileFps: round(perTile.length < tiles ? 0 : Math.min(...perTile)),
        latencyP50: round(snapshot.latencyP50),
        latencyP95: round(snapshot.latencyP95),
        chromiumCpuPercent: round((cpuSeconds / elapsed) * 100),
      });
      console.log(JSON.stringify(rows.at(-1)));
      await cdp.detach();
      await page.close();
      await box.stop();
    }
  } finally {
    await chromium.cleanup();
    renderer.cleanup();
  }
  console.log(`\ntiles  fps/tile  min fps  p50 ms  p95 ms  Chromium CPU %  (stream: ${width}x${height} @ 30 fps)`);
  for (const row of rows) {
    console.log(`${String(row.tiles).padStart(5)}  ${String(row.fpsPerTile).padStart(8)}  ${String(row.minTileFps).padStart(7)}  ${String(row.latencyP50).padStart(6)}  ${String(row.latencyP95).padStart(6)}  ${String(row.chromiumCpuPercent).padStart(14)}`);
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
