// Parses scrcpy 3.3.x control messages (client → device) strictly: exact layouts, bounded lengths, valid ranges.

export const ControlMessageType = {
  InjectKeycode: 0,
  InjectText: 1,
  InjectTouchEvent: 2,
  InjectScrollEvent: 3,
  BackOrScreenOn: 4,
  ExpandNotificationPanel: 5,
  ExpandSettingsPanel: 6,
  CollapsePanels: 7,
  GetClipboard: 8,
  SetClipboard: 9,
  SetDisplayPower: 10,
  RotateDevice: 11,
  UhidCreate: 12,
  UhidInput: 13,
  UhidDestroy: 14,
  OpenHardKeyboardSettings: 15,
  StartApp: 16,
  ResetVideo: 17,
} as const;

/** Same limits as the real server's ControlMessageReader. */
export const MessageMaxSize = 1 << 18;
export const ClipboardTextMaxLength = MessageMaxSize - 14;
export const InjectTextMaxLength = 300;
/** Android MotionEvent actions up to ACTION_BUTTON_RELEASE. */
const MaxMotionAction = 12;

export interface Position {
  x: number;
  y: number;
  screenWidth: number;
  screenHeight: number;
}

export type ControlMessage =
  | { type: 'injectKeycode'; action: number; keycode: number; repeat: number; metaState: number }
  | { type: 'injectText'; text: string }
  | { type: 'injectTouch'; action: number; pointerId: bigint; position: Position; pressure: number; actionButton: number; buttons: number }
  | { type: 'injectScroll'; position: Position; hScroll: number; vScroll: number; buttons: number }
  | { type: 'backOrScreenOn'; action: number }
  | { type: 'expandNotificationPanel' }
  | { type: 'expandSettingsPanel' }
  | { type: 'collapsePanels' }
  | { type: 'getClipboard'; copyKey: number }
  | { type: 'setClipboard'; sequence: bigint; paste: boolean; text: string }
  | { type: 'setDisplayPower'; on: boolean }
  | { type: 'rotateDevice' }
  | { type: 'uhidCreate'; id: number; vendorId: number; productId: number; name: string; data: Uint8Array }
  | { type: 'uhidInput'; id: number; data: Uint8Array }
  | { type: 'uhidDestroy'; id: number }
  | { type: 'openHardKeyboardSettings' }
  | { type: 'startApp'; name: string }
  | { type: 'resetVideo' };

export type ReadResult =
  | { status: 'message'; message: ControlMessage; size: number }
  | { status: 'incomplete' }
  | { status: 'error'; error: string };

class Incomplete {}
class ProtocolError {
  constructor(readonly message: string) {}
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A cursor over one candidate message; throws Incomplete when the bytes end early. */
class Cursor {
  offset = 1;
  readonly #view: DataView;
  constructor(readonly data: Uint8Array) {
    this.#view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  #need(size: number): void {
    if (this.offset + size > this.data.length) throw new Incomplete();
  }
  u8(): number {
    this.#need(1);
    return this.#view.getUint8(this.offset++);
  }
  u16(): number {
    this.#need(2);
    const value = this.#view.getUint16(this.offset);
    this.offset += 2;
    return value;
  }
  i16(): number {
    this.#need(2);
    const value = this.#view.getInt16(this.offset);
    this.offset += 2;
    return value;
  }
  i32(): number {
    this.#need(4);
    const value = this.#view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }
  u32(): number {
    this.#need(4);
    const value = this.#view.getUint32(this.offset);
    this.offset += 4;
    return value;
  }
  i64(): bigint {
    this.#need(8);
    const value = this.#view.getBigInt64(this.offset);
    this.offset += 8;
    return value;
  }
  bytes(length: number, max: number, what: string): Uint8Array {
    if (length > max) throw new ProtocolError(`${what} too long: ${length} bytes (max ${max})`);
    this.#need(length);
    const value = this.data.slice(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
  text(length: number, max: number, what: string): string {
    const bytes = this.bytes(length, max, what);
    try {
      return utf8.decode(bytes);
    } catch {
      throw new ProtocolError(`${what} is not valid UTF-8`);
    }
  }
  position(): Position {
    return { x: this.i32(), y: this.i32(), screenWidth: this.u16(), screenHeight: this.u16() };
  }
}

function inRange(value: number, min: number, max: number, what: string): number {
  if (value < min || value > max) throw new ProtocolError(`Invalid ${what}: ${value}`);
  return value;
}

function parseBody(type: number, c: Cursor): ControlMessage {
  switch (type) {
    case ControlMessageType.InjectKeycode:
      return { type: 'injectKeycode', action: inRange(c.u8(), 0, 1, 'key action'), keycode: inRange(c.i32(), 0, 0xffff, 'keycode'), repeat: inRange(c.i32(), 0, 0x7fffffff, 'repeat'), metaState: c.i32() };
    case ControlMessageType.InjectText:
      return { type: 'injectText', text: c.text(c.u32(), InjectTextMaxLength, 'text') };
    case ControlMessageType.InjectTouchEvent: {
      const action = inRange(c.u8(), 0, MaxMotionAction, 'touch action');
      const pointerId = c.i64();
      const position = c.position();
      const pressure = c.u16();
      return { type: 'injectTouch', action, pointerId, position, pressure: pressure === 0xffff ? 1 : pressure / 0x10000, actionButton: c.i32(), buttons: c.i32() };
    }
    case ControlMessageType.InjectScrollEvent: {
      const position = c.position();
      // i16 fixed point over [-1, 1) that stands for [-16, 16), as in the real reader.
      const hScroll = (c.i16() / 0x8000) * 16;
      const vScroll = (c.i16() / 0x8000) * 16;
      return { type: 'injectScroll', position, hScroll, vScroll, buttons: c.i32() };
    }
    case ControlMessageType.BackOrScreenOn:
      return { type: 'backOrScreenOn', action: inRange(c.u8(), 0, 1, 'key action') };
    case ControlMessageType.ExpandNotificationPanel:
      return { type: 'expandNotificationPanel' };
    case ControlMessageType.ExpandSettingsPanel:
      return { type: 'expandSettingsPanel' };
    case ControlMessageType.CollapsePanels:
      return { type: 'collapsePanels' };
    case ControlMessageType.GetClipboard:
      return { type: 'getClipboard', copyKey: inRange(c.u8(), 0, 2, 'copy key') };
    case ControlMessageType.SetClipboard: {
      const sequence = c.i64();
      const paste = inRange(c.u8(), 0, 1, 'paste flag') === 1;
      return { type: 'setClipboard', sequence, paste, text: c.text(c.u32(), ClipboardTextMaxLength, 'clipboard text') };
    }
    case ControlMessageType.SetDisplayPower:
      return { type: 'setDisplayPower', on: inRange(c.u8(), 0, 1, 'display power') === 1 };
    case ControlMessageType.RotateDevice:
      return { type: 'rotateDevice' };
    case ControlMessageType.UhidCreate: {
      const id = c.u16();
      const vendorId = c.u16();
      const productId = c.u16();
      const name = c.text(c.u8(), 0xff, 'uhid name');
      return { type: 'uhidCreate', id, vendorId, productId, name, data: c.bytes(c.u16(), 0xffff, 'uhid report descriptor') };
    }
    case ControlMessageType.UhidInput: {
      const id = c.u16();
      return { type: 'uhidInput', id, data: c.bytes(c.u16(), 0xffff, 'uhid input') };
    }
    case ControlMessageType.UhidDestroy:
      return { type: 'uhidDestroy', id: c.u16() };
    case ControlMessageType.OpenHardKeyboardSettings:
      return { type: 'openHardKeyboardSettings' };
    case ControlMessageType.StartApp: {
      const name = c.text(c.u8(), 0xff, 'app name');
      if (name.length === 0 || name === '+' || name === '?' || name === '+?') throw new ProtocolError('Empty app name');
      return { type: 'startApp', name };
    }
    case ControlMessageType.ResetVideo:
      return { type: 'resetVideo' };
    default:
      throw new ProtocolError(`Unknown event type: ${type}`);
  }
}

/** Reads one message from the start of `data` (which may hold more bytes, or too few). */
export function readControlMessage(data: Uint8Array): ReadResult {
  if (data.length === 0) return { status: 'incomplete' };
  const cursor = new Cursor(data);
  try {
    const message = parseBody(data[0]!, cursor);
    return { status: 'message', message, size: cursor.offset };
  } catch (error) {
    if (error instanceof Incomplete) return { status: 'incomplete' };
    if (error instanceof ProtocolError) return { status: 'error', error: error.message };
    throw error;
  }
}

/** Accumulates control-socket bytes and hands out whole messages; stops at the first protocol error. */
export class ControlMessageReader {
  #pending = new Uint8Array(0);
  #error: string | null = null;

  get error(): string | null {
    return this.#error;
  }

  /** Returns the complete messages now available; after an error, returns nothing more. */
  push(chunk: Uint8Array): ControlMessage[] {
    if (this.#error !== null) return [];
    const joined = new Uint8Array(this.#pending.length + chunk.length);
    joined.set(this.#pending, 0);
    joined.set(chunk, this.#pending.length);
    const messages: ControlMessage[] = [];
    let offset = 0;
    while (offset < joined.length) {
      const result = readControlMessage(joined.subarray(offset));
      if (result.status === 'incomplete') break;
      if (result.status === 'error') {
        this.#error = result.error;
        this.#pending = new Uint8Array(0);
        return messages;
      }
      messages.push(result.message);
      offset += result.size;
    }
    this.#pending = joined.slice(offset);
    return messages;
  }
}
