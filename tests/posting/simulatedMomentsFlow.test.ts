// The built-in simulated-moments flow against the simulated phone's own chat app.
import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { FlowInterpreter, type FlowImage } from '../../native-bridge/flows/flowInterpreter.ts';
import { loadBuiltinFlow } from '../../native-bridge/flows/flowLoader.ts';
import { AndroidKey, type PhonePort } from '../../native-bridge/flows/phonePort.ts';
import { FakeClock } from '../../native-bridge/testing/fakeClock.ts';
import { ChatApp } from '../../native-bridge/simphone/app/chatApp.ts';
import { KeyAction, TouchAction } from '../../native-bridge/simphone/types.ts';

/** The simulated phone's own chat app behind a PhonePort, as the box will reach it (minus the ADB wire). */
function chatAppPort(app: ChatApp, clock: FakeClock): PhonePort {
  const files = new Map<string, Uint8Array>();
  return {
    deviceId: 'sim-1',
    screenSize: async () => ({ width: app.width, height: app.height }),
    screenshot: async () => app.screencapPng(),
    uiDump: async () => app.uiDumpXml(),
    tap: async (x, y) => {
      app.touch(TouchAction.Down, x, y, 0n);
      clock.advance(60);
      app.touch(TouchAction.Up, x, y, 0n);
    },
    swipe: async (x1, y1, x2, y2) => {
      app.touch(TouchAction.Down, x1, y1, 0n);
      app.touch(TouchAction.Move, x2, y2, 0n);
      app.touch(TouchAction.Up, x2, y2, 0n);
    },
    key: async (keycode) => {
      app.key(KeyAction.Down, keycode, 0, 0);
      app.key(KeyAction.Up, keycode, 0, 0);
    },
    pasteText: async (text) => app.setClipboard(text, true),
    pushFile: async (path, bytes) => void files.set(path, bytes),
    mediaScan: async (paths) => {
      for (const path of paths) app.addGalleryImage({ path, bytes: files.get(path) ?? new Uint8Array() });
    },
    launchApp: async (name) => {
      if (!app.startApp(`+${name}`)) throw new Error(`no app ${name}`);
    },
  };
}

function image(seed: number): FlowImage {
  const canvas = createCanvas(64, 64);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `hsl(${seed * 90}, 70%, 50%)`;
  ctx.fillRect(0, 0, 64, 64);
  const bytes = canvas.toBuffer('image/jpeg');
  return { sha256: createHash('sha256').update(bytes).digest('hex'), extension: 'jpg', read: () => bytes };
}

describe('built-in simulated-moments flow on the simulated chat app', () => {
  it('publishes the exact text with the job marker and 3 images in order; verification finds it', async () => {
    const clock = new FakeClock(Date.UTC(2026, 2, 2, 1));
    const app = new ChatApp({ width: 720, height: 1280, seed: 7, deviceName: 'Sim 1', now: () => clock.now() });
    try {
      const phone = chatAppPort(app, clock);
      await phone.key(AndroidKey.HOME);
      const images = [image(1), image(2), image(3)];
      const proofs: string[] = [];
      const run = new FlowInterpreter(loadBuiltinFlow('simulated-moments'), phone, { jobId: 'job-1', postText: '新品上市，欢迎咨询！🎉', images }, clock, { proof: (label) => void proofs.push(label) });
      expect(await run.isPublished()).toBe(false);
      await run.runPreparation();
      expect(app.inspect().posts).toHaveLength(0);
      await run.runCommit();
      await run.runAfterCommit();
      const { posts, publishTaps } = app.inspect();
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({ text: '新品上市，欢迎咨询！🎉\n#job:job-1', jobId: 'job-1', imageSha256: images.map((i) => i.sha256) });
      expect(publishTaps).toEqual({ 'job-1': 1 });
      expect(await run.isPublished()).toBe(true);
      expect(proofs).toEqual(['verification', 'before publish', 'after publish', 'verification']);
    } finally {
      app.stop();
    }
  });
});
