// Seeded fuzzing of the simulated adbd port: garbage never crashes the phone, bad connections close, good ones live.
import { Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Adb } from '@yume-chan/adb';
import { openTcpDaemonTransport } from '../../native-bridge/adb/nodeTcpDaemonConnection.ts';
import { AdbdServer } from '../../native-bridge/simphone/adbd/adbdServer.ts';
import { createServiceOpener } from '../../native-bridge/simphone/adbd/adbServiceRouter.ts';
import { AdbCommand, AdbPacketDecoder, encodeAdbPacket, type AdbPacket } from '../../native-bridge/simphone/adbd/adbPacketCodec.ts';
import { MemoryFiles } from '../../native-bridge/simphone/storage/memoryFiles.ts';
import { createPhoneShell } from '../../native-bridge/simphone/shell/phoneShell.ts';
import type { PhoneIdentity } from '../../native-bridge/simphone/types.ts';
import { FakeScrcpy, FakeScreen } from '../testing/adbFakes.ts';

const identity: PhoneIdentity = {
  serial: 'PWSIM0099', model: 'SimPhone 72x160', brand: 'PhoneWall', manufacturer: 'PhoneWall',
  product: 'simphone', device: 'simphone', release: '14', sdk: 34,
};

/** mulberry32: small, seeded, good enough to pick fuzz cases reproducibly. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    bytes: (length: number) => Uint8Array.from({ length }, () => Math.floor(next() * 256)),
  };
}

const SEED = 20261122;
const CONNECTIONS = Number(process.env.FUZZ_CONNECTIONS ?? 300);
const SOFT_CASES_PER_CONNECTION = 40;
const empty = new Uint8Array(0);
const cnxn = encodeAdbPacket({ command: AdbCommand.Cnxn, arg0: 0x01000001, arg1: 256 * 1024, payload: new TextEncoder().encode('host::features=shell_v2') });

/** A raw client that records what the phone sends back and when it hangs up. */
class RawClient {
  readonly packets: AdbPacket[] = [];
  readonly closed: Promise<void>;
  readonly #socket = new Socket();
  readonly #decoder = new AdbPacketDecoder(4 * 1024 * 1024);
  #waiters: (() => void)[] = [];

  constructor(port: number) {
    this.closed = new Promise((resolve) => this.#socket.once('close', () => resolve()));
    this.#socket.on('error', () => undefined);
    this.#socket.on('data', (chunk: Buffer) => {
      for (const packet of this.#decoder.push(chunk).packets) {
        this.packets.push(packet);
        // Acknowledge the phone's data like a host does, or its next write would wait forever.
        if (packet.command === AdbCommand.Wrte) {
          this.send(encodeAdbPacket({ command: AdbCommand.Okay, arg0: packet.arg1, arg1: packet.arg0, payload: empty }));
        }
      }
      for (const waiter of this.#waiters.splice(0)) waiter();
    });
    this.#socket.connect(port, '127.0.0.1');
  }

  send(bytes: Uint8Array): void {
    this.#socket.write(bytes);
  }

  end(): void {
    this.#socket.end();
  }

  destroy(): void {
    this.#socket.destroy();
  }

  async waitFor(predicate: (packets: AdbPacket[]) => boolean, timeoutMs = 20_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.packets)) {
      if (Date.now() > deadline) return false;
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return true;
  }
}

const BAD_PREFIXES = ['jdwp:', 'tcp:', 'framebuffer:', 'localabstract:nobody_', 'remount:', 'shel:', 'sync', 'host:', 'localfilesystem:', ''];

let adbd: AdbdServer;
let goodBefore: Adb;

beforeAll(async () => {
  const screen = new FakeScreen();
  const files = new MemoryFiles();
  const scrcpy = new FakeScrcpy();
  const shell = createPhoneShell({ identity, screen, files, scrcpy, physicalSize: () => ({ width: 72, height: 160 }), now: Date.now });
  adbd = await AdbdServer.start({ identity, openService: createServiceOpener({ shell, files, scrcpy }) });
  goodBefore = new Adb(await openTcpDaemonTransport({ host: '127.0.0.1', port: adbd.port }));
});

afterAll(async () => {
  await goodBefore.close();
  await adbd.stop();
});

/** One connection: handshake, many survivable bad requests, a bad sync stream, then one fatal ending. */
async function fuzzConnection(index: number): Promise<{ cases: number; refused: number; expectedRefusals: number; closedByPhone: boolean }> {
  const rng = random(SEED + index);
  const client = new RawClient(adbd.port);
  let cases = 0;
  const fatalKind = index % 5;
  if (fatalKind === 4 && rng.next() < 0.5) {
    // Pure garbage from the first byte.
    client.send(rng.bytes(24 + rng.int(200)));
    await client.closed;
    return { cases: 1, refused: 0, expectedRefusals: 0, closedByPhone: true };
  }
  client.send(cnxn);
  await client.waitFor((packets) => packets.some((p) => p.command === AdbCommand.Cnxn));

  const refusedIds: number[] = [];
  const soft: Uint8Array[] = [];
  for (let i = 0; i < SOFT_CASES_PER_CONNECTION; i += 1) {
    const localId = 1000 + i;
    const choice = rng.int(4);
    if (choice <= 1) {
      const prefix = BAD_PREFIXES[rng.int(BAD_PREFIXES.length)]!;
      const tail = choice === 0 ? Array.from({ length: rng.int(20) }, () => String.fromCharCode(97 + rng.int(26))).join('') : '';
      const payload = choice === 0 ? new TextEncoder().encode(`${prefix}${tail}\0`) : Uint8Array.of(0xff, 0xfe, ...rng.bytes(rng.int(30)));
      soft.push(encodeAdbPacket({ command: AdbCommand.Open, arg0: localId, arg1: 0, payload }));
      refusedIds.push(localId);
    } else {
      const command = [AdbCommand.Wrte, AdbCommand.Okay, AdbCommand.Clse][rng.int(3)]!;
      soft.push(encodeAdbPacket({ command, arg0: 5000 + rng.int(1000), arg1: 5000 + rng.int(1000), payload: command === AdbCommand.Wrte ? rng.bytes(rng.int(64)) : empty }));
    }
    cases += 1;
  }
  client.send(Buffer.concat(soft));
  await client.waitFor((packets) =>
    refusedIds.every((id) => packets.some((p) => p.command === AdbCommand.Clse && p.arg0 === 0 && p.arg1 === id)),
  );

  // Garbage inside an accepted sync stream: the phone answers FAIL and closes that stream only.
  client.send(encodeAdbPacket({ command: AdbCommand.Open, arg0: 77, arg1: 0, payload: new TextEncoder().encode('sync:\0') }));
  await client.waitFor((packets) => packets.some((p) => p.command === AdbCommand.Okay && p.arg1 === 77));
  const okay = client.packets.find((p) => p.command === AdbCommand.Okay && p.arg1 === 77);
  if (okay) {
    client.send(encodeAdbPacket({ command: AdbCommand.Wrte, arg0: 77, arg1: okay.arg0, payload: rng.bytes(8 + rng.int(40)) }));
    await client.waitFor((packets) => packets.some((p) => p.command === AdbCommand.Clse && p.arg1 === 77));
  }
  cases += 1;

  const header = encodeAdbPacket({ command: AdbCommand.Wrte, arg0: 1, arg1: 1, payload: empty });
  const view = new DataView(header.buffer);
  switch (fatalKind) {
    case 0: // bad magic
      view.setUint32(20, rng.int(0xffffffff), true);
      client.send(header);
      break;
    case 1: // length above maxdata
      view.setUint32(12, 1024 * 1024 + 1 + rng.int(0x7fffffff), true);
      client.send(header);
      break;
    case 2: { // unknown command with a correct magic
      const command = 0x41414141 + rng.int(1000);
      view.setUint32(0, command, true);
      view.setUint32(20, (command ^ 0xffffffff) >>> 0, true);
      client.send(header);
      break;
    }
    case 3: // truncated packet, then the host goes away
      view.setUint32(12, 100, true);
      client.send(Buffer.concat([header, rng.bytes(rng.int(99))]));
      client.end();
      break;
    default:
      client.send(rng.bytes(24 + rng.int(500)));
  }
  cases += 1;
  const closedByPhone = await Promise.race([client.closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000))]);
  client.destroy();
  const refused = refusedIds.filter((id) => client.packets.some((p) => p.command === AdbCommand.Clse && p.arg0 === 0 && p.arg1 === id)).length;
  return { cases, refused, expectedRefusals: refusedIds.length, closedByPhone };
}

test('10,000+ seeded malformed cases leave the phone up and good connections working', async () => {
  const baseline = adbd.connectionCount;
  let cases = 0;
  let refused = 0;
  let expectedRefusals = 0;
  let closed = 0;
  const batch = 10;
  for (let start = 0; start < CONNECTIONS; start += batch) {
    const results = await Promise.all(Array.from({ length: Math.min(batch, CONNECTIONS - start) }, (_, i) => fuzzConnection(start + i)));
    for (const result of results) {
      cases += result.cases;
      refused += result.refused;
      expectedRefusals += result.expectedRefusals;
      if (result.closedByPhone) closed += 1;
    }
  }
  expect(cases).toBeGreaterThanOrEqual(10_000);
  expect(closed).toBe(CONNECTIONS);
  expect(refused).toBe(expectedRefusals);

  // The connection opened before the storm still works, and a new one does too.
  expect(await goodBefore.getProp('ro.serialno')).toBe(identity.serial);
  const goodAfter = new Adb(await openTcpDaemonTransport({ host: '127.0.0.1', port: adbd.port }));
  const result = await goodAfter.subprocess.shellProtocol!.spawnWaitText('echo alive; false');
  expect(result).toEqual({ stdout: 'alive\n', stderr: '', exitCode: 1 });
  await goodAfter.close();
  const deadline = Date.now() + 10_000;
  while (adbd.connectionCount > baseline && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(adbd.connectionCount).toBe(baseline);
});
