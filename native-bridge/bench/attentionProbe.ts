// Measures the grid-stream packets a simulated phone sends in typical moments (the data behind the detector's defaults).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeviceHub } from '../devices/createDeviceHub.ts';
import type { VideoPacket } from '../base/deviceHub.ts';
import { ChatApp } from '../simphone/app/chatApp.ts';
import { H264Encoder } from '../simphone/encoder/h264Encoder.ts';
import { locateFfmpeg } from '../simphone/encoder/ffmpegLocator.ts';
import { computeVideoSize } from '../simphone/scrcpy/videoSize.ts';
import { defaultStreamProfiles } from '../sessions/streamProfile.ts';

interface Seen {
  at: number;
  kind: 'config' | 'key' | 'delta';
  bytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pw-attention-probe-'));
  const hub = createDeviceHub({ simulate: 1, adbServer: null, connect: [], scrcpyServerPath: null, dataDir, log: () => undefined });
  try {
    await hub.start();
    const device = hub.list()[0];
    const phone = hub.simulatedPhones()[0];
    if (!device || !phone) throw new Error('no simulated phone');
    const hold = hub.holdStream(device.id, 'grid');
    let seen: Seen[] = [];
    const onPacket = (packet: VideoPacket) => {
      seen.push({ at: Date.now(), kind: packet.type === 'config' ? 'config' : packet.keyframe ? 'key' : 'delta', bytes: packet.data.length });
    };
    hold.stream.onPacket(onPacket);
    const phase = async (name: string, act: () => void | Promise<void>, settleMs = 2500) => {
      seen = [];
      const start = Date.now();
      await act();
      await sleep(settleMs);
      const rows = seen.map((s) => `${s.kind}:${s.bytes}@${s.at - start}ms`).join(' ');
      console.log(`${name.padEnd(34)} ${String(seen.length).padStart(3)} packets  ${rows}`);
    };
    await phase('start (screen: ' + phone.inspect().screen + ')', () => undefined, 4000);
    await phase('idle 10 s', () => undefined, 10_000);
    await phase('customer message on launcher', () => phone.deliverCustomerMessage());
    await phase('open chat app (operator)', () => void phone.screen.startApp('com.phonewall.chat'));
    await phase('idle 5 s on chat list', () => undefined, 5000);
    for (let i = 1; i <= 3; i += 1) await phase(`customer message on chat list #${i}`, () => phone.deliverCustomerMessage());
    const chatId = phone.inspect().chats[2]?.id ?? '';
    await phase('customer message, long text', () => phone.deliverCustomerMessage(chatId, '您好，请问今天下午三点之前下单的话，明天上午能送到浦东新区吗？谢谢'));
    const top = phone.inspect().chats[0]?.id ?? '';
    await phase('open top chat (operator tap)', async () => {
      await hub.control(device.id).input({ kind: 'startApp', name: 'com.phonewall.chat' });
      phone.screen.touch(0, 200, 400, 0n);
      phone.screen.touch(1, 200, 400, 0n);
    });
    await phase(`customer message in open chat`, () => phone.deliverCustomerMessage(phone.inspect().openChatId ?? top, '在吗？'));
    await phase('customer message in other chat', () => phone.deliverCustomerMessage(phone.inspect().chats.at(-1)?.id ?? top));
    await phase('type "." / delete, x6, 500 ms apart', async () => {
      for (let i = 0; i < 6; i += 1) {
        phone.screen.injectText(i % 2 === 0 ? '.' : '');
        if (i % 2 === 1) {
          phone.screen.key(0, 67, 0, 0);
          phone.screen.key(1, 67, 0, 0);
        }
        await sleep(500);
      }
    });
    await phase('operator types 12 chars (150 ms)', async () => {
      for (const ch of 'hello there!') {
        phone.screen.injectText(ch);
        await sleep(150);
      }
    });
    await phase('operator presses enter (send)', () => {
      phone.screen.key(0, 66, 0, 0);
      phone.screen.key(1, 66, 0, 0);
    });
    hold.release();
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The simulated phone never blinks a cursor and its clock is fixed, so those small changes are encoded here with
 * the grid profile's encoder settings: a 2 px caret toggled on the chat input, and the launcher at 10:00 vs 10:01.
 */
async function smallChanges(): Promise<void> {
  const grid = defaultStreamProfiles.grid;
  const size = computeVideoSize({ width: 720, height: 1600 }, grid.maxSize);
  const encodeAll = async (frames: Uint8Array[]): Promise<number[]> => {
    const sizes: number[] = [];
    let wake: (() => void) | null = null;
    const encoder = new H264Encoder({
      ffmpegPath: locateFfmpeg(),
      ...size,
      fps: grid.maxFps,
      bitRate: grid.bitRate,
      gop: grid.maxFps * 10,
      onUnit: (unit) => {
        if (unit.type === 'config') return;
        sizes.push(unit.data.length);
        wake?.();
      },
      onFailure: (error) => console.error(error.message),
    });
    encoder.start();
    for (const frame of frames) {
      const before = sizes.length;
      while (!encoder.encode(frame)) await sleep(5);
      while (sizes.length === before) await new Promise<void>((resolve) => (wake = resolve));
      await sleep(1000 / grid.maxFps);
    }
    await encoder.stop();
    return sizes;
  };
  const app = (at: number) => new ChatApp({ width: 720, height: 1600, seed: 1, deviceName: 'probe', now: () => at });
  const tenOClock = Date.UTC(2026, 10, 22, 2, 0);
  const chat = app(tenOClock);
  chat.startApp('com.phonewall.chat');
  chat.touch(0, 200, 400, 0n);
  chat.touch(1, 200, 400, 0n);
  const plain = chat.renderRgba(size.width, size.height);
  const caret = plain.slice();
  const inputY = Math.round(size.height * 0.955);
  for (let y = inputY - 8; y < inputY + 8; y += 1) for (let x = 40; x < 42; x += 1) caret.set([20, 160, 60, 255], (y * size.width + x) * 4);
  const blink = await encodeAll(Array.from({ length: 21 }, (_, i) => (i % 2 === 0 ? plain : caret)));
  console.log(`caret blink (${size.width}x${size.height}, ${grid.bitRate} b/s): key ${blink[0]} B, then ${blink.slice(1).join(' ')} B`);
  const launcherAt = (minute: number) => app(tenOClock + minute * 60_000).renderRgba(size.width, size.height);
  const ticks = await encodeAll(Array.from({ length: 13 }, (_, i) => launcherAt(i)));
  console.log(`clock tick on the launcher (status bar + clock widget): key ${ticks[0]} B, then ${ticks.slice(1).join(' ')} B`);
  // The status-bar clock alone over the open chat: the launcher's top rows (status bar) pasted onto the chat frame.
  const statusRows = Math.round(size.height * 0.03);
  const statusTick = (minute: number) => {
    const frame = plain.slice();
    frame.set(launcherAt(minute).subarray(0, statusRows * size.width * 4), 0);
    return frame;
  };
  const status = await encodeAll(Array.from({ length: 13 }, (_, i) => statusTick(i)));
  console.log(`status-bar clock tick over a chat: key ${status[0]} B, then ${status.slice(1).join(' ')} B`);
}

async function run(): Promise<void> {
  await smallChanges();
  if (!process.argv.includes('--small-only')) await main();
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
