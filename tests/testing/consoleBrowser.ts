// Shared setup of the console browser tests: build the renderer into a temp folder and launch Debian's Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { build } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds into its own folder so parallel test files never race on dist/renderer. */
export async function buildRenderer(): Promise<{ dir: string; cleanup(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'phonewall-renderer-'));
  await build({ configFile: path.join(repoRoot, 'build', 'vite.renderer.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true, sourcemap: false } });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `launch` gives every browser a fresh temporary profile (Playwright refuses a --user-data-dir argument). */
export async function launchChromium(): Promise<{ browser: Browser; cleanup(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    cleanup: async () => {
      await browser.close();
    },
  };
}
