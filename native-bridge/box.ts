// Composition root of the box: device hub + token store + HTTP/WebSocket server, started and stopped together.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDeviceHub } from './devices/createDeviceHub.ts';
import type { DeviceHub, StreamProfileName, VideoPacket } from './devices/deviceHub.ts';
import type { StreamProfile } from './devices/createDeviceHub.ts';
import { systemClock } from './posting/clock.ts';
import { BoxPosting, POSTING_DATABASE_FILE } from './posting/boxPosting.ts';
import { BoxChatTools } from './server/boxChatTools.ts';
import type { RetryPolicy } from './posting/jobRecovery.ts';
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
  /** Device book, quick replies and needs-attention (on by default, same SQLite file as posting); false turns them off. */
  chatTools?: { attention?: boolean } | false;
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
  posting: BoxPosting | null;
  /** Chat tools, or null when turned off. */
  chatTools: BoxChatTools | null;
  /** Creates a token with a role (returned once; only its hash is stored). */
  issueToken(name: string, role: Role): Promise<string>;
  clientCount(): { control: number; media: number };
  stop(): Promise<void>;
}

export const DEFAULT_LISTEN: HostPort = { host: '127.0.0.1', port: 7100 };

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
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
  const postingConfig = config.posting === false ? null : (config.posting ?? {});
  const posting = postingConfig
    ? BoxPosting.open({
        dataDir: config.dataDir,
        hub,
        clock: systemClock(),
        log,
        ...postingConfig,
      })
    : null;
  // One database handle for both: the posting store's when it is on, else the chat tools open the same file.
  const chatTools = config.chatTools === false
    ? null
    : BoxChatTools.open({
      hub, now: () => Date.now(), dataDir: config.dataDir, file: POSTING_DATABASE_FILE, log,
      watchAttention: config.chatTools?.attention ?? true,
      ...(posting ? { db: posting.engine.db } : {}),
    });
  const server = new BoxServer({
    posting,
    chatTools,
    hub,
    tokens,
    allowlists: (port) => buildAllowlists(listen.host, port, tls !== null, config.allowHosts ?? [], config.allowOrigins ?? []),
    rendererDir: config.rendererDir ?? null,
    tls,
    backpressure: { ...DEFAULT_BACKPRESSURE, ...config.backpressure },
    pingIntervalMs: config.pingIntervalMs ?? 15_000,
    box: { name: BOX_NAME, version: BOX_VERSION },
    now: () => Date.now(),
    log,
    ...(config.onPacketSent ? { onPacketSent: config.onPacketSent } : {}),
  });
  let port: number;
  try {
    port = await server.listen(listen.host, listen.port);
  } catch (error) {
    chatTools?.stop();
    await posting?.stop();
    throw new Error(`cannot listen on ${listen.host}:${listen.port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await hub.start();
  } catch (error) {
    await server.close();
    chatTools?.stop();
    await posting?.stop();
    await hub.stop().catch(() => {});
    throw error;
  }
  if (posting) {
    posting.start();
    log(`scheduled posting on: store ${join(config.dataDir, POSTING_DATABASE_FILE)}, time zone ${posting.zone}`);
  }
  chatTools?.start();
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  let stopped: Promise<void> | null = null;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    adminTokenPath: tokens.adminTokenPath,
    hub,
    posting,
    chatTools,
    issueToken: (name, role) => tokens.issue(name, role),
    clientCount: () => server.clientCount,
    stop: () => {
      stopped ??= (async () => {
        await server.close();
        chatTools?.stop();
        // Running flows finish on their phones before the hub goes away.
        await posting?.stop();
        await hub.stop();
      })();
      return stopped;
    },
  };
}
