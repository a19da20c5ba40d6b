// Protocol v1: every client message decodes to itself, invalid input gives typed errors, media frames round-trip.
import { describe, expect, test } from 'vitest';
import { decodeBoxMessage, errorResponse, okResponse } from './boxMessages.ts';
import { CLIENT_MESSAGE_TYPES, SocketKind } from './clientMessages.ts';
import type { ClientMessage } from './clientMessages.ts';
import { decodeClientMessage } from './decodeClientMessage.ts';
import { ERROR_CODES, ErrorCode } from './errorCodes.ts';
import { MEDIA_HEADER_SIZE, decodeMediaFrame, encodeMediaFrame } from './mediaFrame.ts';
import { Role, roleMayDo } from './roles.ts';
import { PROTOCOL_VERSION } from './version.ts';

const frame = { frameWidth: 480, frameHeight: 1072 };
const samples: ClientMessage[] = [
  { type: 'hello', id: 1, protocolVersion: 1, client: 'console' },
  { type: 'ping', id: 'p-1' },
  { type: 'listDevices', id: 2 },
  { type: 'input', id: 3, deviceId: 'sim-1', input: { kind: 'touch', action: 'down', pointerId: 0, x: 10, y: 20, ...frame } },
  { type: 'input', id: 4, deviceId: 'sim-1', input: { kind: 'tap', x: 479, y: 1071, ...frame } },
  { type: 'input', id: 5, deviceId: 'sim-1', input: { kind: 'swipe', x: 1, y: 2, toX: 3, toY: 4, durationMs: 300, ...frame } },
  { type: 'input', id: 6, deviceId: 'sim-1', input: { kind: 'scroll', x: 1, y: 2, dx: 0, dy: -2, ...frame } },
  { type: 'input', id: 7, deviceId: 'sim-1', input: { kind: 'key', action: 'press', key: 'enter' } },
  { type: 'input', id: 8, deviceId: 'sim-1', input: { kind: 'back' } },
  { type: 'input', id: 9, deviceId: 'sim-1', input: { kind: 'resetVideo', profile: 'focus' } },
  { type: 'text', id: 10, deviceId: 'sim-1', text: '你好，世界' },
  { type: 'screenshot', id: 11, deviceId: 'sim-1' },
  { type: 'uiDump', id: 12, deviceId: 'sim-1' },
  { type: 'startApp', id: 13, deviceId: 'sim-1', name: 'com.tencent.mm' },
  { type: 'pushBegin', id: 14, deviceId: 'sim-1', files: [{ name: 'a.png', size: 10 }] },
  { type: 'pushChunk', id: 15, uploadId: 'u1', fileIndex: 0, offset: 0, data: 'AAAA' },
  { type: 'pushCommit', id: 16, uploadId: 'u1' },
  { type: 'pushAbort', id: 17, uploadId: 'u1' },
  { type: 'subscribe', id: 18, deviceId: 'sim-1', profile: 'grid' },
  { type: 'unsubscribe', id: 19, streamId: 1 },
  { type: 'requestKeyFrame', id: 20, streamId: 1 },
  { type: 'listPosts', id: 21 },
  { type: 'getPost', id: 22, postId: 'p-1' },
  { type: 'createPost', id: 23, post: { title: '上新', text: '新品上市，欢迎咨询！🎉', images: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'], tags: ['promo'] } },
  { type: 'updatePost', id: 24, postId: 'p-1', post: { title: 't', text: 'x', images: [] } },
  { type: 'duplicatePost', id: 25, postId: 'p-1' },
  { type: 'deletePost', id: 26, postId: 'p-1' },
  {
    type: 'createSchedule', id: 27,
    schedule: { postId: 'p-1', devices: ['sim-1'], groups: ['g1'], time: { kind: 'weekly', time: '08:00', weekdays: [1, 5], startDate: '2026-01-05' }, staggerMinutes: 30, seed: 's', dailyCapPerPhone: 2, quietHours: { start: '22:00', end: '08:00' }, graceMinutes: 10 },
  },
  { type: 'listSchedules', id: 28, includeCancelled: true },
  { type: 'cancelSchedule', id: 29, scheduleId: 's-1' },
  { type: 'listJobs', id: 30, filter: { state: 'failed', deviceId: 'sim-1', plannedFrom: 0, plannedTo: 10 }, limit: 50, offset: 50 },
  { type: 'getJob', id: 31, jobId: 'j-1' },
  { type: 'cancelJob', id: 32, jobId: 'j-1' },
  { type: 'retryJob', id: 33, jobId: 'j-1' },
  { type: 'resolveJob', id: 34, jobId: 'j-1', outcome: 'done', note: 'the post is in the feed' },
  { type: 'phoneCalendar', id: 35, deviceId: 'sim-1', from: '2026-11-22', days: 7 },
  { type: 'listFlows', id: 36 },
  { type: 'validateFlow', id: 37, flow: { version: 1 } },
  { type: 'getDeviceBook', id: 38 },
  { type: 'updateDeviceBook', id: 39, entries: [{ deviceId: 'sim-1', name: '客服小王', tags: ['vip'] }], groups: [{ name: '早班', deviceIds: ['sim-1'] }], deleteGroups: ['g-2'] },
  { type: 'selectDevices', id: 40, groupIds: ['g-1'], tags: ['vip'] },
  { type: 'listQuickReplies', id: 41, category: '问候' },
  { type: 'searchQuickReplies', id: 42, query: '新品' },
  { type: 'createQuickReply', id: 43, reply: { category: '问候', title: null, text: '您好', shortcut: '/hi' } },
  { type: 'updateQuickReply', id: 44, replyId: 'r-1', patch: { text: '您好！' } },
  { type: 'deleteQuickReply', id: 45, replyId: 'r-1' },
  { type: 'reorderQuickReplies', id: 46, ids: ['r-2', 'r-1'] },
  { type: 'importQuickReplies', id: 47, format: 'csv', content: 'category,text\n问候,您好\n' },
  { type: 'exportQuickReplies', id: 48, format: 'json' },
  { type: 'listAttention', id: 49 },
  { type: 'clearAttention', id: 50, deviceId: 'sim-1' },
];

describe('client messages', () => {
  test('every type has a sample that decodes to itself on its socket', () => {
    expect(new Set(samples.map((m) => m.type))).toEqual(new Set(CLIENT_MESSAGE_TYPES));
    for (const message of samples) {
      const socket = ['subscribe', 'unsubscribe', 'requestKeyFrame'].includes(message.type) ? SocketKind.Media : SocketKind.Control;
      const result = decodeClientMessage(JSON.stringify(message), socket);
      expect(result).toEqual({ ok: true, message });
    }
  });

  test.each([
    ['not json', '{"type":', null, ErrorCode.BadRequest],
    ['array', '[1,2]', null, ErrorCode.BadRequest],
    ['unknown type', '{"type":"format","id":4}', 4, ErrorCode.UnknownType],
    ['missing id', '{"type":"ping"}', null, ErrorCode.BadRequest],
    ['extra field', '{"type":"ping","id":1,"x":1}', 1, ErrorCode.BadRequest],
    ['x outside frame', JSON.stringify({ type: 'input', id: 2, deviceId: 'd', input: { kind: 'tap', x: 480, y: 0, ...frame } }), 2, ErrorCode.BadRequest],
    ['fractional x', JSON.stringify({ type: 'input', id: 2, deviceId: 'd', input: { kind: 'tap', x: 1.5, y: 0, ...frame } }), 2, ErrorCode.BadRequest],
    ['negative y', JSON.stringify({ type: 'input', id: 2, deviceId: 'd', input: { kind: 'tap', x: 1, y: -1, ...frame } }), 2, ErrorCode.BadRequest],
    ['text too long', JSON.stringify({ type: 'text', id: 3, deviceId: 'd', text: 'x'.repeat(5001) }), 3, ErrorCode.TooLarge],
    ['unknown key name', JSON.stringify({ type: 'input', id: 5, deviceId: 'd', input: { kind: 'key', action: 'press', key: 'format_disk' } }), 5, ErrorCode.BadRequest],
    ['path in file name', JSON.stringify({ type: 'pushBegin', id: 6, deviceId: 'd', files: [{ name: '../x.png', size: 1 }] }), 6, ErrorCode.BadRequest],
    ['shell chars in app', JSON.stringify({ type: 'startApp', id: 7, deviceId: 'd', name: 'a;reboot' }), 7, ErrorCode.BadRequest],
  ])('%s → typed error', (_name, raw, id, code) => {
    const result = decodeClientMessage(raw, SocketKind.Control);
    expect(result).toMatchObject({ ok: false, id, error: { code } });
  });

  test('subscriptions are refused on the control socket and control on the media socket', () => {
    expect(decodeClientMessage('{"type":"subscribe","id":1,"deviceId":"d","profile":"grid"}', SocketKind.Control).ok).toBe(false);
    expect(decodeClientMessage('{"type":"text","id":1,"deviceId":"d","text":"hi"}', SocketKind.Media).ok).toBe(false);
  });

  test('binary frames are refused', () => {
    expect(decodeClientMessage(new Uint8Array([1, 2, 3]), SocketKind.Control)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  test('seeded random input never throws and always gives a known error code', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0);
    const pieces = ['{', '}', '"type"', ':', '"input"', ',', '"id"', '1', '[', ']', 'null', '"x"', '-1e309', '"\\u0000"'];
    for (let i = 0; i < 3000; i += 1) {
      const length = next() % 40;
      let raw = '';
      for (let j = 0; j < length; j += 1) raw += i % 2 ? String.fromCharCode(next() % 128) : pieces[next() % pieces.length];
      const result = decodeClientMessage(raw, SocketKind.Control);
      if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
    }
  });

  test('viewers may only watch', () => {
    expect(roleMayDo(Role.Viewer, 'subscribe')).toBe(true);
    expect(roleMayDo(Role.Viewer, 'input')).toBe(false);
    expect(roleMayDo(Role.Viewer, 'text')).toBe(false);
    expect(roleMayDo(Role.Operator, 'pushBegin')).toBe(true);
    expect(roleMayDo(Role.Viewer, 'listJobs')).toBe(true);
    expect(roleMayDo(Role.Viewer, 'getJob')).toBe(true);
    expect(roleMayDo(Role.Viewer, 'createSchedule')).toBe(false);
    expect(roleMayDo(Role.Viewer, 'resolveJob')).toBe(false);
    expect(roleMayDo(Role.Operator, 'createSchedule')).toBe(true);
  });
});

describe('box messages', () => {
  test('this is protocol version 1 (a box and a console of version 1 understand each other)', () => {
    expect(PROTOCOL_VERSION).toBe(1);
  });

  test('responses and events parse back', () => {
    const ok = okResponse<'ping'>(1, { now: 5 });
    expect(decodeBoxMessage(JSON.stringify(ok))).toEqual(ok);
    const bad = errorResponse(null, { code: 'forbidden', message: 'viewer' });
    expect(decodeBoxMessage(JSON.stringify(bad))).toEqual(bad);
    expect(decodeBoxMessage('{"type":"device"}')).toBeNull();
    expect(decodeBoxMessage('nope')).toBeNull();
  });
});

describe('media frames', () => {
  test('header round-trips and the payload is a view, not a copy', () => {
    const payload = new Uint8Array([0, 0, 0, 1, 0x65, 9, 8, 7]);
    const bytes = encodeMediaFrame({ streamId: 513, config: false, keyframe: true, width: 480, height: 1072, pts: 123_456_789n }, payload);
    expect(bytes.byteLength).toBe(MEDIA_HEADER_SIZE + payload.byteLength);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([1, 2, 2, 1, 1, 224, 4, 48]);
    const decoded = decodeMediaFrame(bytes);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.frame.header).toEqual({ streamId: 513, config: false, keyframe: true, width: 480, height: 1072, pts: 123_456_789n });
    expect(Array.from(decoded.frame.payload)).toEqual(Array.from(payload));
    expect(decoded.frame.payload.buffer).toBe(bytes.buffer);
  });

  test('short or unknown-version frames are typed errors', () => {
    expect(decodeMediaFrame(new Uint8Array(5)).ok).toBe(false);
    const bytes = encodeMediaFrame({ streamId: 1, config: true, keyframe: false, width: 1, height: 1, pts: 0n }, new Uint8Array(1));
    bytes[0] = 9;
    expect(decodeMediaFrame(bytes).ok).toBe(false);
  });
});
