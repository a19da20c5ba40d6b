// Several scrcpy sessions on one simulated phone through Tango: grid + focus, audio, encoders, rotation, abuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adb } from '@yume-chan/adb';
import { AdbScrcpyClient, AdbScrcpyOptionsLatest } from '@yume-chan/adb-scrcpy';
import { DefaultServerPath } from '@yume-chan/scrcpy';
import { WritableStream } from '@yume-chan/stream-extra';
import { connectAdb, pushServerJar, ScrcpyProbe } from '../../native-bridge/bench/scrcpyProbe.ts';
import { decodeH264 } from '../../native-bridge/simphone/encoder/h264Decoder.ts';
import { malformedControlMessage, seededRandom } from '../../native-bridge/simphone/scrcpy/malformedControlMessages.ts';
import { SimPhone } from '../../native-bridge/simphone/simPhone.ts';

async function until(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('scrcpy sessions through Tango', () => {
  let phone: SimPhone;
  let adb: Adb;

  beforeAll(async () => {
    phone = await SimPhone.start({ index: 9 });
    adb = await connectAdb(phone.port);
    await pushServerJar(adb);
  });

  /** Switches between the launcher and the chat app, as a user would. */
  async function changeScreen(): Promise<void> {
    const command = phone.inspect().screen === 'launcher' ? 'monkey -p com.phonewall.chat 1' : 'input keyevent 3';
    const before = phone.inspect().screen;
    await adb.subprocess.noneProtocol.spawnWaitText(command);
    await until(() => phone.inspect().screen !== before, `screen change by ${command}`);
  }

  afterAll(async () => {
    await adb?.close();
    await phone?.stop();
  });

  it('runs a grid (480) and a focus (1280) session of the same screen at once, both decodable', async () => {
    const grid = await ScrcpyProbe.start(adb, { scid: '100', maxSize: 480, maxFps: 15, videoBitRate: 800_000 });
    const focus = await ScrcpyProbe.start(adb, { scid: '200', maxSize: 1280, maxFps: 30, videoBitRate: 6_000_000 });
    try {
      expect([grid.metadata?.width, grid.metadata?.height]).toEqual([216, 480]);
      expect([focus.metadata?.width, focus.metadata?.height]).toEqual([576, 1280]);
      expect(phone.inspect().scrcpySessions).toEqual([
        { scid: '00000100', maxSize: 480, width: 216, height: 480 },
        { scid: '00000200', maxSize: 1280, width: 576, height: 1280 },
      ]);
      // each encoder starts in its own (staggered) slot: change the screen once both showed the first picture
      await grid.waitFor((probe) => probe.frames().length >= 1, 'grid first frame');
      await focus.waitFor((probe) => probe.frames().length >= 1, 'focus first frame');
      await changeScreen();
      await grid.waitFor((probe) => probe.frames().length >= 2, 'grid frames');
      await focus.waitFor((probe) => probe.frames().length >= 2, 'focus frames');
      expect((await decodeH264(grid.annexBSinceLastConfig(), 216, 480)).frames.length).toBe(grid.frames().length);
      expect((await decodeH264(focus.annexBSinceLastConfig(), 576, 1280)).frames.length).toBe(focus.frames().length);
    } finally {
      await grid.close();
      await focus.close();
    }
    await until(() => phone.inspect().scrcpySessions.length === 0, 'sessions to end after the clients closed');
  });

  it('with Tango defaults (reverse tunnel refused, audio on) falls back to forward and reports audio disabled', async () => {
    const options = new AdbScrcpyOptionsLatest({ scid: '300', maxSize: 480 });
    const client = await AdbScrcpyClient.start(adb, DefaultServerPath, options);
    try {
      void client.output.pipeTo(new WritableStream({ write: () => undefined })).catch(() => undefined);
      expect(options.value.tunnelForward).toBe(true);
      expect(await client.audioStream).toEqual({ type: 'disabled' });
      const video = await client.videoStream;
      expect(video?.metadata).toMatchObject({ width: 216, height: 480 });
    } finally {
      await client.close();
    }
  });

  it('lists the video encoder and the display like the real server', async () => {
    const encoders = await AdbScrcpyClient.getEncoders(adb, DefaultServerPath, new AdbScrcpyOptionsLatest({}));
    expect(encoders).toEqual([{ type: 'video', codec: 'h264', name: 'c2.android.avc.encoder', hardwareType: 'software', vendor: false, aliasFor: undefined }]);
    const displays = await AdbScrcpyClient.getDisplays(adb, DefaultServerPath, new AdbScrcpyOptionsLatest({}));
    expect(displays).toEqual([{ id: 0, resolution: '720x1600' }]);
  });

  it('rotation sends a new config with the new size, then a key frame', async () => {
    const probe = await ScrcpyProbe.start(adb, { scid: '400', maxSize: 480 });
    try {
      await probe.waitFor((p) => p.frames().length > 0, 'first frame');
      phone.rotate(1);
      await probe.waitFor((p) => p.packets.filter((packet) => packet.type === 'configuration').length >= 2 && p.frames().filter((f) => f.keyframe).length >= 2, 'config + key frame after rotation');
      expect(phone.inspect().scrcpySessions.find((session) => session.scid === '00000400')).toMatchObject({ width: 480, height: 216 });
      expect((await decodeH264(probe.annexBSinceLastConfig(), 480, 216)).frames.length).toBeGreaterThan(0);
    } finally {
      phone.rotate(0);
      await probe.close();
    }
  });

  it('killScrcpy ends a running server: sockets close and the process exits', async () => {
    const probe = await ScrcpyProbe.start(adb, { scid: '500', maxSize: 480 });
    phone.killScrcpy();
    await probe.client.exited;
    await until(() => probe.ended, 'video stream end');
  });

  it('seeded malformed control messages end only their own session; the phone and other sessions keep working', async () => {
    const grid = await ScrcpyProbe.start(adb, { scid: '600', maxSize: 480, control: false });
    try {
      await grid.waitFor((probe) => probe.frames().length > 0, 'grid frame');
      const random = seededRandom(77);
      const cases = 200;
      for (let i = 0; i < cases; i += 1) {
        const sample = malformedControlMessage(random);
        const victim = await ScrcpyProbe.start(adb, { scid: (0x1000 + i).toString(16), video: false });
        await victim.controller.write(sample.bytes);
        if (sample.closeAfter) await victim.close();
        await victim.client.exited;
      }
      expect(phone.inspect().scrcpySessions.map((session) => session.scid)).toEqual(['00000600']);
      expect(await adb.subprocess.noneProtocol.spawnWaitText('getprop ro.product.model')).toContain(phone.identity.model);
      const frames = grid.frames().length;
      await changeScreen();
      await grid.waitFor((probe) => probe.frames().length > frames, 'grid frames after the abuse');
    } finally {
      await grid.close();
    }
  });
});
