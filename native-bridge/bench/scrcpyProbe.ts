// A Tango-side scrcpy client for a phone reachable as a TCP adbd: pushes the jar, starts a session, records packets.
import { Adb } from '@yume-chan/adb';
import { AdbScrcpyClient, AdbScrcpyOptionsLatest } from '@yume-chan/adb-scrcpy';
import { DefaultServerPath, type ScrcpyMediaStreamPacket } from '@yume-chan/scrcpy';
import { ReadableStream, WritableStream } from '@yume-chan/stream-extra';
import { openTcpDaemonTransport } from '../adb/nodeTcpDaemonConnection.ts';

export type ProbeInit = ConstructorParameters<typeof AdbScrcpyOptionsLatest<boolean>>[0];

export interface VideoMetadata {
  deviceName?: string | undefined;
  codec: number;
  width?: number | undefined;
  height?: number | undefined;
}

/** Opens an ADB connection to a TCP adbd (no auth). */
export async function connectAdb(port: number, host = '127.0.0.1'): Promise<Adb> {
  return new Adb(await openTcpDaemonTransport({ host, port }));
}

/** Pushes a stand-in server jar where AdbScrcpyClient expects it (the phone only checks that it is there). */
export async function pushServerJar(adb: Adb, bytes: Uint8Array = new TextEncoder().encode('PK scrcpy-server stand-in')): Promise<void> {
  await AdbScrcpyClient.pushServer(
    adb,
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
  );
}

export class ScrcpyProbe {
  readonly packets: ScrcpyMediaStreamPacket[] = [];
  videoBytes = 0;
  ended = false;

  private constructor(
    readonly client: AdbScrcpyClient<AdbScrcpyOptionsLatest<boolean>>,
    readonly options: AdbScrcpyOptionsLatest<boolean>,
    readonly metadata: VideoMetadata | undefined,
  ) {}

  /** Starts a server with `init` (forward tunnel unless told otherwise) and starts recording its video. */
  static async start(adb: Adb, init: ProbeInit): Promise<ScrcpyProbe> {
    const options = new AdbScrcpyOptionsLatest({ tunnelForward: true, audio: false, ...init });
    const client = await AdbScrcpyClient.start(adb, DefaultServerPath, options);
    void client.output.pipeTo(new WritableStream<string>({ write: () => undefined })).catch(() => undefined);
    const video = client.videoStream ? await client.videoStream : undefined;
    const probe = new ScrcpyProbe(client, options, video?.metadata);
    if (video) {
      void video.stream
        .pipeTo(
          new WritableStream<ScrcpyMediaStreamPacket>({
            write: (packet) => {
              probe.packets.push(packet);
              probe.videoBytes += packet.data.length + 12;
            },
          }),
        )
        .catch(() => undefined)
        .finally(() => {
          probe.ended = true;
        });
    }
    return probe;
  }

  get controller() {
    const controller = this.client.controller;
    if (!controller) throw new Error('control is disabled for this session');
    return controller;
  }

  frames(): Extract<ScrcpyMediaStreamPacket, { type: 'data' }>[] {
    return this.packets.filter((packet): packet is Extract<ScrcpyMediaStreamPacket, { type: 'data' }> => packet.type === 'data');
  }

  /** The Annex-B stream from the last configuration packet on (decodable on its own). */
  annexBSinceLastConfig(): Uint8Array {
    let start = 0;
    this.packets.forEach((packet, index) => {
      if (packet.type === 'configuration') start = index;
    });
    const parts = this.packets.slice(start).map((packet) => packet.data);
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  /** Waits until `predicate` holds for this probe; throws after `timeoutMs`. */
  async waitFor(predicate: (probe: ScrcpyProbe) => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => undefined);
  }
}
