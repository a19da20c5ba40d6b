// adb-server device states the simulated phones cannot show (an unauthorized phone), over the real smart-socket wire.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHub, type DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import { waitFor } from '../testing/devicesKit.ts';

/** Answers `host:track-devices-l` like the adb server and lets the test push new device lists. */
class TrackingOnlyAdbServer {
  readonly #server: Server;
  readonly #trackers = new Set<Socket>();
  list = '';

  constructor() {
    this.#server = createServer((socket) => {
      let buffered = Buffer.alloc(0);
      socket.on('error', () => {});
      socket.on('data', (data: Buffer) => {
        buffered = Buffer.concat([buffered, data]);
        if (buffered.length < 4) return;
        const length = parseInt(buffered.subarray(0, 4).toString('ascii'), 16);
        if (buffered.length < 4 + length) return;
        const request = buffered.subarray(4, 4 + length).toString('ascii');
        if (request !== 'host:track-devices-l') {
          const reply = `unsupported: ${request}`;
          socket.end(`FAIL${reply.length.toString(16).padStart(4, '0')}${reply}`);
          return;
        }
        socket.write('OKAY');
        this.#trackers.add(socket);
        socket.on('close', () => this.#trackers.delete(socket));
        this.#send(socket);
      });
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return (this.#server.address() as { port: number }).port;
  }

  update(list: string): void {
    this.list = list;
    for (const socket of this.#trackers) this.#send(socket);
  }

  async close(): Promise<void> {
    for (const socket of this.#trackers) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #send(socket: Socket): void {
    const body = Buffer.from(this.list, 'utf8');
    socket.write(Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'ascii'), body]));
  }
}

let dataDir: string;
let fake: TrackingOnlyAdbServer;
let hub: DeviceHubWithDiagnostics;
let port: number;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'phonewall-adbstates-'));
  fake = new TrackingOnlyAdbServer();
  port = await fake.listen();
});

afterAll(async () => {
  await hub?.stop();
  await fake?.close().catch(() => {});
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('adb server device states', () => {
  it('shows an unauthorized phone with what to do, then a phone that left, then a dead server', async () => {
    fake.list = 'R58M12ABCDE unauthorized transport_id:7\n';
    hub = createDeviceHub({ adbServer: { host: '127.0.0.1', port }, connect: [], simulate: 0, scrcpyServerPath: null, dataDir, log: () => {} });
    await hub.start();
    await waitFor(() => hub.list().length === 1, 'the unauthorized phone');
    expect(hub.list()[0]).toMatchObject({
      id: 'R58M12ABCDE',
      serial: 'R58M12ABCDE',
      source: 'adb-server',
      state: 'unauthorized',
      reason: 'unauthorized: accept the USB debugging prompt on the phone',
    });
    expect(() => hub.holdStream('R58M12ABCDE', 'grid')).toThrow(expect.objectContaining({ code: 'device_offline' }));
    await expect(hub.control('R58M12ABCDE').screenshot()).rejects.toMatchObject({ code: 'device_offline' });

    fake.update('');
    await waitFor(() => hub.list()[0]?.state === 'offline', 'offline once unlisted');
    expect(hub.list()[0]?.reason).toMatch(/no longer lists it/);

    await fake.close();
    await waitFor(() => hub.list()[0]?.reason === `adb server not reachable at 127.0.0.1:${port}: start it with "adb start-server"`, 'the unreachable reason');
    expect(hub.list()[0]?.id).toBe('R58M12ABCDE');
  });
});
