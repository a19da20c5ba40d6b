// Decides how the embedded box starts: real phones when adb and the scrcpy-server jar exist, else simulated ones.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { EmbeddedBoxLaunch } from './embeddedBox.ts';

export interface LaunchEnvironment {
  repoRoot: string;
  /** The box's data folder (tokens, store), inside the app's user data. */
  dataDir: string;
  /** The page origin the box must accept WebSocket upgrades from. */
  appOrigin: string;
  /** How many simulated phones when no real ones can be reached (default 8). */
  simulatedPhones?: number;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists(filePath: string): boolean;
}

export function fileExists(filePath: string): boolean {
  try {
    accessSync(filePath, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: (p: string) => boolean): string | null {
  const suffixes = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const suffix of suffixes) {
      const candidate = path.join(dir, name + suffix);
      if (exists(candidate)) return candidate;
    }
  }
  return null;
}

/** Where `npm run fetch:scrcpy-server` saves the verified official jar. */
export function defaultScrcpyServerJar(env: NodeJS.ProcessEnv): string {
  const home = env.PHONEWALL_HOME ?? path.join(env.HOME ?? env.USERPROFILE ?? '.', '.phonewall');
  return path.join(home, 'scrcpy-server-v3.3.3');
}

export function embeddedBoxLaunch(world: LaunchEnvironment): EmbeddedBoxLaunch {
  const adb = findOnPath('adb', world.env, world.platform, world.exists);
  const jar = world.env.PHONEWALL_SCRCPY_SERVER ?? defaultScrcpyServerJar(world.env);
  const real = adb !== null && world.exists(jar);
  const cli = path.join(world.repoRoot, 'native-bridge', 'cli.ts');
  const node = world.env.PHONEWALL_NODE ?? 'node';
  const args = ['--import', 'tsx', cli, '--listen', '127.0.0.1:0', '--data', world.dataDir, '--allow-origin', world.appOrigin];
  args.push(...(real ? ['--scrcpy-server', jar] : ['--simulate', String(world.simulatedPhones ?? 8), '--no-adb']));
  // The box loads native modules built for Node, so it runs under the system's Node, never Electron's.
  const env: NodeJS.ProcessEnv = { ...world.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return { command: node, args, cwd: world.repoRoot, env, mode: real ? 'real' : 'simulated' };
}
