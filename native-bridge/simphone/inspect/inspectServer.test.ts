// The farm's inspection server: state, screenshots, validated perturbations, JSON errors.
import { Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSimFarm, type SimFarm } from '../simFarm.ts';

let farm: SimFarm;
let base: string;

beforeAll(async () => {
  farm = await startSimFarm({ count: 2, resolutions: [[360, 800], [400, 640]], seed: 5 });
  base = `http://127.0.0.1:${farm.inspectPort}`;
});

afterAll(async () => {
  await farm.stop();
});

const post = (path: string, body?: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) });

function tcpConnects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      // A reachable adbd keeps the socket open waiting for CNXN; an unreachable one cuts it at once.
      socket.once('close', () => resolve(false));
      setTimeout(() => {
        socket.destroy();
        resolve(true);
      }, 300);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

test('lists phones and their inspection URLs; resolutions are cycled', async () => {
  const body = (await (await fetch(`${base}/phones`)).json()) as { phones: { serial: string; adbPort: number; url: string }[] };
  expect(body.phones.map((phone) => phone.serial)).toEqual(['PWSIM0001', 'PWSIM0002']);
  expect(body.phones[1]!.url).toBe(farm.inspectUrl(farm.phones[1]!));
  const second = (await (await fetch(body.phones[1]!.url)).json()) as { width: number; height: number; model: string; screen: string };
  expect(second).toMatchObject({ width: 400, height: 640, model: 'SimPhone 400x640', screen: 'launcher' });
});

test('screen.png is the current screen at physical size', async () => {
  const response = await fetch(`${base}/phones/PWSIM0001/screen.png`);
  expect(response.headers.get('content-type')).toBe('image/png');
  const bytes = new Uint8Array(await response.arrayBuffer());
  const view = new DataView(bytes.buffer);
  expect([view.getUint32(16), view.getUint32(20)]).toEqual([360, 800]);
});

test('customer-message delivers to a known chat and refuses an unknown one', async () => {
  const before = farm.phones[0]!.inspect();
  const chat = before.chats[0]!;
  const response = await post('/phones/PWSIM0001/customer-message', { chatId: chat.id, text: '在吗？' });
  expect(response.status).toBe(200);
  const after = (await response.json()) as { chats: { id: string; unread: number }[] };
  expect(after.chats.find((c) => c.id === chat.id)!.unread).toBe(chat.unread + 1);
  const unknown = await post('/phones/PWSIM0001/customer-message', { chatId: 'nobody' });
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
});

test('bad bodies, methods and routes answer typed JSON errors', async () => {
  const extra = await post('/phones/PWSIM0001/customer-message', { chatId: 'x', evil: true });
  expect(extra.status).toBe(400);
  expect(await extra.json()).toMatchObject({ error: { code: 'bad_request' } });
  const notJson = await fetch(`${base}/phones/PWSIM0001/rotate`, { method: 'POST', body: '{nope' });
  expect(await notJson.json()).toMatchObject({ error: { code: 'bad_request', message: 'body is not JSON' } });
  const badRotation = await post('/phones/PWSIM0001/rotate', { rotation: 5 });
  expect(badRotation.status).toBe(400);
  const wrongMethod = await fetch(`${base}/phones/PWSIM0001/drop-adb`);
  expect(wrongMethod.status).toBe(405);
  const noPhone = await fetch(`${base}/phones/NOPE`);
  expect(await noPhone.json()).toMatchObject({ error: { code: 'not_found' } });
  const huge = await post('/phones/PWSIM0001/customer-message', { text: 'x'.repeat(70_000) });
  expect(huge.status).toBe(413);
});

test('rotate swaps the size; offline/online toggles the adbd; kill-scrcpy and drop-adb answer', async () => {
  const rotated = (await (await post('/phones/PWSIM0002/rotate', { rotation: 1 })).json()) as { width: number; height: number; rotation: number };
  expect(rotated).toMatchObject({ width: 640, height: 400, rotation: 1 });
  await post('/phones/PWSIM0002/rotate', { rotation: 0 });

  const port = farm.phones[1]!.port;
  expect(await tcpConnects(port)).toBe(true);
  expect((await post('/phones/PWSIM0002/offline')).status).toBe(200);
  expect(await tcpConnects(port)).toBe(false);
  expect((await post('/phones/PWSIM0002/online')).status).toBe(200);
  expect(await tcpConnects(port)).toBe(true);
  expect((await post('/phones/PWSIM0002/kill-scrcpy')).status).toBe(200);
  expect((await post('/phones/PWSIM0002/drop-adb', {})).status).toBe(200);
});
