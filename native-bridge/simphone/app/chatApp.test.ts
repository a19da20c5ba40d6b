// ChatApp end to end on a real canvas: navigation by laid-out views, typing, pasting, copying, posting, rendering.
import { afterEach, describe, expect, it } from 'vitest';
import { AndroidKey, KeyAction, TouchAction } from '../types.ts';
import { ChatApp } from './chatApp.ts';
import { center, findView } from './viewNode.ts';

const apps: ChatApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.stop();
});

function makeApp(width = 720, height = 1600): { app: ChatApp; clock: { t: number } } {
  const clock = { t: Date.UTC(2026, 10, 22, 2, 30) };
  const app = new ChatApp({ width, height, seed: 42, deviceName: '客服一号', now: () => clock.t });
  apps.push(app);
  return { app, clock };
}

function centerOf(app: ChatApp, id: string): { x: number; y: number } {
  const view = findView(app.views(), id);
  if (view === null) throw new Error(`view ${id} is not visible on ${app.inspect().screen}`);
  return center(view.visible);
}

function tap(app: ChatApp, clock: { t: number }, id: string): void {
  const { x, y } = centerOf(app, id);
  app.touch(TouchAction.Down, x, y, 0n);
  clock.t += 60;
  app.touch(TouchAction.Up, x, y, 0n);
  clock.t += 60;
}

function key(app: ChatApp, keycode: number): void {
  app.key(KeyAction.Down, keycode, 0, 0);
  app.key(KeyAction.Up, keycode, 0, 0);
}

describe('ChatApp navigation', () => {
  it('opens the app from the launcher icon and a chat from its row, and goes back like Android', () => {
    const { app, clock } = makeApp();
    expect(app.inspect().screen).toBe('launcher');
    tap(app, clock, 'launcher_app_chat');
    expect(app.inspect().screen).toBe('chatList');

    const first = app.inspect().chats[0];
    if (first === undefined) throw new Error('no chats');
    tap(app, clock, `chat_row_${first.id}`);
    const opened = app.inspect();
    expect(opened.screen).toBe('chat');
    expect(opened.openChatId).toBe(first.id);
    expect(opened.taps.at(-1)?.view).toBe(`chat_row_${first.id}`);

    key(app, AndroidKey.Back);
    expect(app.inspect().screen).toBe('chatList');
    expect(app.inspect().openChatId).toBeNull();
    key(app, AndroidKey.Back);
    expect(app.inspect().screen).toBe('launcher');
    key(app, AndroidKey.Back);
    expect(app.inspect().screen).toBe('launcher');
  });

  it('HOME keeps the task, APP_SWITCH lists it, and tapping the card resumes it', () => {
    const { app, clock } = makeApp();
    expect(app.startApp('com.tencent.mm')).toBe(true);
    tap(app, clock, 'tab_discover');
    tap(app, clock, 'discover_moments');
    key(app, AndroidKey.Home);
    expect(app.inspect().screen).toBe('launcher');
    key(app, AndroidKey.AppSwitch);
    expect(app.inspect().screen).toBe('recents');
    tap(app, clock, 'recents_app_card');
    expect(app.inspect().screen).toBe('moments');
    expect(app.startApp('com.example.unknown')).toBe(false);
    expect(app.startApp('com.phonewall.chat/.ui.LauncherUI')).toBe(true);
    expect(app.startApp('微信')).toBe(true);
  });

  it('scrolls the chat list by drag and by scroll events', () => {
    const { app, clock } = makeApp();
    app.startApp('com.phonewall.chat');
    const firstId = app.inspect().chats[0]?.id ?? '';
    const list = findView(app.views(), 'chat_list');
    if (list === null) throw new Error('no list');
    const before = findView(app.views(), `chat_row_${firstId}`)?.visible.y ?? -1;
    const x = list.visible.x + list.visible.width / 2;
    const y0 = list.visible.y + list.visible.height * 0.8;
    app.touch(TouchAction.Down, x, y0, 0n);
    for (let i = 1; i <= 5; i++) app.touch(TouchAction.Move, x, y0 - i * 40, 0n);
    app.touch(TouchAction.Up, x, y0 - 200, 0n);
    const after = findView(app.views(), `chat_row_${firstId}`);
    expect(after === null || after.visible.y < before).toBe(true);
    expect(app.inspect().screen).toBe('chatList');

    app.scroll(x, y0, 0, 10);
    expect(findView(app.views(), `chat_row_${firstId}`)?.visible.y).toBe(before);
    // A drag is not a tap: nothing was pressed.
    expect(app.inspect().taps).toHaveLength(0);
    clock.t += 1;
  });
});

describe('ChatApp text input', () => {
  it('types ASCII, drops unmapped characters, pastes Chinese at the caret and sends with ENTER', () => {
    const { app, clock } = makeApp();
    app.startApp('com.phonewall.chat');
    const chatId = app.inspect().chats[2]?.id ?? '';
    tap(app, clock, `chat_row_${chatId}`);
    tap(app, clock, 'chat_input');
    app.injectText('Hi 你 there! ');
    expect(app.inspect().inputText).toBe('Hi  there! ');
    key(app, AndroidKey.Del);
    key(app, AndroidKey.Del);
    expect(app.inspect().inputText).toBe('Hi  there');
    for (let i = 0; i < 9; i++) key(app, AndroidKey.Del);
    expect(app.inspect().inputText).toBe('');
    expect(findView(app.views(), 'chat_send')).toBeNull();

    app.setClipboard('你好，欢迎光临！😀', true);
    expect(app.inspect().inputText).toBe('你好，欢迎光临！😀');
    expect(findView(app.views(), 'chat_send')?.node.text).toBe('发送');
    key(app, AndroidKey.Enter);
    const state = app.inspect();
    expect(state.sent).toHaveLength(1);
    expect(state.sent[0]).toMatchObject({ chatId, from: 'me', text: '你好，欢迎光临！😀' });
    expect(state.inputText).toBe('');
    expect(state.chats[0]?.id).toBe(chatId);
  });

  it('sends with the 发送 button and deletes an emoji as one character', () => {
    const { app, clock } = makeApp();
    app.startApp('com.phonewall.chat');
    tap(app, clock, `chat_row_${app.inspect().chats[0]?.id ?? ''}`);
    app.injectText('ok');
    app.setClipboard('😀', true);
    key(app, AndroidKey.Del);
    expect(app.inspect().inputText).toBe('ok');
    tap(app, clock, 'chat_send');
    expect(app.inspect().sent.map((m) => m.text)).toEqual(['ok']);
  });

  it('long-press on a bubble offers 复制, which copies its text and reports the clipboard change', () => {
    const { app, clock } = makeApp();
    const copies: string[] = [];
    app.onClipboardChange((text) => copies.push(text));
    app.startApp('com.phonewall.chat');
    tap(app, clock, `chat_row_${app.inspect().chats[0]?.id ?? ''}`);
    const bubble = findView(app.views(), 'message_0');
    if (bubble === null) throw new Error('no bubble');
    const { x, y } = center(bubble.visible);
    app.touch(TouchAction.Down, x, y, 0n);
    clock.t += 650;
    app.touch(TouchAction.Up, x, y, 0n);
    tap(app, clock, 'menu_copy');
    expect(copies).toEqual([bubble.node.text]);
    expect(app.getClipboard()).toBe(bubble.node.text);
    expect(findView(app.views(), 'menu_copy')).toBeNull();
  });

  it('ignores a second pointer while the first is down', () => {
    const { app, clock } = makeApp();
    const { x, y } = centerOf(app, 'launcher_app_chat');
    app.touch(TouchAction.Down, x, y, 0n);
    app.touch(TouchAction.Down, 5, 5, 1n);
    app.touch(TouchAction.Up, 5, 5, 1n);
    clock.t += 50;
    app.touch(TouchAction.Up, x, y, 0n);
    expect(app.inspect().screen).toBe('chatList');
    expect(app.inspect().taps).toHaveLength(1);
  });
});

describe('ChatApp customer messages', () => {
  it('adds unread badges, moves the chat to the top, and shows the message in an open chat', () => {
    const { app, clock } = makeApp();
    app.startApp('com.phonewall.chat');
    const last = app.inspect().chats.at(-1);
    if (last === undefined) throw new Error('no chats');
    app.deliverCustomerMessage(last.id, '请问几点发货？');
    const after = app.inspect().chats[0];
    expect(after).toEqual({ id: last.id, name: last.name, unread: last.unread + 1 });
    expect(findView(app.views(), `chat_badge_${last.id}`)?.node.text).toBe(String(last.unread + 1));

    tap(app, clock, `chat_row_${last.id}`);
    expect(app.inspect().chats[0]?.unread).toBe(0);
    app.deliverCustomerMessage(last.id, '在吗');
    expect(app.inspect().chats[0]?.unread).toBe(0);
    expect(app.uiDumpXml()).toContain('text="在吗"');
  });

  it('delivers seeded messages on a timer until stopped', async () => {
    const { app } = makeApp();
    app.startApp('com.phonewall.chat');
    const unread = (): number => app.inspect().chats.reduce((sum, c) => sum + c.unread, 0);
    const unreadBefore = unread();
    const start = app.version;
    app.startCustomerTraffic(10);
    const deadline = Date.now() + 20_000;
    while (app.version === start && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    app.stop();
    expect(app.version).toBeGreaterThan(start);
    expect(unread()).toBeGreaterThan(unreadBefore);
    const stopped = app.version;
    await new Promise((r) => setTimeout(r, 100));
    expect(app.version).toBe(stopped);
  });
});
