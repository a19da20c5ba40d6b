// Adapts a Node TCP socket to Tango's AdbDaemonConnection (ADB packets in, ADB packets out).
// Tango ships a Node connector only for the adb server, not for talking to an adbd directly.
import { Socket } from 'node:net';
import {
  AdbDaemonTransport,
  AdbPacket,
  AdbPacketSerializeStream,
  type AdbCredentialStore,
  type AdbDaemonConnection,
  type AdbPacketData,
} from '@yume-chan/adb';
import {
  Consumable,
  PushReadableStream,
  StructDeserializeStream,
  WritableStream,
  tryClose,
} from '@yume-chan/stream-extra';

export interface TcpDaemonEndpoint {
  host: string;
  port: number;
}

/** Opens a TCP connection to an adbd and wraps it as a packet stream pair. */
export async function connectTcpDaemon(endpoint: TcpDaemonEndpoint, timeoutMs = 5_000): Promise<{
  connection: AdbDaemonConnection;
  socket: Socket;
}> {
  const socket = new Socket();
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`adbd at ${endpoint.host}:${endpoint.port} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.connect(endpoint.port, endpoint.host);
  });

  const bytes = new PushReadableStream<Uint8Array>((controller) => {
    socket.on('data', (data: Buffer) => {
      if (controller.abortSignal.aborted) return;
      socket.pause();
      void controller.enqueue(data).then(() => socket.resume());
    });
    socket.on('end', () => tryClose(controller));
    socket.on('close', () => tryClose(controller));
    socket.on('error', () => tryClose(controller));
  });

  const serializer = new AdbPacketSerializeStream();
  void serializer.readable.pipeTo(
    new WritableStream<Consumable<Uint8Array>>({
      write: (chunk) =>
        new Promise<void>((resolve, reject) => {
          socket.write(chunk.value, (error) => (error ? reject(error) : resolve()));
          chunk.consume();
        }),
      close: () => {
        socket.end();
      },
    }),
  ).catch(() => socket.destroy());

  const connection: AdbDaemonConnection = {
    readable: bytes.pipeThrough(new StructDeserializeStream(AdbPacket)) as unknown as AdbDaemonConnection['readable'],
    writable: serializer.writable,
  };
  return { connection, socket };
}

/** A credential store with no keys: simulated phones and `ro.adb.secure=0` devices accept without auth. */
export const noCredentials: AdbCredentialStore = {
  generateKey: () => {
    throw new Error('this adbd asked for authentication; only unauthenticated TCP adbd endpoints are supported');
  },
  iterateKeys: () => [],
};

/** Connects and completes the ADB handshake; the returned transport closes the socket when closed. */
export async function openTcpDaemonTransport(endpoint: TcpDaemonEndpoint, serial = `${endpoint.host}:${endpoint.port}`) {
  const { connection, socket } = await connectTcpDaemon(endpoint);
  try {
    const transport = await AdbDaemonTransport.authenticate({
      serial,
      connection,
      credentialStore: noCredentials,
      initialDelayedAckBytes: 0,
    });
    void transport.disconnected.then(() => socket.destroy());
    return transport;
  } catch (error) {
    socket.destroy();
    throw error;
  }
}

export type { AdbPacketData };
