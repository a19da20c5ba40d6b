// Chat-desk wire messages: events decode on the console side, viewers only read, oversized rule fields reach the box's rules.
import { describe, expect, test } from 'vitest';
import { decodeBoxMessage } from './boxMessages.ts';
import { CHAT_DESK_READ_TYPES, CHAT_DESK_REQUEST_SCHEMAS } from './chatDeskMessages.ts';
import { SocketKind } from './clientMessages.ts';
import { decodeClientMessage } from './decodeClientMessage.ts';
import { Role, roleMayDo } from './roles.ts';

describe('chat-desk messages', () => {
  test('deviceBook, quickReplies and attention events decode as box messages; malformed ones do not', () => {
    const events = [
      { type: 'deviceBook', book: { entries: [{ deviceId: 'sim-1', name: '客服小王', note: '', tags: ['vip'], updatedAt: 1 }], groups: [{ id: 'g', name: '早班', deviceIds: ['sim-1'], updatedAt: 1 }] } },
      { type: 'quickReplies', replies: [{ id: 'r', category: '问候', title: null, text: '您好', position: 0, shortcut: '/hi', createdAt: 1, updatedAt: 1 }] },
      { type: 'attention', deviceId: 'sim-2', attention: { since: 1763800123456 } },
      { type: 'attention', deviceId: 'sim-2', attention: null },
    ];
    for (const event of events) expect(decodeBoxMessage(JSON.stringify(event))).toEqual(event);
    expect(decodeBoxMessage(JSON.stringify({ type: 'attention', deviceId: 'sim-2' }))).toBeNull();
    expect(decodeBoxMessage(JSON.stringify({ type: 'deviceBook', book: { entries: [] } }))).toBeNull();
  });

  test('viewers may send exactly the reading requests; operators all of them', () => {
    const types = CHAT_DESK_REQUEST_SCHEMAS.map((schema) => schema.shape.type.value);
    const readable = types.filter((type) => roleMayDo(Role.Viewer, type));
    expect(readable.sort()).toEqual([...CHAT_DESK_READ_TYPES].sort());
    expect(readable).not.toContain('clearAttention');
    expect(types.every((type) => roleMayDo(Role.Operator, type))).toBe(true);
  });

  test("a reply text or name over the box's limit passes the wire shape, so the box can name the field", () => {
    const reply = decodeClientMessage(JSON.stringify({ type: 'createQuickReply', id: 1, reply: { category: '问候', text: '字'.repeat(1001) } }), SocketKind.Control);
    expect(reply.ok).toBe(true);
    const name = decodeClientMessage(JSON.stringify({ type: 'updateDeviceBook', id: 2, entries: [{ deviceId: 'sim-1', name: '名'.repeat(65) }] }), SocketKind.Control);
    expect(name.ok).toBe(true);
    const badId = decodeClientMessage(JSON.stringify({ type: 'clearAttention', id: 3, deviceId: 'no spaces' }), SocketKind.Control);
    expect(badId).toMatchObject({ ok: false, id: 3, error: { code: 'bad_request' } });
    const media = decodeClientMessage(JSON.stringify({ type: 'listAttention', id: 4 }), SocketKind.Media);
    expect(media).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
