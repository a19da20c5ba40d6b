// Tango's AdbScrcpyClient against a simulated phone: reverse is refused, the forward tunnel works, perturbations land.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Adb } from '@yume-chan/adb';
import { AdbScrcpyClient, AdbScrcpyOptionsLatest } from '@yume-chan/adb-scrcpy';
import { DefaultServerPath } from '@yume-chan/scrcpy';
import { ReadableStream } from '@yume-chan/stream-extra';
import { openTcpDaemonTransport } from '../../native-bridge/adb/nodeTcpDaemonConnection.ts';
import { SimPhone } from '../../native-bridge/simphone/simPhone.ts';

let phone: SimPhone;

beforeAll(async () => {
  phone = await SimPhone.start({ index: 3, width: 360, height: 800 });
});

afterAll(async () => {
  await phone.stop();
});

const connect = async () => new Adb(await openTcpDaemonTransport({ host: '127.0.0.1', port: phone.port }));

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('starts with the default (reverse) tunnel by falling back to forward, streams video, dies on killScrcpy', async () => {
  const adb = await connect();
  try {
    await AdbScrcpyClient.pushServer(adb, new ReadableStream({ start(controller) { controller.enqueue(new Uint8Array([0x50, 0x4b, 3, 4])); controller.close(); } }));
    expect(phone.files.stat(DefaultServerPath)?.size).toBe(4);
    const options = new AdbScrcpyOptionsLatest({ audio: false, control: true, maxSize: 400, sendDummyByte: true });
    expect(options.value.tunnelForward).toBe(false);
    const client = await AdbScrcpyClient.start(adb, DefaultServerPath, options);
    expect(options.value.tunnelForward).toBe(true);
    const video = await client.videoStream;
    expect(video).toBeDefined();
    const reader = video!.stream.getReader();
    const first = await reader.read();
    expect(first.value?.type).toBe('configuration');
    const second = await reader.read();
    expect(second.value).toMatchObject({ type: 'data', keyframe: true });
    expect(phone.inspect().scrcpySessions).toHaveLength(1);
    expect(phone.inspect().scrcpySessions[0]!.maxSize).toBe(400);

    phone.killScrcpy();
    await client.exited;
    await waitFor(() => phone.inspect().scrcpySessions.length === 0);
    reader.releaseLock();
  } finally {
    await adb.close();
  }
});

test('Tango can list encoders and displays through app_process', async () => {
  const adb = await connect();
  try {
    const encoders = await AdbScrcpyClient.getEncoders(adb, DefaultServerPath, new AdbScrcpyOptionsLatest({}));
    expect(encoders.some((encoder) => encoder.type === 'video' && encoder.codec === 'h264')).toBe(true);
    const displays = await AdbScrcpyClient.getDisplays(adb, DefaultServerPath, new AdbScrcpyOptionsLatest({}));
    expect(displays.map((display) => display.id)).toEqual([0]);
  } finally {
    await adb.close();
  }
});

test('dropAdbConnections ends the host transport; setReachable(false) refuses until online again', async () => {
  const adb = await connect();
  expect(await adb.getProp('ro.serialno')).toBe('PWSIM0003');
  phone.dropAdbConnections();
  await adb.disconnected;

  phone.setReachable(false);
  await expect(connect()).rejects.toThrow();
  phone.setReachable(true);
  const again = await connect();
  expect(await again.getProp('ro.product.model')).toBe('SimPhone 360x800');
  await again.close();
});
