// ChatApp navigation, text input, copying and customer messages, driven by view ids from the laid-out screen.
import { afterEach, describe, expect, it } from 'vitest';
import { AndroidKey, TouchAction } from '../types.ts';
import { ChatAppDriver } from './chatAppDriver.ts';
import { findView } from './viewNode.ts';

const drivers: ChatAppDriver[] = [];
afterEach(() => {
  for (const d of drivers.splice(0)) d.app.stop();
});

function makeDriver(): ChatAppDriver {
  const driver = new ChatAppDriver({ width: 720, height: 1600, seed: 42, deviceName: '客服一号' });
  drivers.push(driver);
  return driver;
}

function firstChatId(d: ChatAppDriver, index = 0): string {
  const chat = d.app.inspect().chats[index];
  if (chat === undefined) throw new Error('no chats');
  return chat.id;
}

describe('ChatApp options', () => {
  it('refuses impossible screen sizes and seeds with a message naming the field', () => {
    expect(() => new ChatAppDriver({ width: 0, height: 1600, seed: 1, deviceName: 'x' })).toThrow(/width/);
    expect(() => new ChatAppDriver({ width: 720, height: 1600.5, seed: 1, deviceName: 'x' })).toThrow(/height/);
    expect(() => new ChatAppDriver({ width: 720, height: 1600, seed: Number.NaN, deviceName: 'x' })).toThrow(/seed/);
  });
});

describe('ChatApp navigation', () => {
  it('opens the app from the launcher icon and a chat from its row, and goes back like Android', () => {
    const d = makeDriver();
    expect(d.app.inspect().screen).toBe('launcher');
    d.tap('launcher_app_chat');
    expect(d.app.inspect().screen).toBe('chatList');

    const id = firstChatId(d);
    d.tap(`chat_row_${id}`);
    const opened = d.app.inspect();
    expect(opened.screen).toBe('chat');
    expect(opened.openChatId).toBe(id);
    expect(opened.taps.at(-1)?.view).toBe(`chat_row_${id}`);

    d.key(AndroidKey.Back);
    expect(d.app.inspect().screen).toBe('chatList');
    expect(d.app.inspect().openChatId).toBeNull();
    d.key(AndroidKey.Back);
    expect(d.app.inspect().screen).toBe('launcher');
    d.key(AndroidKey.Back);
    expect(d.app.inspect().screen).toBe('launcher');
  });

  it('HOME keeps the task, APP_SWITCH lists it, and tapping the card resumes it', () => {
    const d = makeDriver();
    expect(d.app.startApp('com.tencent.mm')).toBe(true);
    d.tap('tab_discover');
    d.tap('discover_moments');
    d.key(AndroidKey.Home);
    expect(d.app.inspect().screen).toBe('launcher');
    d.key(AndroidKey.AppSwitch);
    expect(d.app.inspect().screen).toBe('recents');
    // The card shows the app's current screen: a customer message changes recents only when that screen lists chats.
    const inRecents = d.app.version;
    d.app.deliverCustomerMessage();
    expect(d.app.version).toBe(inRecents);
    d.key(AndroidKey.AppSwitch);
    d.key(AndroidKey.AppSwitch);
    d.tap('recents_app_card');
    d.key(AndroidKey.Back);
    d.tap('tab_chatList');
    expect(d.app.inspect().screen).toBe('chatList');
    d.key(AndroidKey.AppSwitch);
    const listInRecents = d.app.version;
    d.app.deliverCustomerMessage();
    expect(d.app.version).toBe(listInRecents + 1);
    d.tap('recents_app_card');
    expect(d.app.inspect().screen).toBe('chatList');
    d.tap('tab_discover');
    d.tap('discover_moments');
    d.key(AndroidKey.AppSwitch);
    d.tap('recents_app_card');
    expect(d.app.inspect().screen).toBe('moments');
    expect(d.app.startApp('com.example.unknown')).toBe(false);
    expect(d.app.startApp('')).toBe(false);
    expect(d.app.startApp('com.phonewall.chat/.ui.LauncherUI')).toBe(true);
    expect(d.app.startApp('微信')).toBe(true);
    expect(d.app.inspect().screen).toBe('moments');
  });

  it('a force-stop (am start -S, START_APP "+pkg") starts fresh on the chat list and drops drafts', () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    d.tap(`chat_row_${firstChatId(d)}`);
    d.app.injectText('draft');
    d.app.forceStopApp('com.example.other');
    expect(d.app.inspect().screen).toBe('chat');
    d.app.forceStopApp('com.phonewall.chat');
    expect(d.app.inspect()).toMatchObject({ screen: 'launcher', openChatId: null, inputText: '' });
    d.key(AndroidKey.AppSwitch);
    expect(d.visible('recents_app_card')).toBe(false);
    d.key(AndroidKey.Back);

    d.app.startApp('com.phonewall.chat');
    d.tap('tab_discover');
    d.tap('discover_moments');
    expect(d.app.startApp('+com.tencent.mm')).toBe(true);
    expect(d.app.inspect().screen).toBe('chatList');
    expect(d.app.startApp('?微信')).toBe(true);
    expect(d.app.startApp('+com.example.other')).toBe(false);
    expect(d.app.inspect().screen).toBe('chatList');
  });

  it('scrolls the chat list by drag and by scroll events; a drag is not a tap', () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    const id = firstChatId(d);
    const before = findView(d.app.views(), `chat_row_${id}`)?.visible.y ?? -1;
    d.drag('chat_list', -300);
    const after = findView(d.app.views(), `chat_row_${id}`);
    expect(after === null || after.visible.y < before).toBe(true);
    expect(d.app.inspect().screen).toBe('chatList');
    expect(d.app.inspect().taps).toHaveLength(0);

    const { x, y } = d.centerOf('chat_list');
    d.app.scroll(x, y, 0, 10);
    expect(findView(d.app.views(), `chat_row_${id}`)?.visible.y).toBe(before);
    d.app.scroll(x, y, 0, -1);
    // Partly scrolled out: its visible part is clipped at the list's top, its bounds are above it.
    expect(findView(d.app.views(), `chat_row_${id}`)?.node.bounds.y).toBeLessThan(before);
  });
});

describe('ChatApp text input', () => {
  it('types ASCII, drops unmapped characters, pastes Chinese at the caret and sends with ENTER', () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    const id = firstChatId(d, 2);
    d.tap(`chat_row_${id}`);
    d.tap('chat_input');
    d.app.injectText('Hi 你 there! ');
    expect(d.app.inspect().inputText).toBe('Hi  there! ');
    d.key(AndroidKey.Del);
    d.key(AndroidKey.Del);
    expect(d.app.inspect().inputText).toBe('Hi  there');
    for (let i = 0; i < 9; i++) d.key(AndroidKey.Del);
    expect(d.app.inspect().inputText).toBe('');
    expect(d.visible('chat_send')).toBe(false);

    d.app.setClipboard('你好，欢迎光临！😀', true);
    expect(d.app.inspect().inputText).toBe('你好，欢迎光临！😀');
    expect(d.text('chat_send')).toBe('发送');
    d.key(AndroidKey.Enter);
    const state = d.app.inspect();
    expect(state.sent).toHaveLength(1);
    expect(state.sent[0]).toMatchObject({ chatId: id, from: 'me', text: '你好，欢迎光临！😀' });
    expect(state.inputText).toBe('');
    expect(state.chats[0]?.id).toBe(id);
    expect(d.app.uiDumpXml()).toContain('text="你好，欢迎光临！😀"');
  });

  it('pastes at the caret, sends with the 发送 button and deletes an emoji as one character', () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    d.tap(`chat_row_${firstChatId(d)}`);
    d.app.injectText('ok');
    d.key(AndroidKey.DpadLeft);
    d.app.setClipboard('好', true);
    expect(d.app.inspect().inputText).toBe('o好k');
    d.key(AndroidKey.DpadRight);
    d.app.setClipboard('😀', true);
    d.key(AndroidKey.Del);
    d.app.setClipboard('not pasted', false);
    expect(d.app.inspect().inputText).toBe('o好k');
    expect(d.app.getClipboard()).toBe('not pasted');
    d.tap('chat_send');
    expect(d.app.inspect().sent.map((m) => m.text)).toEqual(['o好k']);
  });

  it('keeps pasted line breaks in a message, and a typed newline sends like ENTER', () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    d.tap(`chat_row_${firstChatId(d)}`);
    d.app.setClipboard('第一行\n第二行', true);
    d.key(AndroidKey.Enter);
    d.app.injectText('typed\nsecond');
    expect(d.app.inspect().sent.map((m) => m.text)).toEqual(['第一行\n第二行', 'typed']);
    expect(d.app.inspect().inputText).toBe('second');
  });

  it('long-press on a bubble offers 复制, which copies its text and reports the clipboard change', () => {
    const d = makeDriver();
    const copies: string[] = [];
    d.app.onClipboardChange((text) => copies.push(text));
    d.app.startApp('com.phonewall.chat');
    d.tap(`chat_row_${firstChatId(d)}`);
    const text = d.text('message_0');
    d.tap('message_0');
    expect(d.visible('menu_copy')).toBe(false);
    d.longPress('message_0');
    d.tap('menu_copy');
    expect(copies).toEqual([text]);
    expect(d.app.getClipboard()).toBe(text);
    expect(d.visible('menu_copy')).toBe(false);
  });

  it('ignores a second pointer while the first is down', () => {
    const d = makeDriver();
    const { x, y } = d.centerOf('launcher_app_chat');
    d.app.touch(TouchAction.Down, x, y, 0n);
    d.app.touch(TouchAction.Down, 5, 5, 1n);
    d.app.touch(TouchAction.Up, 5, 5, 1n);
    d.clock.t += 50;
    d.app.touch(TouchAction.Up, x, y, 0n);
    expect(d.app.inspect().screen).toBe('chatList');
    expect(d.app.inspect().taps).toHaveLength(1);
  });
});

describe('ChatApp customer messages', () => {
  it('adds unread badges, moves the chat to the top, and shows the message in an open chat', () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    const last = d.app.inspect().chats.at(-1);
    if (last === undefined) throw new Error('no chats');
    d.app.deliverCustomerMessage(last.id, '请问几点发货？');
    expect(d.app.inspect().chats[0]).toEqual({ id: last.id, name: last.name, unread: last.unread + 1 });
    expect(d.text(`chat_badge_${last.id}`)).toBe(String(last.unread + 1));

    d.tap(`chat_row_${last.id}`);
    expect(d.app.inspect().chats[0]?.unread).toBe(0);
    d.app.deliverCustomerMessage(last.id, '在吗');
    expect(d.app.inspect().chats[0]?.unread).toBe(0);
    expect(d.app.uiDumpXml()).toContain('text="在吗"');
  });

  it('delivers seeded messages on a timer until stopped', async () => {
    const d = makeDriver();
    d.app.startApp('com.phonewall.chat');
    const unread = (): number => d.app.inspect().chats.reduce((sum, c) => sum + c.unread, 0);
    const unreadBefore = unread();
    const start = d.app.version;
    d.app.startCustomerTraffic(10);
    const deadline = Date.now() + 20_000;
    while (d.app.version === start && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    d.app.stop();
    expect(d.app.version).toBeGreaterThan(start);
    expect(unread()).toBeGreaterThan(unreadBefore);
    const stopped = d.app.version;
    await new Promise((r) => setTimeout(r, 100));
    expect(d.app.version).toBe(stopped);
  });
});
