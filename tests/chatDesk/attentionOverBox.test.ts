// Needs-attention and quick replies on live simulated phones: a reply sent as text lands exactly; a customer message raises, input clears.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningBox } from '../../native-bridge/box.ts';
import { onlineDevices, simPhone, startTestBox, until } from '../testing/chatDeskKit.ts';
import type { WireDevice } from '../testing/chatDeskKit.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';
import type { JsonMessage } from '../testing/wsTestClient.ts';

let dir: string;
let box: RunningBox;
let control: BoxTestClient;
let watcher: BoxTestClient;
let devices: WireDevice[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-attention-'));
  box = await startTestBox(join(dir, 'data'), 2, { posting: false });
  control = await BoxTestClient.connect(box.url, '/ws/control', { token: await box.issueToken('operator', 'operator') });
  watcher = await BoxTestClient.connect(box.url, '/ws/control', { token: await box.issueToken('viewer', 'viewer') });
  devices = await onlineDevices(control, 2);
}, 120_000);

afterAll(async () => {
  control?.close();
  watcher?.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
}, 90_000);

/** Center of the view whose resource-id ends with `suffix`, as a tap in the phone's own pixels. */
async function tapView(device: WireDevice, suffix: string): Promise<void> {
  const xml = ((await control.request({ type: 'uiDump', deviceId: device.id })).result as { xml: string }).xml;
  const match = new RegExp(`resource-id="[^"]*${suffix}"[^>]*bounds="\\[(\\d+),(\\d+)\\]\\[(\\d+),(\\d+)\\]"`).exec(xml);
  if (!match) throw new Error(`no view ${suffix} on screen`);
  const [x1, y1, x2, y2] = match.slice(1).map(Number) as [number, number, number, number];
  const input = { kind: 'tap', x: Math.round((x1 + x2) / 2), y: Math.round((y1 + y2) / 2), frameWidth: device.width, frameHeight: device.height };
  expect(await control.request({ type: 'input', deviceId: device.id, input })).toMatchObject({ ok: true });
}

const attentionEvents = (client: BoxTestClient, deviceId: string) =>
  client.messages.filter((m): m is JsonMessage & { attention: { since: number } | null } => m.type === 'attention' && m.deviceId === deviceId);

describe('chat tools on live phones', () => {
  test('a quick reply sent as text and Enter is recorded exactly by the phone', async () => {
    const text = '您好！订单已发货，预计明天送达 😊';
    const created = await control.request({ type: 'createQuickReply', reply: { category: '售后', title: '发货', text } });
    const reply = (created.result as { reply: { text: string } }).reply;
    const phone = simPhone(box, devices[0]!.id);
    expect(await control.request({ type: 'startApp', deviceId: devices[0]!.id, name: 'com.phonewall.chat' })).toMatchObject({ ok: true });
    await until(() => phone.inspect().screen === 'chatList', 'chat list on phone 1');
    const chat = phone.inspect().chats[0]!;
    await tapView(devices[0]!, `chat_row_${chat.id}`);
    await until(() => phone.inspect().openChatId === chat.id, 'chat opened on phone 1');
    expect(await control.request({ type: 'text', deviceId: devices[0]!.id, text: reply.text }, 30_000)).toMatchObject({ ok: true });
    expect(await control.request({ type: 'input', deviceId: devices[0]!.id, input: { kind: 'key', action: 'press', key: 'enter' } })).toMatchObject({ ok: true });
    await until(() => phone.inspect().sent.some((m) => m.from === 'me'), 'message sent on phone 1');
    const mine = phone.inspect().sent.filter((m) => m.from === 'me');
    expect(mine).toEqual([expect.objectContaining({ chatId: chat.id, text })]);
  }, 60_000);

  test('a customer message on phone 2 raises attention for phone 2 only; input to phone 2 clears it', async () => {
    const device = devices[1]!;
    const phone = simPhone(box, device.id);
    expect(await control.request({ type: 'startApp', deviceId: device.id, name: 'com.phonewall.chat' })).toMatchObject({ ok: true });
    await until(() => phone.inspect().screen === 'chatList', 'chat list on phone 2');
    // Frames within 3 s of operator input are the operator's, and the stream's first seconds settle (CHAT_TOOLS.md).
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(attentionEvents(watcher, device.id)).toEqual([]);

    const deliveredAt = Date.now();
    phone.deliverCustomerMessage();
    const raised = await watcher.waitFor((m) => m.type === 'attention' && m.deviceId === device.id, 10_000);
    expect((raised.attention as { since: number }).since).toBeGreaterThanOrEqual(deliveredAt);
    await control.until(() => attentionEvents(control, device.id).length === 1, 10_000);
    const listed = await watcher.request({ type: 'listAttention' });
    expect(listed).toMatchObject({ ok: true, result: { attention: [{ deviceId: device.id, since: (raised.attention as { since: number }).since }] } });
    expect(await watcher.request({ type: 'clearAttention', deviceId: device.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(await control.request({ type: 'input', deviceId: device.id, input: { kind: 'key', action: 'press', key: 'volume_down' } })).toMatchObject({ ok: true });
    await watcher.until(() => attentionEvents(watcher, device.id).length === 2, 10_000);
    expect(attentionEvents(watcher, device.id).map((e) => e.attention === null)).toEqual([false, true]);
    expect(await watcher.request({ type: 'listAttention' })).toMatchObject({ ok: true, result: { attention: [] } });
    expect(attentionEvents(watcher, devices[0]!.id)).toEqual([]);
  }, 60_000);
});
