// Device book and quick replies over the box API: seen at once by a second client, typed errors write nothing, kept across a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningBox } from '../../native-bridge/box.ts';
import { countRows, onlineDevices, startTestBox } from '../testing/chatDeskKit.ts';
import { testPicture, uploadMedia } from '../testing/postingKit.ts';
import type { WireDevice } from '../testing/chatDeskKit.ts';
import { BoxTestClient } from '../testing/wsTestClient.ts';
import type { JsonMessage } from '../testing/wsTestClient.ts';

interface Book {
  entries: { deviceId: string; name: string; note: string; tags: string[] }[];
  groups: { id: string; name: string; deviceIds: string[] }[];
}
interface Reply { id: string; category: string; title: string | null; text: string; position: number; shortcut: string | null }

let dir: string;
let dataDir: string;
let box: RunningBox;
let operator: string;
let viewerToken: string;
let a: BoxTestClient;
let b: BoxTestClient;
let devices: WireDevice[];

async function connectClients(): Promise<void> {
  a = await BoxTestClient.connect(box.url, '/ws/control', { token: operator });
  b = await BoxTestClient.connect(box.url, '/ws/control', { token: viewerToken });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phonewall-chattools-'));
  dataDir = join(dir, 'data');
  box = await startTestBox(dataDir, 3);
  operator = await box.issueToken('operator', 'operator');
  viewerToken = await box.issueToken('viewer', 'viewer');
  await connectClients();
  devices = await onlineDevices(a, 3);
}, 120_000);

afterAll(async () => {
  a?.close();
  b?.close();
  await box?.stop();
  await rm(dir, { recursive: true, force: true });
}, 90_000);

const ok = <T>(response: JsonMessage): T => {
  expect(response).toMatchObject({ ok: true });
  return response.result as T;
};
const id = (i: number) => devices[i]!.id;

describe('device book over the box API', () => {
  test('names and tags set by one client reach a second client as an event and in the list; viewers may not write', async () => {
    const book = ok<Book>(
      await a.request({
        type: 'updateDeviceBook',
        entries: [
          { deviceId: id(0), name: '客服小王', tags: ['售后', 'vip'] },
          { deviceId: id(1), name: 'Shop B', note: '第二台\n夜班', tags: ['售后'] },
          { deviceId: id(2), name: 'Spare' },
        ],
        groups: [{ name: '早班', deviceIds: [id(0), id(2)] }],
      }),
    );
    expect(book.entries.map((e) => e.name)).toEqual(['客服小王', 'Shop B', 'Spare']);
    const event = await b.waitFor((m) => m.type === 'deviceBook');
    expect((event.book as Book).entries.find((e) => e.deviceId === id(0))).toMatchObject({ name: '客服小王', tags: ['售后', 'vip'] });
    const listed = ok<Book>(await b.request({ type: 'getDeviceBook' }));
    expect(listed.entries.find((e) => e.deviceId === id(1))).toMatchObject({ name: 'Shop B', note: '第二台\n夜班', tags: ['售后'] });
    expect(listed.groups).toEqual([expect.objectContaining({ name: '早班', deviceIds: [id(0), id(2)].sort() })]);

    const refused = await b.request({ type: 'updateDeviceBook', entries: [{ deviceId: id(0), name: 'x' }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('select by tag and by saved group', async () => {
    const group = ok<Book>(await b.request({ type: 'getDeviceBook' })).groups[0]!;
    expect(ok<{ deviceIds: string[] }>(await b.request({ type: 'selectDevices', tags: ['售后'] })).deviceIds).toEqual([id(0), id(1)].sort());
    expect(ok<{ deviceIds: string[] }>(await b.request({ type: 'selectDevices', groupIds: [group.id] })).deviceIds).toEqual([id(0), id(2)].sort());
    expect(ok<{ deviceIds: string[] }>(await b.request({ type: 'selectDevices', groupIds: [group.id], tags: ['vip'] })).deviceIds).toEqual([id(0), id(2)].sort());
    expect(await b.request({ type: 'selectDevices', groupIds: ['no-such-group'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  test('a bad item anywhere in a batch is a typed error naming the field, and nothing is written', async () => {
    const before = { book: countRows(dataDir, 'device_book'), groups: countRows(dataDir, 'device_groups'), members: countRows(dataDir, 'group_members') };
    const events = a.messages.filter((m) => m.type === 'deviceBook').length;
    const long = await a.request({
      type: 'updateDeviceBook',
      entries: [{ deviceId: id(1), name: 'fine' }, { deviceId: id(2), name: '名'.repeat(65) }],
      groups: [{ name: '晚班', deviceIds: [id(1)] }],
    });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid', problems: [{ field: 'entries[1].name' }] } });
    const unknownGroup = await a.request({ type: 'updateDeviceBook', entries: [{ deviceId: id(1), name: 'fine' }], deleteGroups: ['no-such-group'] });
    expect(unknownGroup).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((unknownGroup.error as { message: string }).message).toContain('no-such-group');
    expect(await a.request({ type: 'updateDeviceBook', entries: [{ deviceId: 'bad id!', name: 'x' }] })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect({ book: countRows(dataDir, 'device_book'), groups: countRows(dataDir, 'device_groups'), members: countRows(dataDir, 'group_members') }).toEqual(before);
    const book = ok<Book>(await a.request({ type: 'getDeviceBook' }));
    expect(book.entries.find((e) => e.deviceId === id(1))?.name).toBe('Shop B');
    expect(a.messages.filter((m) => m.type === 'deviceBook')).toHaveLength(events);
  });
});

describe('device groups and posting schedules', () => {
  test('a group a live schedule targets cannot be deleted (conflict naming the schedule) until the schedule is cancelled', async () => {
    const saved = ok<Book>(await a.request({ type: 'updateDeviceBook', groups: [{ name: '夜班', deviceIds: [id(1)] }] }));
    const night = saved.groups.find((g) => g.name === '夜班')!;
    const sha256 = (await uploadMedia(box, operator, testPicture(0))).json.sha256 as string;
    const post = ok<{ post: { id: string } }>(await a.request({ type: 'createPost', post: { title: '上新', text: '新品到店', images: [sha256] } })).post;
    const startDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const schedule = ok<{ schedule: { id: string } }>(
      await a.request({ type: 'createSchedule', schedule: { postId: post.id, groups: [night.id], time: { kind: 'daily', time: '09:00', startDate } } }),
    ).schedule;
    const groups = countRows(dataDir, 'device_groups');
    const refused = await a.request({ type: 'updateDeviceBook', entries: [{ deviceId: id(1), name: 'changed' }], deleteGroups: [night.id] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', problems: [{ field: 'deleteGroups[0]' }] } });
    expect((refused.error as { message: string }).message).toContain(schedule.id);
    expect(countRows(dataDir, 'device_groups')).toBe(groups);
    expect(ok<Book>(await a.request({ type: 'getDeviceBook' })).entries.find((e) => e.deviceId === id(1))?.name).toBe('Shop B');

    ok(await a.request({ type: 'cancelSchedule', scheduleId: schedule.id }));
    ok(await a.request({ type: 'updateDeviceBook', deleteGroups: [night.id] }));
    expect(countRows(dataDir, 'device_groups')).toBe(groups - 1);
  });
});

describe('quick replies over the box API', () => {
  test('create, search, reorder, import a CSV with 2 bad rows; bad input writes nothing', async () => {
    const created: Reply[] = [];
    for (const reply of [
      { category: '问候', title: '开场', text: '您好，在的！请问有什么可以帮您？', shortcut: '/hi' },
      { category: '问候', text: '晚上好，今天有新品到店' },
      { category: '售后', title: '订单', text: '请提供订单号，我马上帮您查询。' },
    ]) {
      created.push(ok<{ reply: Reply }>(await a.request({ type: 'createQuickReply', reply })).reply);
    }
    await b.until(() => b.messages.some((m) => m.type === 'quickReplies' && (m.replies as Reply[]).length === 3));
    expect(ok<{ replies: Reply[] }>(await b.request({ type: 'searchQuickReplies', query: '新品' })).replies.map((r) => r.id)).toEqual([created[1]!.id]);
    expect(ok<{ replies: Reply[] }>(await b.request({ type: 'searchQuickReplies', query: '/HI' })).replies.map((r) => r.id)).toEqual([created[0]!.id]);

    ok(await a.request({ type: 'reorderQuickReplies', ids: [created[1]!.id, created[0]!.id] }));
    const greetings = ok<{ replies: Reply[]; categories: string[] }>(await b.request({ type: 'listQuickReplies', category: '问候' }));
    expect(greetings.replies.map((r) => r.id)).toEqual([created[1]!.id, created[0]!.id]);

    const csv = [
      'category,title,text,shortcut',
      '问候,欢迎,"欢迎光临！\n有什么需要随时说",/welcome',
      `售后,,${'长'.repeat(1001)},`,
      '售后,,"他说""马上到""",',
      '问候,重复,晚上好，今天有新品到店,',
      'English,Sizes,"S, M, L and XL",/size',
    ].join('\n');
    const report = ok<{ imported: number; rejected: { row: number; field: string }[] }>(await a.request({ type: 'importQuickReplies', format: 'csv', content: csv }));
    expect(report.imported).toBe(3);
    expect(report.rejected).toEqual([expect.objectContaining({ row: 4, field: 'text' }), expect.objectContaining({ row: 6, field: 'text' })]);
    expect(countRows(dataDir, 'quick_replies')).toBe(6);

    const rows = countRows(dataDir, 'quick_replies');
    const tooLong = await a.request({ type: 'createQuickReply', reply: { category: '售后', text: '字'.repeat(1001) } });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid', problems: [{ field: 'text' }] } });
    expect(await a.request({ type: 'updateQuickReply', replyId: 'no-such-reply', patch: { text: 'x' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await a.request({ type: 'reorderQuickReplies', ids: [created[0]!.id, 'no-such-reply'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await a.request({ type: 'importQuickReplies', format: 'json', content: '{"not":"an array"}' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await a.request({ type: 'createQuickReply', reply: { category: '问候', text: 'taken', shortcut: '/HI' } })).toMatchObject({
      ok: false, error: { code: 'invalid', problems: [{ field: 'shortcut' }] },
    });
    expect(await b.request({ type: 'createQuickReply', reply: { category: '问候', text: 'viewer' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(countRows(dataDir, 'quick_replies')).toBe(rows);
    expect(ok<{ replies: Reply[] }>(await a.request({ type: 'listQuickReplies', category: '问候' })).replies.map((r) => r.id).slice(0, 2)).toEqual([created[1]!.id, created[0]!.id]);

    const exported = ok<{ format: string; content: string }>(await b.request({ type: 'exportQuickReplies', format: 'json' }));
    expect(JSON.parse(exported.content)).toHaveLength(6);
  });

  test('the device book and the library survive a restart on the same data folder (also with posting off)', async () => {
    const bookBefore = ok<Book>(await a.request({ type: 'getDeviceBook' }));
    const repliesBefore = ok<{ replies: Reply[] }>(await a.request({ type: 'listQuickReplies' })).replies;
    a.close();
    b.close();
    await box.stop();
    box = await startTestBox(dataDir, 0, { posting: false });
    await connectClients();
    expect(ok<Book>(await b.request({ type: 'getDeviceBook' }))).toEqual(bookBefore);
    expect(ok<{ replies: Reply[] }>(await b.request({ type: 'listQuickReplies' })).replies).toEqual(repliesBefore);
    const tagged = ok<{ deviceIds: string[] }>(await b.request({ type: 'selectDevices', tags: ['售后'] })).deviceIds;
    expect(tagged).toEqual([id(0), id(1)].sort());
  }, 60_000);
});
