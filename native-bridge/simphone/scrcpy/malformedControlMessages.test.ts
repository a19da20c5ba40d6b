// 10,000 seeded malformed control messages, each on its own control connection: every session ends cleanly.
import { describe, expect, it } from 'vitest';
import type { PhoneIdentity, ShellIo } from '../types.ts';
import { readControlMessage } from './controlMessageReader.ts';
import { malformedControlMessage, seededRandom } from './malformedControlMessages.ts';
import { MemoryChannel } from './memoryChannel.ts';
import { PatternScreen } from './patternScreen.ts';
import { ScrcpyServer } from './scrcpyServer.ts';

const identity: PhoneIdentity = { serial: 'F1', model: 'Fuzz', brand: 'b', manufacturer: 'm', product: 'p', device: 'd', release: '13', sdk: 33 };
const quietIo = (): ShellIo & { err: string } => {
  const io = { err: '', stdout: () => undefined, stderr: (data: Uint8Array | string) => void (io.err += String(data)), onStdin: () => undefined, aborted: new Promise<void>(() => undefined) };
  return io;
};

describe('malformed control messages', () => {
  it('every generated case is rejected by the reader (or incomplete when truncated)', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 10_000; i += 1) {
      const sample = malformedControlMessage(random);
      const result = readControlMessage(sample.bytes);
      expect(result.status).toBe(sample.closeAfter ? 'incomplete' : 'error');
    }
  });

  it('10,000 cases on 10,000 control connections end each session, and a video session keeps streaming', async () => {
    const screen = new PatternScreen(720, 1600);
    const server = new ScrcpyServer({ screen, identity });
    const healthyIo = quietIo();
    const healthy = server.run(['3.3.3', 'scid=1', 'audio=false', 'control=false', 'max_size=480', 'tunnel_forward=true'], healthyIo);
    const video = new MemoryChannel();
    let packetsBytes = 0;
    video.onHostData((data) => void (packetsBytes += data.length));
    expect(server.connect('scrcpy_00000001', video)).toBe(true);

    const random = seededRandom(20_260_401);
    const kinds = new Map<string, number>();
    for (let i = 0; i < 10_000; i += 1) {
      const sample = malformedControlMessage(random);
      kinds.set(sample.kind, (kinds.get(sample.kind) ?? 0) + 1);
      const io = quietIo();
      const exit = server.run(['3.3.3', `scid=${(i + 2).toString(16)}`, 'video=false', 'audio=false', 'tunnel_forward=true'], io);
      const control = new MemoryChannel();
      expect(server.connect(`scrcpy_${(i + 2).toString(16).padStart(8, '0')}`, control)).toBe(true);
      // split at a random point: the reader must reassemble before judging
      const cut = Math.floor(random() * sample.bytes.length);
      control.hostSend(sample.bytes.subarray(0, cut));
      control.hostSend(sample.bytes.subarray(cut));
      if (sample.closeAfter) control.hostClose();
      expect(await exit).toBe(0);
      expect(control.closed).toBe(true);
      if (!sample.closeAfter) expect(io.err).toContain('Controller error');
    }
    expect(server.sessions().map((session) => session.scid)).toEqual(['00000001']);
    expect(kinds.size).toBe(6);

    const before = packetsBytes;
    screen.change();
    const deadline = Date.now() + 20_000;
    while (packetsBytes === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(packetsBytes).toBeGreaterThan(before);
    await server.stop();
    expect(await healthy).toBe(137);
  });
});
