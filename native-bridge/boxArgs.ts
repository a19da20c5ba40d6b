// Parses and validates the box's command line into a BoxConfig; every problem is one clear line.
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IANAZone } from 'luxon';
import type { BoxConfig, HostPort } from './box.ts';
import { DEFAULT_LISTEN, isLoopback } from './box.ts';
import { ROLES } from './protocol/roles.ts';
import type { Role } from './protocol/roles.ts';
import { TOKEN_NAME_PATTERN } from './server/tokenStore.ts';

export const BOX_USAGE = `usage: npm run box -- [--simulate N] [--connect HOST:PORT]... [--listen HOST:PORT] [--data DIR]
       [--scrcpy-server PATH] [--adb HOST:PORT | --no-adb] [--allow-origin URL]... [--allow-host NAME]...
       [--renderer DIR] [--tls-cert FILE --tls-key FILE] [--time-zone ZONE | --no-posting]
       npm run box -- [--data DIR] --issue-token NAME:ROLE   (ROLE: admin, operator, viewer; prints the token once)
       npm run box -- [--data DIR] --revoke-token NAME`;

/** What the command does: serve (the default), or manage tokens in the data folder and exit. */
export type BoxAction =
  | { kind: 'serve' }
  | { kind: 'help' }
  | { kind: 'issueToken'; name: string; role: Role }
  | { kind: 'revokeToken'; name: string };

export type ParsedArgs = { ok: true; config: BoxConfig; action: BoxAction } | { ok: false; error: string };

const MAX_SIMULATED = 64;

export function parseHostPort(value: string, flag: string): HostPort | string {
  const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value);
  if (!match) return `${flag} expects HOST:PORT, got "${value}"`;
  const port = Number(match[2]);
  if (port > 65535) return `${flag}: port ${port} is out of range (0-65535)`;
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** `env` and `home` are passed in so tests control them. */
export function parseBoxArgs(argv: string[], env: Record<string, string | undefined>, home = homedir(), cwd = process.cwd()): ParsedArgs {
  let values: ReturnType<typeof parse>['values'];
  function parse() {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        simulate: { type: 'string' },
        connect: { type: 'string', multiple: true },
        listen: { type: 'string' },
        data: { type: 'string' },
        'scrcpy-server': { type: 'string' },
        adb: { type: 'string' },
        'no-adb': { type: 'boolean' },
        'allow-origin': { type: 'string', multiple: true },
        'allow-host': { type: 'string', multiple: true },
        renderer: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'issue-token': { type: 'string' },
        'revoke-token': { type: 'string' },
        'time-zone': { type: 'string' },
        'no-posting': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  }
  try {
    values = parse().values;
  } catch (error) {
    return { ok: false, error: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
  }
  const fail = (error: string): ParsedArgs => ({ ok: false, error });

  let simulate = 0;
  if (values.simulate !== undefined) {
    if (!/^\d+$/.test(values.simulate) || Number(values.simulate) > MAX_SIMULATED) {
      return fail(`--simulate expects a number of phones from 0 to ${MAX_SIMULATED}, got "${values.simulate}"`);
    }
    simulate = Number(values.simulate);
  }
  const connect: HostPort[] = [];
  for (const item of values.connect ?? []) {
    const parsed = parseHostPort(item, '--connect');
    if (typeof parsed === 'string') return fail(parsed);
    connect.push(parsed);
  }
  let listen = DEFAULT_LISTEN;
  if (values.listen !== undefined) {
    const parsed = parseHostPort(values.listen, '--listen');
    if (typeof parsed === 'string') return fail(parsed);
    listen = parsed;
  }
  if (values.adb !== undefined && values['no-adb']) return fail('--adb and --no-adb cannot be used together');
  let adbServer: HostPort | null = values['no-adb'] ? null : { host: '127.0.0.1', port: 5037 };
  if (values.adb !== undefined) {
    const parsed = parseHostPort(values.adb, '--adb');
    if (typeof parsed === 'string') return fail(parsed);
    adbServer = parsed;
  }
  const cert = values['tls-cert'];
  const key = values['tls-key'];
  if ((cert === undefined) !== (key === undefined)) return fail('--tls-cert and --tls-key must be given together');
  if (cert !== undefined && !isFile(cert)) return fail(`--tls-cert: no file at ${cert}`);
  if (key !== undefined && !isFile(key)) return fail(`--tls-key: no file at ${key}`);
  if (!isLoopback(listen.host) && cert === undefined) {
    return fail(`--listen ${listen.host} is not loopback: LAN mode needs --tls-cert and --tls-key`);
  }
  const scrcpyServer = values['scrcpy-server'];
  if (scrcpyServer !== undefined && !isFile(scrcpyServer)) return fail(`--scrcpy-server: no file at ${scrcpyServer}`);
  const allowOrigins: string[] = [];
  for (const origin of values['allow-origin'] ?? []) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return fail(`--allow-origin expects an origin like https://console.example:8443, got "${origin}"`);
    }
    if (!['http:', 'https:', 'app:'].includes(url.protocol) || url.host === '') {
      return fail(`--allow-origin expects an http(s) or app: origin, got "${origin}"`);
    }
    allowOrigins.push(url.protocol === 'app:' ? `app://${url.host}` : url.origin);
  }
  const allowHosts: string[] = [];
  for (const host of values['allow-host'] ?? []) {
    if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) return fail(`--allow-host expects a host name, got "${host}"`);
    allowHosts.push(host);
  }
  let rendererDir: string | null = null;
  if (values.renderer !== undefined) {
    if (!isDirectory(values.renderer)) return fail(`--renderer: no folder at ${values.renderer}`);
    rendererDir = resolve(values.renderer);
  } else if (isFile(join(cwd, 'dist', 'renderer', 'index.html'))) {
    rendererDir = join(cwd, 'dist', 'renderer');
  }
  const zone = values['time-zone'];
  if (zone !== undefined && values['no-posting']) return fail('--time-zone and --no-posting cannot be used together');
  if (zone !== undefined && !IANAZone.isValidZone(zone)) return fail(`--time-zone expects an IANA time zone like Asia/Shanghai, got "${zone}"`);
  const dataDir = resolve(values.data ?? env.PHONEWALL_DATA ?? join(home, '.phonewall', 'box'));
  let action: BoxAction = values.help ? { kind: 'help' } : { kind: 'serve' };
  if (values['issue-token'] !== undefined && values['revoke-token'] !== undefined) return fail('--issue-token and --revoke-token cannot be used together');
  if (values['issue-token'] !== undefined) {
    const [name = '', role = ''] = values['issue-token'].split(':');
    if (!TOKEN_NAME_PATTERN.test(name) || !(ROLES as readonly string[]).includes(role)) {
      return fail(`--issue-token expects NAME:ROLE with ROLE one of ${ROLES.join(', ')}, got "${values['issue-token']}"`);
    }
    action = { kind: 'issueToken', name, role: role as Role };
  }
  if (values['revoke-token'] !== undefined) {
    if (!TOKEN_NAME_PATTERN.test(values['revoke-token'])) return fail(`--revoke-token expects a token name, got "${values['revoke-token']}"`);
    action = { kind: 'revokeToken', name: values['revoke-token'] };
  }
  return {
    ok: true,
    action,
    config: {
      dataDir,
      listen,
      simulate,
      connect,
      adbServer,
      scrcpyServerPath: scrcpyServer === undefined ? fetchedServerJar(env, home) : resolve(scrcpyServer),
      allowOrigins,
      allowHosts,
      rendererDir,
      tls: cert !== undefined && key !== undefined ? { certPath: cert, keyPath: key } : null,
      // Schedules use the box's time zone: the system's unless told.
      posting: values['no-posting'] ? false : zone !== undefined ? { zone } : {},
    },
  };
}

/** The jar `npm run fetch:scrcpy-server` saves (checksum verified), used when --scrcpy-server is not given. */
function fetchedServerJar(env: Record<string, string | undefined>, home: string): string | null {
  const path = join(env['PHONEWALL_HOME'] ?? join(home, '.phonewall'), 'scrcpy-server-v3.3.3');
  return isFile(path) ? path : null;
}
