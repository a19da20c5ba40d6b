// The posting engine driving simulated phones through the real device hub (scrcpy control, pushes, UI dumps).
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeviceHub, type DeviceHubWithDiagnostics } from '../../native-bridge/devices/createDeviceHub.ts';
import { deviceControlPhonePort, gridFrameSize } from '../../native-bridge/flows/deviceControlPhonePort.ts';
import { loadBuiltinFlow } from '../../native-bridge/flows/flowLoader.ts';
import type { PhonePort } from '../../native-bridge/flows/phonePort.ts';
import { systemClock } from '../../native-bridge/base/clock.ts';
import { PostingEngine } from '../../native-bridge/posting/postingEngine.ts';
import { openDatabase } from '../../native-bridge/store/database.ts';

let dir = '';
let hub: DeviceHubWithDiagnostics;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-hub-posting-'));
  hub = createDeviceHub({ adbServer: null, connect: [], simulate: 2, scrcpyServerPath: null, dataDir: join(dir, 'hub'), log: () => {} });
  await hub.start();
  const deadline = Date.now() + 60_000;
  while (hub.list().filter((d) => d.state === 'online').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
});

afterAll(async () => {
  await hub?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('posting engine on simulated phones through the device hub', () => {
  it('publishes a scheduled post with 2 images on each phone exactly once, with proofs', async () => {
    const devices = hub.list();
    expect(devices.filter((d) => d.state === 'online')).toHaveLength(2);
    const ports = new Map<string, PhonePort>(devices.map((d) => [d.id, deviceControlPhonePort(() => hub.list().find((x) => x.id === d.id) ?? null, hub.control(d.id), gridFrameSize(hub, d.id))]));
    const flow = loadBuiltinFlow('simulated-moments');
    mkdirSync(join(dir, 'box'), { recursive: true });
    const engine = PostingEngine.open({ db: openDatabase(join(dir, 'box', 'box.db')), dataDir: join(dir, 'box'), zone: 'Asia/Shanghai', clock: systemClock(), phoneFor: (id) => ports.get(id) ?? null, flows: new Map([[flow.id, flow]]), tickMs: 200, onError: (e) => console.error(e) });
    try {
      for (const d of devices) engine.devices.upsert(d.id, d.model, Date.now());
      const images = [1, 2].map((i) => {
        const canvas = createCanvas(120, 90);
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = i === 1 ? '#e33' : '#33e';
        ctx.fillRect(0, 0, 120, 90);
        return engine.media.putImage(canvas.toBuffer('image/png'), Date.now()).sha256;
      });
      const post = engine.posts.create({ title: 'hub', text: '新品上市，欢迎咨询！🎉', images }, Date.now());
      const local = DateTime.now().setZone('Asia/Shanghai');
      engine.schedules.create({ postId: post.id, devices: devices.map((d) => d.id), time: { kind: 'once', date: local.toISODate(), time: local.toFormat('HH:mm') } }, 'Asia/Shanghai', Date.now(), 86_400_000);
      engine.start();
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline && engine.jobs.list().some((j) => !['done', 'failed', 'missed', 'cancelled'].includes(j.state))) await new Promise((r) => setTimeout(r, 100));
      const jobs = engine.jobs.list();
      expect(jobs.map((j) => `${j.state}${j.reason ? `: ${j.reason}` : ''}`)).toEqual(['done', 'done']);
      for (const job of jobs) {
        const sim = hub.simulatedPhones().find((p) => p.inspect().serial === job.deviceId)!;
        const { posts, publishTaps } = sim.inspect();
        expect(posts).toHaveLength(1);
        expect(posts[0]).toMatchObject({ text: `新品上市，欢迎咨询！🎉\n#job:${job.id}`, jobId: job.id, imageSha256: images });
        expect(publishTaps[job.id]).toBe(1);
        expect(engine.jobs.proofs(job.id).map((p) => p.label)).toEqual(['before publish', 'after publish', 'verification']);
      }
    } finally {
      await engine.stop();
      engine.db.close();
    }
  }, 150_000);
});
