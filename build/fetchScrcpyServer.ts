// Downloads the official scrcpy-server release the box pushes to real phones, and verifies its SHA-256.
// The jar is not shipped in the repository (it is a binary with its own licence, Apache-2.0).
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** Must match the version the installed @yume-chan/adb-scrcpy speaks (AdbScrcpyOptionsLatest). */
const version = '3.3.3';
/** From scrcpy's own build documentation and the release's SHA256SUMS.txt. */
const expectedSha256 = '7e70323ba7f259649dd4acce97ac4fefbae8102b2c6d91e2e7be613fd5354be0';
const url = `https://github.com/Genymobile/scrcpy/releases/download/v${version}/scrcpy-server-v${version}`;

export function defaultServerJarPath(): string {
  const root = process.env['PHONEWALL_HOME'] ?? join(homedir(), '.phonewall');
  return join(root, `scrcpy-server-v${version}`);
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? defaultServerJarPath();
  console.log(`fetching scrcpy-server ${version} from ${url}`);
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    console.error(`download failed: ${(error as Error).message}. Download the file by hand from ${url} and pass it with --scrcpy-server PATH.`);
    process.exit(1);
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expectedSha256) {
    console.error(`checksum mismatch: expected ${expectedSha256}, got ${actual}; the file was not saved.`);
    process.exit(1);
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(`${target}.part`, bytes);
  await rename(`${target}.part`, target);
  console.log(`saved ${bytes.length} bytes to ${target} (sha256 ok). Start the box with --scrcpy-server ${target}`);
}

await main();
