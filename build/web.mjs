// `npm run web`: builds the renderer and runs a box that serves it (simulated phones unless arguments say
// otherwise), then prints the console address with the admin token in its fragment.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer } from './buildConsole.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const userArgs = process.argv.slice(2);
const args = userArgs.length > 0 ? userArgs : ['--simulate', '8', '--no-adb'];

await buildRenderer();
const box = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'native-bridge', 'cli.ts'), '--renderer', path.join(repoRoot, 'dist', 'renderer'), ...args], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let url = null;
box.stdout.setEncoding('utf8');
box.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  url ??= /listening on (https?:\/\/\S+)/.exec(chunk)?.[1] ?? null;
  const tokenPath = /admin token: (\S+)/.exec(chunk)?.[1];
  if (url && tokenPath) {
    readFile(tokenPath, 'utf8').then(
      (token) => console.log(`\nOpen the console: ${url}/#token=${token.trim()}\n`),
      () => console.log(`\nOpen the console: ${url}/ (token in ${tokenPath})\n`),
    );
  }
});
const forward = (signal) => box.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
box.on('exit', (code) => process.exit(code ?? 0));
