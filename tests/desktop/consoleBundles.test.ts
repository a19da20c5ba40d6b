import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { desktopApiMethods } from '../../preload/contract/desktopApi.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('desktop bundles', () => {
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [path.join(repoRoot, 'build', 'buildConsole.mjs'), 'preload', 'main'], { cwd: repoRoot, timeout: 120_000 });
  }, 150_000);

  it('builds the preload as one small CommonJS file that needs only electron and exposes only the contract', () => {
    const code = readFileSync(path.join(repoRoot, 'dist', 'preload', 'preload.cjs'), 'utf8');
    expect(code.length).toBeLessThan(20_000);
    const required: string[] = [];
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
      ipcRenderer: { invoke: async (channel: string) => invoked.push(channel) },
    };
    const module = { exports: {} };
    vm.runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`preload must not require ${name}`);
        return fakeElectron;
      },
    });
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['phonewall']);
    expect(Object.keys(exposed.get('phonewall')!).sort()).toEqual([...desktopApiMethods].sort());
  });

  it('builds the main process as one ESM file importing only electron and node built-ins', () => {
    const code = readFileSync(path.join(repoRoot, 'dist', 'main', 'main.mjs'), 'utf8');
    const imports = [...code.matchAll(/^import\s[^'"]*?['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
    expect(imports).toContain('electron');
    for (const name of imports) expect(name === 'electron' || name.startsWith('node:') || ['fs', 'path', 'child_process', 'url', 'crypto', 'module'].includes(name), name).toBe(true);
  });
});
