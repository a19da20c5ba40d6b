// A box started with posting off opens no posting store and answers posting requests with typed errors.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBox } from '../../native-bridge/box.ts';
import type { RunningBox } from '../../native-bridge/box.ts';
import { BOX_DATABASE_FILE } from '../../native-bridge/store/database.ts';
import { testPicture, uploadMedia } from '../testing/postingKit.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';

let dir: string;
let box: RunningBox;
let control: BoxTestClient;
let token: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-posting-off-'));
  box = await startBox({ dataDir: join(dir, 'data'), listen: { host: '127.0.0.1', port: 0 }, adbServer: null, posting: false, chatDesk: false, log: () => {} });
  token = await box.issueToken('operator', 'operator');
  control = await BoxTestClient.connect(box.url, '/ws/control', { token });
}, 60_000);

afterAll(async () => {
  control?.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a box with posting off', () => {
  test('has no posting store; posting requests are not_found; uploads 404; devices are never busy', async () => {
    expect(box.posting).toBeNull();
    expect(existsSync(join(dir, 'data', BOX_DATABASE_FILE))).toBe(false);
    expect(await control.request({ type: 'listJobs' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await control.request({ type: 'createPost', post: { title: 't', text: 'x', images: [] } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await uploadMedia(box, token, testPicture(0))).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    expect(await control.request({ type: 'listDevices' })).toMatchObject({ ok: true, result: { devices: [] } });
  });
});
