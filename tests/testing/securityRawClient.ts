// A hand-made WebSocket client over a raw TCP socket: sends any bytes, and can stop reading (a slow viewer).
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

export class RawWsClient {
  received = 0;
  closed = false;
  private constructor(readonly socket: Socket) {
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => {});
  }

  /** Opens a TCP connection and completes the upgrade; rejects with the HTTP status line otherwise. */
  static async open(port: number, path: string, headers: Record<string, string>): Promise<RawWsClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const lines = [
      `GET ${path} HTTP/1.1`,
      ...(Object.keys(headers).some((k) => k.toLowerCase() === 'host') ? [] : [`Host: 127.0.0.1:${port}`]),
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    const head = await new Promise<{ status: string; rest: Buffer }>((resolve, reject) => {
      let buffer = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        resolve({ status: buffer.subarray(0, buffer.indexOf('\r\n')).toString(), rest: buffer.subarray(end + 4) });
      };
      socket.on('data', onData);
      socket.once('close', () => reject(new Error('closed before the upgrade answer')));
    });
    if (!head.status.includes(' 101 ')) {
      socket.destroy();
      throw new Error(head.status);
    }
    const client = new RawWsClient(socket);
    client.received += head.rest.length;
    socket.on('data', (chunk: Buffer) => (client.received += chunk.length));
    return client;
  }

  /** Sends one masked frame (client frames must be masked). */
  sendFrame(opcode: number, payload: Buffer): void {
    const mask = randomBytes(4);
    const length = payload.length;
    const header =
      length < 126
        ? Buffer.from([0x80 | opcode, 0x80 | length])
        : length < 65536
          ? Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 0xff])
          : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), bigLength(length)]);
    const masked = Buffer.alloc(length);
    for (let i = 0; i < length; i += 1) masked[i] = payload[i]! ^ mask[i % 4]!;
    this.socket.write(Buffer.concat([header, mask, masked]));
  }

  sendText(text: string): void {
    this.sendFrame(0x1, Buffer.from(text, 'utf8'));
  }

  /** Stops reading from the socket: the kernel buffers fill and the box's bufferedAmount grows. */
  stopReading(): void {
    this.socket.pause();
  }

  resumeReading(): void {
    this.socket.resume();
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}
