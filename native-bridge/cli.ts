// `npm run box`: starts a box from the command line, prints where to reach it, stops cleanly on SIGINT/SIGTERM.
import { pathToFileURL } from 'node:url';
import { readyLine, startBox } from './box.ts';
import type { DeviceInfo } from './base/deviceHub.ts';
import { BOX_USAGE, parseBoxArgs } from './boxArgs.ts';
import { TokenStore } from './server/tokenStore.ts';

function describeDevice(device: DeviceInfo): string {
  const size = device.width > 0 ? `, ${device.width}x${device.height}` : '';
  return `${device.id} (${device.model}${size}, ${device.simulated ? 'simulated' : device.source})`;
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseBoxArgs(argv, process.env);
  if (!parsed.ok) {
    console.error(`phonewall box: ${parsed.error}`);
    return 2;
  }
  const { action } = parsed;
  if (action.kind === 'help') {
    console.log(BOX_USAGE);
    return 0;
  }
  if (action.kind === 'issueToken' || action.kind === 'revokeToken') {
    try {
      const tokens = await TokenStore.open(parsed.config.dataDir);
      if (action.kind === 'issueToken') {
        // Printed on request, once; the box keeps only its hash.
        console.log(await tokens.issue(action.name, action.role));
      } else {
        const removed = await tokens.revoke(action.name);
        console.log(`revoked ${removed} token(s) named ${action.name}`);
      }
      return 0;
    } catch (error) {
      console.error(`phonewall box: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const online = new Set<string>();
  const report = (device: DeviceInfo, removed: boolean) => {
    if (!removed && device.state === 'online') {
      if (!online.has(device.id)) console.log(`device online: ${describeDevice(device)}`);
      online.add(device.id);
    } else if (online.delete(device.id) || device.state === 'unauthorized' || device.state === 'error') {
      console.log(`device ${removed ? 'removed' : device.state}: ${device.id}${device.reason ? ` — ${device.reason}` : ''}`);
    }
  };
  let box: Awaited<ReturnType<typeof startBox>>;
  try {
    box = await startBox({ ...parsed.config, log: (line) => console.log(line) });
  } catch (error) {
    console.error(`phonewall box: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  console.log(`PhoneWall box listening on ${box.url}`);
  console.log(`admin token: ${box.adminTokenPath}`);
  console.log(readyLine(box));
  box.hub.onDeviceChange(report);
  for (const device of box.hub.list()) report(device, false);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        console.error(`phonewall box: ${signal} again, exiting without waiting`);
        resolve(1);
        return;
      }
      stopping = true;
      console.log(`stopping (${signal})…`);
      box.stop().then(
        () => {
          console.log('stopped');
          resolve(0);
        },
        (error: unknown) => {
          console.error(`phonewall box: stop failed: ${error instanceof Error ? error.message : String(error)}`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
