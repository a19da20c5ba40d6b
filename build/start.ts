// `npm start`: builds the console and runs the desktop app (it starts its own embedded box). Where the Electron
// binary is not installed (it downloads separately from npm), the same console runs in the browser instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole } from './buildConsole.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function electronBinary(): string | null {
  try {
    return createRequire(import.meta.url)('electron') as string;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (!electron) {
  console.log('The Electron binary is not installed, so the console opens in the browser instead (npm run web).');
  await import('./web.ts');
} else {
  await buildConsole();
  runDesktop(electron);
}

function runDesktop(electron: string): void {
  const child = spawn(electron, [path.join(repoRoot, 'dist', 'main', 'main.mjs')], { stdio: 'inherit', cwd: repoRoot });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}
