// The input path is memory only: 1,000 touch moves to a phone run no SQL statement, while posting and the chat desk
// are on (their busy and attention checks run for every move). A posting request on the same box does run SQL, so
// the counter is live.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import { encodeFixture } from '../../native-bridge/testing/h264Fixture.ts';
import { ReplayDeviceHub } from '../../native-bridge/testing/replayDeviceHub.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';

let dir: string;
let hub: ReplayDeviceHub;
let box: RunningBox;
let control: BoxTestClient;
const statements: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-nosql-'));
  const fixture = await encodeFixture({ width: 240, height: 536, fps: 15, seconds: 1, gop: 10 });
  hub = new ReplayDeviceHub({ devices: 2, fixtures: { grid: fixture, focus: fixture } });
  box = await startBox({
    dataDir: join(dir, 'data'), listen: { host: '127.0.0.1', port: 0 }, hub, log: () => {},
    // A tick an hour away: the scheduler's own rounds stay out of the count.
    posting: { tickMs: 3_600_000 },
    chatDesk: { attention: true },
    traceSql: (sql) => statements.push(sql),
  });
  control = await BoxTestClient.connect(box.url, '/ws/control', { token: await box.issueToken('op', 'operator') });
  await control.waitFor((m) => m.type === 'hello');
});

afterAll(async () => {
  control?.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the input path', () => {
  test('1,000 touch moves run 0 SQL statements; a job list runs some', async () => {
    const frame = { frameWidth: 240, frameHeight: 536 };
    const before = statements.length;
    const calls = hub.calls.length;
    for (let i = 0; i < 1000; i += 1) {
      // Under the box's 400 messages/s per client: a pause after every 100 moves.
      if (i > 0 && i % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 300));
      const answer = await control.request({ type: 'input', deviceId: 'replay-1', input: { kind: 'touch', action: 'move', pointerId: 0, x: 10 + (i % 200), y: 300, ...frame } });
      expect(answer).toMatchObject({ ok: true });
    }
    expect(hub.calls.length - calls).toBe(1000);
    expect(statements.slice(before)).toEqual([]);
    expect(await control.request({ type: 'listJobs' })).toMatchObject({ ok: true });
    expect(statements.length).toBeGreaterThan(before);
  });
});
