// One scrcpy-server run on a phone for one profile: push, start over a forward tunnel, pump video into a stream.
import type { Adb } from '@yume-chan/adb';
import { AdbScrcpyClient, AdbScrcpyExitedError, AdbScrcpyOptionsLatest } from '@yume-chan/adb-scrcpy';
import { ScrcpyInstanceId, type ScrcpyControlMessageWriter, type ScrcpyMediaStreamPacket } from '@yume-chan/scrcpy';
import { ReadableStream, WritableStream, type TransformStream } from '@yume-chan/stream-extra';
import { guardPacketParser } from './packetSizeGuard.ts';
import { messageOf } from '../base/boxError.ts';
import type { DeviceVideoStream } from './deviceVideoStream.ts';
import type { StreamProfile } from './streamProfile.ts';
import { phoneServerPath, readServerJar, scrcpyServerVersion } from './scrcpyServerJar.ts';

export interface ScrcpySessionOptions {
  adb: Adb;
  jarPath: string;
  profile: StreamProfile;
  /** 31-bit session id, distinct per running session of a phone. */
  scid: number;
  stream: DeviceVideoStream;
  /** Only one session per phone forwards the phone's clipboard, or every copy would arrive twice. */
  clipboard: ((text: string) => void) | null;
  serverVersion?: string;
}

export interface ScrcpySessionHandle {
  readonly scid: number;
  readonly controller: ScrcpyControlMessageWriter;
  /** Resolves once when the session ends, with the reason (null when stopped on purpose). */
  readonly ended: Promise<string | null>;
  stop(): Promise<void>;
}

/** Why a start failed, in words for the operator (the server's own error line when it printed one). */
export function describeStartFailure(error: unknown): string {
  if (error instanceof AdbScrcpyExitedError) {
    const lines = error.output.map((line) => line.trim()).filter((line) => line.length > 0);
    const errorLine = lines.find((line) => /error|exception|version/i.test(line)) ?? lines.at(-1);
    return `scrcpy server exited: ${errorLine ?? 'no output'}`;
  }
  return `scrcpy server failed to start: ${messageOf(error)}`;
}

/** Tango's options with a size check in front of its packet parser (a forged u32 size must not allocate 4 GiB). */
export class GuardedScrcpyOptions extends AdbScrcpyOptionsLatest<true> {
  override createMediaStreamTransformer(): TransformStream<Uint8Array, ScrcpyMediaStreamPacket> {
    return guardPacketParser(super.createMediaStreamTransformer()) as unknown as TransformStream<Uint8Array, ScrcpyMediaStreamPacket>;
  }
}

/** The server options of one session: the profile's size, rate and bit rate, no audio, control, forward tunnel. */
export function createScrcpyOptions(profile: StreamProfile, scid: number, clipboard: boolean, serverVersion?: string): GuardedScrcpyOptions {
  return new GuardedScrcpyOptions(
    {
      video: true,
      scid: new ScrcpyInstanceId(scid),
      tunnelForward: true,
      videoCodec: 'h264',
      maxSize: profile.maxSize,
      maxFps: profile.maxFps,
      videoBitRate: profile.bitRate,
      audio: false,
      control: true,
      clipboardAutosync: clipboard,
      sendDummyByte: true,
      stayAwake: true,
      powerOn: true,
    },
    { version: serverVersion ?? scrcpyServerVersion },
  );
}

function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

export async function startScrcpySession(options: ScrcpySessionOptions): Promise<ScrcpySessionHandle> {
  const { adb, profile, scid, stream } = options;
  const jar = await readServerJar(options.jarPath);
  await AdbScrcpyClient.pushServer(adb, bytesStream(jar), phoneServerPath);
  const scrcpyOptions = createScrcpyOptions(profile, scid, options.clipboard !== null, options.serverVersion);
  const client = await AdbScrcpyClient.start(adb, phoneServerPath, scrcpyOptions);
  const controller = client.controller;
  if (!controller) {
    await closeClient(client);
    throw new Error('the scrcpy server opened no control socket');
  }
  let stopping = false;
  let video: Awaited<typeof client.videoStream>;
  try {
    video = await client.videoStream;
  } catch (error) {
    await closeClient(client);
    throw error;
  }
  const clipboard = client.clipboard;
  const onClipboard = options.clipboard;
  if (clipboard && onClipboard) void pumpClipboard(clipboard, onClipboard);
  // The server's log must be drained or its shell stream stalls; its last lines explain an unexpected end.
  const lastLines: string[] = [];
  void client.output
    .pipeTo(
      new WritableStream<string>({
        write: (line) => {
          const text = line.trim();
          if (!text) return;
          lastLines.push(text);
          if (lastLines.length > 5) lastLines.shift();
        },
      }),
    )
    .catch(() => {});
  const lastWords = () => (lastLines.length > 0 ? ` (server: ${lastLines.at(-1)})` : '');

  const ended = (async (): Promise<string | null> => {
    const reader = video.stream.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value.type === 'configuration') {
          stream.publish({ type: 'config', data: value.data, width: video.width, height: video.height });
        } else {
          stream.publish({
            type: 'frame',
            keyframe: value.keyframe ?? false,
            pts: value.pts ?? 0n,
            data: value.data,
            receivedAtNs: process.hrtime.bigint(),
          });
        }
      }
      return stopping ? null : `the video stream ended${lastWords()}`;
    } catch (error) {
      return stopping ? null : `the video stream failed: ${messageOf(error)}${lastWords()}`;
    } finally {
      reader.releaseLock();
      stream.setKeyFrameRequester(null);
      // Make sure the phone-side server is gone before a new one may start for this profile.
      await closeClient(client);
    }
  })();

  stream.setKeyFrameRequester(() => void controller.resetVideo().catch(() => {}));
  return {
    scid,
    controller,
    ended,
    stop: async () => {
      stopping = true;
      await closeClient(client);
      await ended;
    },
  };
}

async function pumpClipboard(clipboard: ReadableStream<string>, listener: (text: string) => void): Promise<void> {
  const reader = clipboard.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      listener(value);
    }
  } catch {
    // The control socket closed with the session.
  }
}

/** Closing over a dead ADB connection may never settle; the session must end anyway. */
function closeClient(client: AdbScrcpyClient<GuardedScrcpyOptions>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 3_000);
    client.close().catch(() => {}).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
