// `npm run web`: builds the renderer and runs a box that serves it (simulated phones unless arguments say
// otherwise), then prints the console address with the admin token in its fragment.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseBoxReady } from '../native-bridge/protocol/boxReady.ts';
import { buildRenderer } from './buildConsole.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const userArgs = process.argv.slice(2);
const args = userArgs.length > 0 ? userArgs : ['--simulate', '8', '--no-adb'];

await buildRenderer();
const box = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'native-bridge', 'cli.ts'), '--renderer', path.join(repoRoot, 'dist', 'renderer'), ...args], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
});
createInterface({ input: box.stdout }).on('line', (line) => {
  const ready = parseBoxReady(line);
  if (!ready) {
    console.log(line);
    return;
  }
  readFile(ready.adminTokenPath, 'utf8').then(
    (token) => console.log(`\nOpen the console: ${ready.url}/#token=${token.trim()}\n`),
    () => console.log(`\nOpen the console: ${ready.url}/ (token in ${ready.adminTokenPath})\n`),
  );
});
const forward = (signal: NodeJS.Signals) => box.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
box.on('exit', (code) => process.exit(code ?? 0));
