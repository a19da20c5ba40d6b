// The `sync:` service: STAT/STA2/LST2, LIST/LIS2, SEND (DATA…DONE), RECV and QUIT against the phone's files.
import type { PhoneChannel, PhoneFileStat, PhoneFiles } from '../types.ts';
import { ChannelReader } from './channelReader.ts';

const MAX_PATH = 1024;
const MAX_CHUNK = 64 * 1024;
/** The largest file a push may create; beyond it the phone reports a full disk. */
const MAX_FILE = 256 * 1024 * 1024;
const STAT2_SIZE = 68;
const ENOENT = 2;

const id = (name: string) => new DataView(new TextEncoder().encode(name).buffer).getUint32(0, true);
const SyncId = {
  Stat: id('STAT'),
  Sta2: id('STA2'),
  Lst2: id('LST2'),
  List: id('LIST'),
  Lis2: id('LIS2'),
  Send: id('SEND'),
  Recv: id('RECV'),
  Data: id('DATA'),
  Done: id('DONE'),
  Quit: id('QUIT'),
} as const;

class Packer {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  #offset = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.#view = new DataView(this.bytes.buffer);
  }
  tag(name: string): this {
    this.bytes.set(new TextEncoder().encode(name), this.#offset);
    this.#offset += 4;
    return this;
  }
  u32(value: number): this {
    this.#view.setUint32(this.#offset, value >>> 0, true);
    this.#offset += 4;
    return this;
  }
  u64(value: number): this {
    this.#view.setBigUint64(this.#offset, BigInt(Math.max(0, Math.floor(value))), true);
    this.#offset += 8;
    return this;
  }
  raw(data: Uint8Array): this {
    this.bytes.set(data, this.#offset);
    this.#offset += data.length;
    return this;
  }
}

function stat2Body(packer: Packer, stat: PhoneFileStat | null): Packer {
  if (!stat) return packer.u32(ENOENT).u64(0).u64(0).u32(0).u32(0).u32(0).u32(0).u64(0).u64(0).u64(0).u64(0);
  return packer
    .u32(0)
    .u64(0x1f)
    .u64(1)
    .u32(stat.mode)
    .u32(1)
    .u32(2000)
    .u32(2000)
    .u64(stat.size)
    .u64(stat.mtime)
    .u64(stat.mtime)
    .u64(stat.mtime);
}

function fail(message: string): Uint8Array {
  const text = new TextEncoder().encode(message);
  return new Packer(8 + text.length).tag('FAIL').u32(text.length).raw(text).bytes;
}

/** Serves one `sync:` stream until QUIT, a protocol error or the host closing it. */
export function serveSync(channel: PhoneChannel, files: PhoneFiles, now: () => number = Date.now): void {
  const reader = new ChannelReader(channel);
  void (async () => {
    try {
      for (;;) {
        const header = await reader.readExactly(8);
        if (!header) return;
        const view = new DataView(header.buffer);
        const request = view.getUint32(0, true);
        const length = view.getUint32(4, true);
        if (request === SyncId.Quit) return;
        if (length > MAX_PATH) {
          await channel.write(fail('path too long'));
          return;
        }
        const pathBytes = await reader.readExactly(length);
        if (!pathBytes) return;
        const path = new TextDecoder().decode(pathBytes);
        const keepGoing = await handle(request, path);
        if (!keepGoing) return;
      }
    } catch {
      // The host left mid-request; nothing to answer.
    } finally {
      channel.close();
    }
  })();

  async function handle(request: number, path: string): Promise<boolean> {
    switch (request) {
      case SyncId.Stat: {
        const stat = files.stat(path);
        await channel.write(new Packer(16).tag('STAT').u32(stat?.mode ?? 0).u32(stat?.size ?? 0).u32(stat?.mtime ?? 0).bytes);
        return true;
      }
      case SyncId.Sta2:
      case SyncId.Lst2: {
        const packer = new Packer(4 + STAT2_SIZE).tag(request === SyncId.Sta2 ? 'STA2' : 'LST2');
        await channel.write(stat2Body(packer, files.stat(path)).bytes);
        return true;
      }
      case SyncId.List:
      case SyncId.Lis2:
        await list(path, request === SyncId.Lis2);
        return true;
      case SyncId.Send:
        return receiveFile(path);
      case SyncId.Recv: {
        const bytes = files.read(path);
        if (!bytes) {
          await channel.write(fail(`remote object '${path}' does not exist`));
          return false;
        }
        for (let offset = 0; offset < bytes.length; offset += MAX_CHUNK) {
          const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + MAX_CHUNK));
          await channel.write(new Packer(8 + chunk.length).tag('DATA').u32(chunk.length).raw(chunk).bytes);
        }
        await channel.write(new Packer(8).tag('DONE').u32(0).bytes);
        return true;
      }
      default:
        await channel.write(fail('unknown sync request'));
        return false;
    }
  }

  async function list(path: string, v2: boolean): Promise<void> {
    const self = files.stat(path);
    const all = [...(self ? [{ name: '.', stat: self }, { name: '..', stat: self }] : []), ...(files.list(path) ?? [])];
    for (const entry of all) {
      const name = new TextEncoder().encode(entry.name);
      if (v2) {
        const packer = stat2Body(new Packer(4 + STAT2_SIZE + 4 + name.length).tag('DNT2'), entry.stat);
        await channel.write(packer.u32(name.length).raw(name).bytes);
      } else {
        const { mode, size, mtime } = entry.stat;
        await channel.write(new Packer(20 + name.length).tag('DENT').u32(mode).u32(size).u32(mtime).u32(name.length).raw(name).bytes);
      }
    }
    await channel.write(new Packer(v2 ? 4 + STAT2_SIZE + 4 : 20).tag('DONE').bytes);
  }

  async function receiveFile(spec: string): Promise<boolean> {
    const comma = spec.lastIndexOf(',');
    const path = comma >= 0 ? spec.slice(0, comma) : spec;
    const mode = comma >= 0 ? Number.parseInt(spec.slice(comma + 1), 10) : 0o100644;
    const parts: Uint8Array[] = [];
    let total = 0;
    let error: string | null = path.startsWith('/') ? null : `invalid path '${path}'`;
    for (;;) {
      const header = await reader.readExactly(8);
      if (!header) return false;
      const view = new DataView(header.buffer);
      const request = view.getUint32(0, true);
      const value = view.getUint32(4, true);
      if (request === SyncId.Done) {
        const existing = files.stat(path);
        if (!error && existing && (existing.mode & 0o170000) === 0o040000) error = `couldn't create file: Is a directory`;
        if (error) {
          await channel.write(fail(error));
          return false;
        }
        const bytes = new Uint8Array(total);
        let offset = 0;
        for (const part of parts) {
          bytes.set(part, offset);
          offset += part.length;
        }
        files.write(path, bytes, Number.isFinite(mode) ? mode : 0o100644, value || Math.floor(now() / 1000));
        await channel.write(new Packer(8).tag('OKAY').u32(0).bytes);
        return true;
      }
      if (request !== SyncId.Data || value > MAX_CHUNK) {
        await channel.write(fail('invalid data message'));
        return false;
      }
      const data = await reader.readExactly(value);
      if (!data) return false;
      total += data.length;
      if (total > MAX_FILE) error = 'No space left on device';
      else if (!error) parts.push(data);
    }
  }
}
