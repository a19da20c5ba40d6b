// One host connection to the simulated adbd: CNXN handshake, stream table, OPEN/OKAY/WRTE/CLSE dispatch.
import type { Socket } from 'node:net';
import {
  ADB_MAX_PAYLOAD,
  ADB_VERSION_SKIP_CHECKSUM,
  AdbCommand,
  AdbPacketDecoder,
  commandName,
  encodeAdbPacket,
  type AdbPacket,
  type AdbPacketError,
} from './adbPacketCodec.ts';
import { AdbStream, type AdbStreamLink } from './adbStream.ts';
import type { PhoneChannel } from '../types.ts';

/** Decides synchronously whether a service exists; a true answer means the service now owns the channel. */
export type AdbServiceOpener = (service: string, channel: PhoneChannel) => boolean;

export interface AdbdConnectionOptions {
  banner: string;
  openService: AdbServiceOpener;
  log?: (line: string) => void;
  /** A connection that never completes the handshake is dropped after this long. */
  handshakeTimeoutMs?: number;
}

export const ADB_DEVICE_VERSION = 0x01000001;
const MAX_SERVICE_NAME = 4096;

export class AdbdConnection implements AdbStreamLink {
  readonly #socket: Socket;
  readonly #options: AdbdConnectionOptions;
  readonly #decoder = new AdbPacketDecoder(ADB_MAX_PAYLOAD);
  readonly #streams = new Map<number, AdbStream>();
  #nextLocalId = 1;
  #connected = false;
  #checksum = false;
  #hostMaxPayload = 4096;
  #closed = false;
  #handshakeTimer: NodeJS.Timeout | null;
  #closeListeners: (() => void)[] = [];

  constructor(socket: Socket, options: AdbdConnectionOptions) {
    this.#socket = socket;
    this.#options = options;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onBytes(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    this.#handshakeTimer = setTimeout(() => {
      if (!this.#connected) this.#protocolError('no CNXN before the handshake timeout');
    }, options.handshakeTimeoutMs ?? 15_000);
  }

  get closed(): boolean {
    return this.#closed;
  }

  get streamCount(): number {
    return this.#streams.size;
  }

  onClose(listener: () => void): void {
    if (this.#closed) queueMicrotask(listener);
    else this.#closeListeners.push(listener);
  }

  /** Drops the TCP connection and ends every stream on it. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#handshakeTimer) clearTimeout(this.#handshakeTimer);
    this.#socket.destroy();
    const streams = [...this.#streams.values()];
    this.#streams.clear();
    for (const stream of streams) stream.handleRemoteClose();
    const listeners = this.#closeListeners;
    this.#closeListeners = [];
    for (const listener of listeners) listener();
  }

  sendWrite(localId: number, remoteId: number, data: Uint8Array): void {
    this.#send({ command: AdbCommand.Wrte, arg0: localId, arg1: remoteId, payload: data });
  }

  sendClose(localId: number, remoteId: number): void {
    this.#send({ command: AdbCommand.Clse, arg0: localId, arg1: remoteId, payload: new Uint8Array(0) });
    this.#streams.delete(localId);
  }

  maxPayload(): number {
    return Math.min(this.#hostMaxPayload, ADB_MAX_PAYLOAD);
  }

  #send(packet: AdbPacket): void {
    if (this.#closed) return;
    this.#socket.write(encodeAdbPacket(packet, this.#checksum));
  }

  #onBytes(chunk: Uint8Array): void {
    if (this.#closed) return;
    const { packets, error } = this.#decoder.push(chunk);
    for (const packet of packets) {
      if (this.#closed) return;
      this.#handle(packet);
    }
    if (error && !this.#closed) this.#protocolError(describe(error));
  }

  #protocolError(reason: string): void {
    this.#options.log?.(`adbd: closing connection: ${reason}`);
    this.close();
  }

  #handle(packet: AdbPacket): void {
    if (packet.command === AdbCommand.Cnxn) {
      this.#handshake(packet);
      return;
    }
    if (!this.#connected) {
      this.#protocolError(`${commandName(packet.command)} before CNXN`);
      return;
    }
    switch (packet.command) {
      case AdbCommand.Open:
        this.#open(packet);
        return;
      case AdbCommand.Wrte: {
        const stream = this.#streams.get(packet.arg1);
        if (!stream || stream.remoteId !== packet.arg0) {
          // Data for a stream we do not know: tell the host it is gone, like adbd does.
          if (packet.arg0 !== 0) this.sendClose(0, packet.arg0);
          return;
        }
        this.#send({ command: AdbCommand.Okay, arg0: stream.localId, arg1: stream.remoteId, payload: new Uint8Array(0) });
        stream.handleData(packet.payload);
        return;
      }
      case AdbCommand.Okay: {
        const stream = this.#streams.get(packet.arg1);
        if (stream && stream.remoteId === packet.arg0) stream.handleAck();
        return;
      }
      case AdbCommand.Clse: {
        const stream = this.#streams.get(packet.arg1);
        if (!stream) return;
        this.#streams.delete(packet.arg1);
        this.#send({ command: AdbCommand.Clse, arg0: stream.localId, arg1: stream.remoteId, payload: new Uint8Array(0) });
        stream.handleRemoteClose();
        return;
      }
      default:
        // AUTH and STLS are never asked for by this device; a host sending them is confused.
        this.#protocolError(`unexpected ${commandName(packet.command)}`);
    }
  }

  #handshake(packet: AdbPacket): void {
    const banner = new TextDecoder().decode(packet.payload);
    if (!banner.startsWith('host:')) {
      this.#protocolError('CNXN without a host banner');
      return;
    }
    if (this.#connected) {
      // A second CNXN means the host restarted its side: every old stream is gone.
      const streams = [...this.#streams.values()];
      this.#streams.clear();
      for (const stream of streams) stream.handleRemoteClose();
    }
    this.#connected = true;
    if (this.#handshakeTimer) clearTimeout(this.#handshakeTimer);
    this.#handshakeTimer = null;
    const version = Math.min(packet.arg0 >>> 0, ADB_DEVICE_VERSION);
    this.#checksum = version < ADB_VERSION_SKIP_CHECKSUM;
    this.#hostMaxPayload = Math.max(256, Math.min(packet.arg1 >>> 0, ADB_MAX_PAYLOAD));
    this.#decoder.setLimits(ADB_MAX_PAYLOAD, this.#checksum);
    this.#send({
      command: AdbCommand.Cnxn,
      arg0: ADB_DEVICE_VERSION,
      arg1: ADB_MAX_PAYLOAD,
      payload: new TextEncoder().encode(this.#options.banner),
    });
  }

  #open(packet: AdbPacket): void {
    const remoteId = packet.arg0;
    if (remoteId === 0) {
      this.#protocolError('OPEN with local id 0');
      return;
    }
    const service = parseServiceName(packet.payload);
    const refuse = () => this.#send({ command: AdbCommand.Clse, arg0: 0, arg1: remoteId, payload: new Uint8Array(0) });
    if (service === null) {
      refuse();
      return;
    }
    const localId = this.#allocateId();
    const stream = new AdbStream(localId, remoteId, this);
    this.#streams.set(localId, stream);
    let accepted = false;
    try {
      accepted = this.#options.openService(service, stream);
    } catch (error) {
      this.#options.log?.(`adbd: service ${JSON.stringify(service)} failed to open: ${String(error)}`);
    }
    if (!accepted || stream.closed) {
      this.#streams.delete(localId);
      stream.handleRemoteClose();
      refuse();
      return;
    }
    this.#send({ command: AdbCommand.Okay, arg0: localId, arg1: remoteId, payload: new Uint8Array(0) });
    stream.start();
  }

  #allocateId(): number {
    for (;;) {
      const id = this.#nextLocalId;
      this.#nextLocalId = this.#nextLocalId >= 0x7fffffff ? 1 : this.#nextLocalId + 1;
      if (!this.#streams.has(id)) return id;
    }
  }
}

/** The OPEN payload is the service name, usually NUL-terminated; null when it is not a usable name. */
export function parseServiceName(payload: Uint8Array): string | null {
  let end = payload.indexOf(0);
  if (end < 0) end = payload.length;
  if (end === 0 || end > MAX_SERVICE_NAME) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(0, end));
  } catch {
    return null;
  }
}

function describe(error: AdbPacketError): string {
  switch (error.code) {
    case 'bad-magic':
      return `bad magic for command 0x${error.command.toString(16)}`;
    case 'unknown-command':
      return `unknown command ${commandName(error.command)}`;
    case 'payload-too-large':
      return `payload of ${error.length} bytes exceeds ${error.max}`;
    case 'bad-checksum':
      return 'payload checksum mismatch';
  }
}
