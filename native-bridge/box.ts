// Composition root of the box: the device hub, the one database, the features the box serves (each given the ports
// it needs), the token store and the HTTP/WebSocket server, started and stopped together.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { BoxFeature } from './base/boxFeature.ts';
import { systemClock } from './base/clock.ts';
import type { DeviceHub, StreamProfileName, VideoPacket } from './base/deviceHub.ts';
import { ChatDeskFeature } from './chatDesk/chatDeskFeature.ts';
import { ControlFeature } from './control/controlFeature.ts';
import { createDeviceHub } from './devices/createDeviceHub.ts';
import type { StreamProfile } from './devices/createDeviceHub.ts';
import type { RetryPolicy } from './posting/jobRecovery.ts';
import { PostingFeature } from './posting/postingFeature.ts';
import { formatBoxReady } from './protocol/boxReady.ts';
import { PROTOCOL_VERSION } from './protocol/version.ts';
import { BOX_DATABASE_FILE, openDatabase } from './store/database.ts';
import type { Role } from './protocol/roles.ts';
import { DEFAULT_BACKPRESSURE } from './relay/mediaRelay.ts';
import type { BackpressurePolicy } from './relay/viewerStream.ts';
import { BoxServer } from './server/boxServer.ts';
import { TokenStore } from './server/tokenStore.ts';
import { buildAllowlists } from './server/upgradeGuard.ts';

export const BOX_NAME = 'phonewall-box';
export const BOX_VERSION = '0.1.0';

export interface HostPort {
  host: string;
  port: number;
}

export interface BoxConfig {
  dataDir: string;
  /** Default 127.0.0.1:7100; port 0 picks a free port. */
  listen?: HostPort;
  simulate?: number;
  connect?: HostPort[];
  /** The standard adb server; null to not use one. Default 127.0.0.1:5037. */
  adbServer?: HostPort | null;
  scrcpyServerPath?: string | null;
  profiles?: Partial<Record<StreamProfileName, StreamProfile>>;
  allowOrigins?: string[];
  allowHosts?: string[];
  rendererDir?: string | null;
  tls?: { certPath: string; keyPath: string } | null;
  backpressure?: Partial<BackpressurePolicy>;
  pingIntervalMs?: number;
  log?: (line: string) => void;
  /** A ready DeviceHub instead of the real one (benchmarks replay recorded streams through it). */
  hub?: DeviceHub;
  onPacketSent?: (packet: VideoPacket) => void;
  /** Scheduled posting (on by default, store in `<dataDir>/phonewall.sqlite`); false turns it off. */
  posting?: PostingConfig | false;
  /** The chat desk: device book, quick replies and needs-attention (on by default, same database); false turns it off. */
  chatDesk?: { attention?: boolean } | false;
  /** Diagnostics: every SQL statement the box's database runs (better-sqlite3's `verbose`). */
  traceSql?: (sql: string) => void;
}

export interface PostingConfig {
  /** IANA time zone of schedules; the system's by default. */
  zone?: string;
  tickMs?: number;
  /** Rest between two flows on one phone (default 60 s). */
  phoneCooldownMs?: number;
  leaseMs?: number;
  retry?: RetryPolicy;
}

export interface RunningBox {
  url: string;
  port: number;
  adminTokenPath: string;
  hub: DeviceHub;
  /** Scheduled posting, or null when turned off. */
  posting: PostingFeature | null;
  /** The chat desk, or null when turned off. */
  chatDesk: ChatDeskFeature | null;
  /** Creates a token with a role (returned once; only its hash is stored). */
  issueToken(name: string, role: Role): Promise<string>;
  clientCount(): { control: number; media: number };
  stop(): Promise<void>;
}

export const DEFAULT_LISTEN: HostPort = { host: '127.0.0.1', port: 7100 };

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The one line a box process prints once it serves, for the process that started it (see protocol/boxReady.ts). */
export function readyLine(box: Pick<RunningBox, 'url' | 'adminTokenPath'>): string {
  return formatBoxReady({ type: 'boxReady', url: box.url, adminTokenPath: box.adminTokenPath, protocolVersion: PROTOCOL_VERSION, box: { name: BOX_NAME, version: BOX_VERSION } });
}

export async function startBox(config: BoxConfig): Promise<RunningBox> {
  const log = config.log ?? ((line: string) => console.log(line));
  const listen = config.listen ?? DEFAULT_LISTEN;
  if (!isLoopback(listen.host) && !config.tls) {
    throw new Error(`listening on ${listen.host} (not loopback) needs TLS: pass --tls-cert and --tls-key`);
  }
  const tls = config.tls ? { cert: await readFile(config.tls.certPath), key: await readFile(config.tls.keyPath) } : null;
  const tokens = await TokenStore.open(config.dataDir);
  const hub =
    config.hub ??
    createDeviceHub({
      adbServer: config.adbServer === undefined ? { host: '127.0.0.1', port: 5037 } : config.adbServer,
      connect: config.connect ?? [],
      simulate: config.simulate ?? 0,
      scrcpyServerPath: config.scrcpyServerPath ?? null,
      dataDir: config.dataDir,
      ...(config.profiles ? { profiles: config.profiles } : {}),
      log,
    });
  const clock = systemClock();
  const postingConfig = config.posting === false ? null : (config.posting ?? {});
  const chatDeskConfig = config.chatDesk === false ? null : (config.chatDesk ?? {});
  // One database for every feature that keeps records; none is opened when they are all off.
  let db: BetterSqlite3.Database | null = null;
  if (postingConfig || chatDeskConfig) {
    mkdirSync(config.dataDir, { recursive: true });
    db = openDatabase(join(config.dataDir, BOX_DATABASE_FILE), config.traceSql ? { verbose: config.traceSql } : {});
  }
  const posting = postingConfig && db ? new PostingFeature({ db, dataDir: config.dataDir, hub, clock, log, ...postingConfig }) : null;
  const chatDesk = chatDeskConfig && db
    ? new ChatDeskFeature({
      db, hub, now: () => clock.now(), log,
      watchAttention: chatDeskConfig.attention ?? true,
      ...(posting ? { groupsInUse: (groupIds: readonly string[]) => posting.groupsInUse(groupIds) } : {}),
    })
    : null;
  const features: BoxFeature[] = [];
  const control = new ControlFeature({ hub, features: () => features, log });
  features.push(control, ...(posting ? [posting] : []), ...(chatDesk ? [chatDesk] : []));
  // A posting flow drives the screen like an operator would: the chat desk does not count its changes as news.
  const offHeld = posting && chatDesk
    ? posting.onDeviceDescriptionChange((deviceId) => chatDesk.setHeldByFlow(deviceId, posting.busyOf(deviceId) !== null))
    : () => {};
  const server = new BoxServer({
    hub,
    tokens,
    features,
    allowlists: (port) => buildAllowlists(listen.host, port, tls !== null, config.allowHosts ?? [], config.allowOrigins ?? []),
    rendererDir: config.rendererDir ?? null,
    tls,
    backpressure: { ...DEFAULT_BACKPRESSURE, ...config.backpressure },
    pingIntervalMs: config.pingIntervalMs ?? 15_000,
    box: { name: BOX_NAME, version: BOX_VERSION },
    now: () => clock.now(),
    log,
    ...(config.onPacketSent ? { onPacketSent: config.onPacketSent } : {}),
  });
  const stopFeatures = async () => {
    offHeld();
    // Running flows finish on their phones before the hub goes away; the database closes last.
    for (const feature of [...features].reverse()) await feature.stop?.();
    if (db?.open) db.close();
  };
  let port: number;
  try {
    port = await server.listen(listen.host, listen.port);
  } catch (error) {
    await stopFeatures();
    throw new Error(`cannot listen on ${listen.host}:${listen.port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await hub.start();
  } catch (error) {
    await server.close();
    await stopFeatures();
    await hub.stop().catch(() => {});
    throw error;
  }
  for (const feature of features) await feature.start?.();
  if (posting) log(`scheduled posting on: store ${join(config.dataDir, BOX_DATABASE_FILE)}, time zone ${posting.zone}`);
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  let stopped: Promise<void> | null = null;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    adminTokenPath: tokens.adminTokenPath,
    hub,
    posting,
    chatDesk,
    issueToken: (name, role) => tokens.issue(name, role),
    clientCount: () => server.clientCount,
    stop: () => {
      stopped ??= (async () => {
        await server.close();
        await stopFeatures();
        await hub.stop();
      })();
      return stopped;
    },
  };
}
