// Byte fixtures for every 3.3.x control message, built with Tango's serializer, plus malformed input.
import { describe, expect, it } from 'vitest';
import { ScrcpyControlMessageSerializer, ScrcpyOptions3_3_3 } from '@yume-chan/scrcpy';
import { ControlMessageReader, readControlMessage, type ControlMessage } from './controlMessageReader.ts';

const options = new ScrcpyOptions3_3_3({ clipboardAutosync: true });
const serializer = new ScrcpyControlMessageSerializer(options);

function parseOne(bytes: Uint8Array): ControlMessage {
  const result = readControlMessage(bytes);
  if (result.status !== 'message') throw new Error(`expected a message, got ${JSON.stringify(result)}`);
  expect(result.size).toBe(bytes.length);
  return result.message;
}

function setClipboardBytes(sequence: bigint, paste: boolean, content: string): Uint8Array {
  const result = serializer.setClipboard({ sequence, paste, content });
  return result instanceof Uint8Array ? result : result[0];
}

describe('readControlMessage with Tango-serialized fixtures', () => {
  it('INJECT_KEYCODE (0)', () => {
    const bytes = serializer.injectKeyCode({ action: 1, keyCode: 66, repeat: 2, metaState: 0x1000 });
    expect(bytes.length).toBe(14);
    expect(parseOne(bytes)).toEqual({ type: 'injectKeycode', action: 1, keycode: 66, repeat: 2, metaState: 0x1000 });
  });

  it('INJECT_TEXT (1)', () => {
    expect(parseOne(serializer.injectText('hello'))).toEqual({ type: 'injectText', text: 'hello' });
  });

  it('INJECT_TOUCH_EVENT (2): 32 bytes, pointer id, position with frame size, pressure', () => {
    const bytes = serializer.injectTouch({ action: 2, pointerId: 0xffffffffffffffffn, pointerX: 100, pointerY: 200, videoWidth: 216, videoHeight: 480, pressure: 0.5, actionButton: 1, buttons: 1 });
    expect(bytes.length).toBe(32);
    expect(parseOne(bytes)).toEqual({
      type: 'injectTouch', action: 2, pointerId: -1n, position: { x: 100, y: 200, screenWidth: 216, screenHeight: 480 },
      pressure: 0.5, actionButton: 1, buttons: 1,
    });
  });

  it('INJECT_SCROLL_EVENT (3): Tango scales by 1/16, the reader restores the [-16, 16] range', () => {
    const bytes = options.createScrollController().serializeScrollMessage({ type: 3, pointerX: 10, pointerY: 20, videoWidth: 216, videoHeight: 480, scrollX: 0, scrollY: -2, buttons: 0 });
    expect(bytes?.length).toBe(21);
    expect(parseOne(bytes!)).toEqual({ type: 'injectScroll', position: { x: 10, y: 20, screenWidth: 216, screenHeight: 480 }, hScroll: 0, vScroll: -2, buttons: 0 });
  });

  it('BACK_OR_SCREEN_ON (4)', () => {
    expect(parseOne(serializer.backOrScreenOn(1)!)).toEqual({ type: 'backOrScreenOn', action: 1 });
  });

  it('EXPAND_NOTIFICATION_PANEL (5), EXPAND_SETTINGS_PANEL (6), COLLAPSE_PANELS (7), ROTATE_DEVICE (11)', () => {
    expect(parseOne(serializer.expandNotificationPanel())).toEqual({ type: 'expandNotificationPanel' });
    expect(parseOne(serializer.expandSettingPanel())).toEqual({ type: 'expandSettingsPanel' });
    expect(parseOne(serializer.collapseNotificationPanel())).toEqual({ type: 'collapsePanels' });
    expect(parseOne(serializer.rotateDevice())).toEqual({ type: 'rotateDevice' });
  });

  it('GET_CLIPBOARD (8): copy key byte (Tango has no serializer; layout from the server reader)', () => {
    expect(parseOne(new Uint8Array([8, 1]))).toEqual({ type: 'getClipboard', copyKey: 1 });
  });

  it('SET_CLIPBOARD (9): sequence, paste flag, UTF-8 text', () => {
    const text = '你好，欢迎光临！😀';
    expect(parseOne(setClipboardBytes(7n, true, text))).toEqual({ type: 'setClipboard', sequence: 7n, paste: true, text });
    expect(parseOne(setClipboardBytes(0n, false, ''))).toEqual({ type: 'setClipboard', sequence: 0n, paste: false, text: '' });
  });

  it('SET_DISPLAY_POWER (10)', () => {
    expect(parseOne(serializer.setDisplayPower(1 as never))).toEqual({ type: 'setDisplayPower', on: true });
  });

  it('UHID_CREATE (12), UHID_INPUT (13), UHID_DESTROY (14)', () => {
    const create = serializer.uHidCreate({ id: 2, vendorId: 0x18d1, productId: 0x4ee7, name: 'kbd', data: new Uint8Array([5, 1, 9, 6]) });
    expect(parseOne(create)).toEqual({ type: 'uhidCreate', id: 2, vendorId: 0x18d1, productId: 0x4ee7, name: 'kbd', data: new Uint8Array([5, 1, 9, 6]) });
    expect(parseOne(serializer.uHidInput({ id: 2, data: new Uint8Array([0, 0, 4]) }))).toEqual({ type: 'uhidInput', id: 2, data: new Uint8Array([0, 0, 4]) });
    expect(parseOne(serializer.uHidDestroy(2))).toEqual({ type: 'uhidDestroy', id: 2 });
  });

  it('OPEN_HARD_KEYBOARD_SETTINGS (15), START_APP (16), RESET_VIDEO (17)', () => {
    expect(parseOne(new Uint8Array([15]))).toEqual({ type: 'openHardKeyboardSettings' });
    expect(parseOne(serializer.startApp('com.phonewall.chat', { forceStop: true }))).toEqual({ type: 'startApp', name: '+com.phonewall.chat' });
    expect(parseOne(serializer.resetVideo())).toEqual({ type: 'resetVideo' });
  });
});

describe('readControlMessage on malformed input', () => {
  it('rejects unknown types', () => {
    expect(readControlMessage(new Uint8Array([18]))).toEqual({ status: 'error', error: 'Unknown event type: 18' });
    expect(readControlMessage(new Uint8Array([255, 0]))).toMatchObject({ status: 'error' });
  });

  it('rejects text over 300 bytes and clipboard text over the message limit without waiting for the bytes', () => {
    expect(readControlMessage(serializer.injectText('a'.repeat(301)))).toMatchObject({ status: 'error' });
    expect(readControlMessage(new Uint8Array([9, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0x7f, 0xff, 0xff, 0xff]))).toMatchObject({ status: 'error' });
  });

  it('rejects out-of-range fields and invalid UTF-8', () => {
    expect(readControlMessage(new Uint8Array([4, 2]))).toMatchObject({ status: 'error' });
    expect(readControlMessage(new Uint8Array([8, 3]))).toMatchObject({ status: 'error' });
    expect(readControlMessage(new Uint8Array([1, 0, 0, 0, 2, 0xc3, 0x28]))).toMatchObject({ status: 'error', error: 'text is not valid UTF-8' });
    expect(readControlMessage(new Uint8Array([16, 0]))).toMatchObject({ status: 'error' });
  });

  it('waits for the rest of a truncated message', () => {
    const touch = serializer.injectTouch({ action: 0, pointerId: 1n, pointerX: 1, pointerY: 2, videoWidth: 3, videoHeight: 4, pressure: 1, actionButton: 0, buttons: 0 });
    for (let cut = 0; cut < touch.length; cut += 1) expect(readControlMessage(touch.subarray(0, cut)).status).toBe('incomplete');
  });
});

describe('ControlMessageReader', () => {
  it('reassembles messages split across chunks and stops at the first error', () => {
    const reader = new ControlMessageReader();
    const stream = Buffer.concat([serializer.injectText('ab'), serializer.resetVideo(), new Uint8Array([42]), serializer.resetVideo()]);
    const messages: ControlMessage[] = [];
    for (let i = 0; i < stream.length; i += 3) messages.push(...reader.push(stream.subarray(i, i + 3)));
    expect(messages).toEqual([{ type: 'injectText', text: 'ab' }, { type: 'resetVideo' }]);
    expect(reader.error).toBe('Unknown event type: 42');
    expect(reader.push(serializer.resetVideo())).toEqual([]);
  });
});
