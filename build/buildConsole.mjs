// Builds the console: renderer (Vite) → dist/renderer, preload (one CommonJS bundle) → dist/preload/preload.cjs,
// Electron main (one ESM bundle) → dist/main/main.mjs. `node build/buildConsole.mjs [renderer|preload|main]…`
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRenderer() {
  await viteBuild({ configFile: path.join(repoRoot, 'build', 'vite.renderer.config.ts'), logLevel: 'warn' });
}

/** Sandboxed preloads cannot be ESM: one CommonJS file with only `electron` left external. */
export async function buildPreload() {
  await esbuild({
    entryPoints: [path.join(repoRoot, 'preload', 'preload.ts')],
    outfile: path.join(repoRoot, 'dist', 'preload', 'preload.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'chrome130',
    external: ['electron'],
    logLevel: 'warning',
  });
}

export async function buildMain() {
  await esbuild({
    entryPoints: [path.join(repoRoot, 'main', 'electronMain.ts')],
    outfile: path.join(repoRoot, 'dist', 'main', 'main.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['electron'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

export async function buildConsole(parts = ['renderer', 'preload', 'main']) {
  const steps = { renderer: buildRenderer, preload: buildPreload, main: buildMain };
  for (const part of parts) {
    const step = steps[part];
    if (!step) throw new Error(`unknown part "${part}" (renderer, preload, main)`);
    await step();
    console.log(`built ${part}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const parts = process.argv.slice(2);
  buildConsole(parts.length > 0 ? parts : undefined).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
