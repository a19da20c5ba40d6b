// Drives ScrcpyServer through in-memory sockets and reads them back with Tango's own 3.3.3 parsers.
import { afterEach, describe, expect, it } from 'vitest';
import { AdbScrcpyOptionsLatest } from '@yume-chan/adb-scrcpy';
import { ScrcpyControlMessageSerializer, type ScrcpyMediaStreamPacket } from '@yume-chan/scrcpy';
import { ReadableStream, WritableStream } from '@yume-chan/stream-extra';
import { decodeH264 } from '../encoder/h264Decoder.ts';
import type { PhoneIdentity, ShellIo } from '../types.ts';
import { MemoryChannel } from './memoryChannel.ts';
import { PatternScreen } from './patternScreen.ts';
import { ScrcpyServer } from './scrcpyServer.ts';
import { encodeDeviceName } from './scrcpySession.ts';

const identity: PhoneIdentity = {
  serial: 'SIM0001', model: 'PhoneWall Sim 7', brand: 'phonewall', manufacturer: 'PhoneWall', product: 'sim7',
  device: 'sim7', release: '13', sdk: 33,
};

class TestIo implements ShellIo {
  out = '';
  err = '';
  #abort!: () => void;
  readonly aborted = new Promise<void>((resolve) => {
    this.#abort = resolve;
  });
  stdout(data: Uint8Array | string): void {
    this.out += typeof data === 'string' ? data : new TextDecoder().decode(data);
  }
  stderr(data: Uint8Array | string): void {
    this.err += typeof data === 'string' ? data : new TextDecoder().decode(data);
  }
  onStdin(): void {}
  abort(): void {
    this.#abort();
  }
}

async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The host end of one session: Tango parses the video socket exactly as it would from a phone. */
async function openSession(server: ScrcpyServer, init: ConstructorParameters<typeof AdbScrcpyOptionsLatest>[0]) {
  const options = new AdbScrcpyOptionsLatest({ tunnelForward: true, audio: false, ...init });
  const io = new TestIo();
  const exit = server.run([options.version, ...options.serialize()], io);
  const name = `scrcpy_${String(init.scid ?? '').padStart(8, '0')}`;
  const video = new MemoryChannel();
  const control = new MemoryChannel();
  const controlBytes: Uint8Array[] = [];
  control.onHostData((data) => controlBytes.push(data));
  let dummyBytes = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      video.onHostData((data) => {
        // the forward tunnel's dummy byte is consumed by AdbScrcpyForwardConnection, not by the stream parser
        if (dummyBytes === 0 && data.length === 1 && data[0] === 0) {
          dummyBytes += 1;
          return;
        }
        controller.enqueue(data);
      });
      video.onClose(() => controller.close());
    },
  });
  const sockets = init.video === false ? [control] : [video, control];
  await waitFor(() => server.connect(name, sockets[0]!), 'first socket');
  for (const socket of sockets.slice(1)) expect(server.connect(name, socket)).toBe(true);
  if (init.video === false) {
    return { options, io, exit, video, control, controlBytes, metadata: undefined, received: [] as ScrcpyMediaStreamPacket[], serializer: new ScrcpyControlMessageSerializer(options) };
  }
  expect(dummyBytes).toBe(1);
  const { metadata, stream: packets } = await options.parseVideoStreamMetadata(stream);
  const received: ScrcpyMediaStreamPacket[] = [];
  void packets.pipeThrough(options.createMediaStreamTransformer()).pipeTo(
    new WritableStream({ write: (packet) => void received.push(packet) }),
  ).catch(() => undefined);
  return { options, io, exit, video, control, controlBytes, metadata, received, serializer: new ScrcpyControlMessageSerializer(options) };
}

function annexBOf(packets: ScrcpyMediaStreamPacket[]): Uint8Array {
  return Buffer.concat(packets.map((packet) => packet.data));
}

const servers: ScrcpyServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

describe('ScrcpyServer', () => {
  it('streams decodable video with Tango-compatible metadata and packets', async () => {
    const screen = new PatternScreen(720, 1600);
    const server = new ScrcpyServer({ screen, identity });
    servers.push(server);
    const session = await openSession(server, { scid: '1a2b', maxSize: 480, maxFps: 15, videoBitRate: 800_000 });
    expect(session.metadata).toMatchObject({ deviceName: 'PhoneWall Sim 7', codec: 0x68323634, width: 216, height: 480 });
    await waitFor(() => session.received.some((p) => p.type === 'data' && p.keyframe), 'first key frame');
    expect(session.received[0]?.type).toBe('configuration');
    expect(session.io.out).toContain('[server] INFO: Device: [PhoneWall] phonewall PhoneWall Sim 7 (Android 13)');
    expect(server.sessions()).toEqual([{ scid: '00001a2b', maxSize: 480, width: 216, height: 480, video: true, control: true }]);

    screen.change();
    await waitFor(() => session.received.filter((p) => p.type === 'data').length >= 2, 'frame after change');
    const second = session.received.filter((p) => p.type === 'data')[1];
    expect(second?.type === 'data' && second.keyframe).toBe(false);

    const decoded = await decodeH264(annexBOf(session.received), 216, 480);
    expect(decoded.frames.length).toBe(2);
    const last = decoded.frames[1]!;
    for (const y of [30, 150, 270, 450]) {
      const i = (y * 216 + 108) * 4;
      const expected = screen.colourAt(y, 480);
      for (let c = 0; c < 3; c += 1) expect(Math.abs(last[i + c]! - expected[c]!)).toBeLessThan(12);
    }
  });

  it('sends no frame while the screen does not change', async () => {
    const screen = new PatternScreen(720, 1600);
    const server = new ScrcpyServer({ screen, identity });
    servers.push(server);
    const session = await openSession(server, { scid: '7', maxSize: 480, maxFps: 30 });
    await waitFor(() => session.received.some((p) => p.type === 'data'), 'first frame');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(session.received.filter((p) => p.type === 'data').length).toBe(1);
  });

  it('maps touches from the video size to physical pixels and drops other sizes', async () => {
    const screen = new PatternScreen(720, 1600);
    const server = new ScrcpyServer({ screen, identity });
    servers.push(server);
    const s = await openSession(server, { scid: '2', maxSize: 480 });
    const touch = (videoWidth: number, videoHeight: number) =>
      s.serializer.injectTouch({ action: 0, pointerId: 1n, pointerX: 108, pointerY: 240, videoWidth, videoHeight, pressure: 1, actionButton: 0, buttons: 0 });
    s.control.hostSend(touch(216, 480));
    s.control.hostSend(touch(720, 1600));
    expect(screen.events.touches).toEqual([{ action: 0, x: 360, y: 800, pointerId: 1n }]);
  });

  it('answers SET_CLIPBOARD with ACK_CLIPBOARD and GET_CLIPBOARD with the text', async () => {
    const screen = new PatternScreen();
    const server = new ScrcpyServer({ screen, identity });
    servers.push(server);
    const s = await openSession(server, { scid: '3', video: false });
    const message = s.serializer.setClipboard({ sequence: 42n, paste: true, content: '你好，欢迎光临！😀' });
    s.control.hostSend(message instanceof Uint8Array ? message : message[0]);
    expect(screen.clipboard).toBe('你好，欢迎光临！😀');
    s.control.hostSend(new Uint8Array([8, 0]));
    // with video off the control socket is the first one: dummy byte, then the 64-byte device name
    const all = Buffer.concat(s.controlBytes);
    expect(all[0]).toBe(0);
    expect(all.subarray(1, 65).toString('utf8').replace(/\0+$/, '')).toBe('PhoneWall Sim 7');
    const replies = all.subarray(65);
    expect([...replies.subarray(0, 9)]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 42]);
    expect(replies[9]).toBe(0);
    expect(replies.readUInt32BE(10)).toBe(Buffer.byteLength('你好，欢迎光临！😀'));
    expect(replies.subarray(14).toString('utf8')).toBe('你好，欢迎光临！😀');
  });

  it('ends the session on a malformed control message, closing every socket', async () => {
    const screen = new PatternScreen();
    const server = new ScrcpyServer({ screen, identity });
    servers.push(server);
    const s = await openSession(server, { scid: '4', maxSize: 480 });
    s.control.hostSend(new Uint8Array([99]));
    expect(await s.exit).toBe(0);
    expect(s.video.closed && s.control.closed).toBe(true);
    expect(s.io.err).toContain('Unknown event type: 99');
    expect(server.sessions()).toEqual([]);
  });

  it('restarts with a new config and key frame on RESET_VIDEO', async () => {
    const screen = new PatternScreen(720, 1600);
    const server = new ScrcpyServer({ screen, identity });
    servers.push(server);
    const s = await openSession(server, { scid: '5', maxSize: 480 });
    await waitFor(() => s.received.some((p) => p.type === 'data'), 'first frame');
    s.control.hostSend(s.serializer.resetVideo());
    await waitFor(() => s.received.filter((p) => p.type === 'data' && p.keyframe).length >= 2, 'second key frame');
    expect(s.received.filter((p) => p.type === 'configuration').length).toBe(2);
  });

  it('drops frames while the host does not read, then resumes with a new config and key frame', async () => {
    const screen = new PatternScreen(720, 1600);
    const server = new ScrcpyServer({ screen, identity, videoHighWaterBytes: 1 });
    servers.push(server);
    const s = await openSession(server, { scid: '8', maxSize: 480 });
    await waitFor(() => s.received.some((p) => p.type === 'data'), 'first frame');
    s.video.setAutoAck(false);
    const written = s.received.length;
    // the next frame is written but never acknowledged: the stream is then over the 1-byte mark
    screen.change();
    await waitFor(() => s.video.pendingBytes > 0 || s.received.length > written, 'an unacknowledged write');
    for (let i = 0; i < 3; i += 1) {
      screen.change();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const whileStalled = s.received.filter((p) => p.type === 'data').length;
    expect(whileStalled).toBeLessThanOrEqual(2);
    s.video.setAutoAck(true);
    await waitFor(() => s.received.filter((p) => p.type === 'configuration').length >= 2, 'config after the stall');
    await waitFor(() => s.received.filter((p) => p.type === 'data' && p.keyframe).length >= 2, 'key frame after the stall');
    const frames = s.received.filter((p) => p.type === 'data');
    // the four changes made while stalled were not queued: at most the one in flight, then the resumed key frame
    expect(frames.length).toBeLessThanOrEqual(3);
    expect(frames[frames.length - 1]).toMatchObject({ keyframe: true });
    const decoded = await decodeH264(annexBOf(s.received.slice(s.received.map((p) => p.type).lastIndexOf('configuration'))), 216, 480);
    const centre = (300 * 216 + 108) * 4;
    const expected = screen.colourAt(300, 480);
    for (let c = 0; c < 3; c += 1) expect(Math.abs(decoded.frames[0]![centre + c]! - expected[c]!)).toBeLessThan(12);
  });

  it('forwards clipboard changes made on the phone (clipboard_autosync) but not the client\'s own', async () => {
    const screen = new PatternScreen();
    const server = new ScrcpyServer({ screen, identity });
    servers.push(server);
    const s = await openSession(server, { scid: '9', video: false, clipboardAutosync: true });
    const set = s.serializer.setClipboard({ sequence: 0n, paste: false, content: 'from client' });
    s.control.hostSend(set instanceof Uint8Array ? set : set[0]);
    screen.setClipboard('copied on phone', false);
    const replies = Buffer.concat(s.controlBytes).subarray(65);
    expect(replies[0]).toBe(0);
    expect(replies.readUInt32BE(1)).toBe('copied on phone'.length);
    expect(replies.subarray(5).toString('utf8')).toBe('copied on phone');
  });

  it('cuts a long device name at a character boundary within 63 bytes', () => {
    const field = encodeDeviceName('手机'.repeat(20));
    expect(field.length).toBe(64);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(field.subarray(0, field.indexOf(0)));
    expect(text).toBe('手机'.repeat(10) + '手');
  });

  it('refuses a client of another version like the real server', async () => {
    const server = new ScrcpyServer({ screen: new PatternScreen(), identity });
    const io = new TestIo();
    expect(await server.run(['3.3.1', 'scid=1'], io)).toBe(1);
    expect(io.err).toBe('[server] ERROR: The server version (3.3.3) does not match the client (3.3.1)\n');
  });

  it('ends the session when the shell stream is closed by the host', async () => {
    const server = new ScrcpyServer({ screen: new PatternScreen(), identity });
    servers.push(server);
    const s = await openSession(server, { scid: 'a', maxSize: 480 });
    s.io.abort();
    expect(await s.exit).toBe(0);
    expect(s.video.closed && s.control.closed).toBe(true);
  });

  it('killAll ends running sessions with 137', async () => {
    const server = new ScrcpyServer({ screen: new PatternScreen(), identity });
    servers.push(server);
    const s = await openSession(server, { scid: '6', maxSize: 480 });
    server.killAll();
    expect(await s.exit).toBe(137);
    expect(s.video.closed).toBe(true);
  });
});
