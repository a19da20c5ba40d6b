// The seams inside one simulated phone: adbd ↔ services, shell ↔ phone parts, scrcpy ↔ screen.
// Each part (adbd, shell, app, scrcpy) is written against these types, never against another part's classes.

/**
 * One ADB stream as seen from the phone side (what a service writes to and reads from).
 * The adbd implements it on top of OPEN/WRTE/OKAY/CLSE with ADB's flow control.
 */
export interface PhoneChannel {
  /** Sends bytes to the host. Resolves when the host has acknowledged them (OKAY); rejects if the stream closed. */
  write(data: Uint8Array): Promise<void>;
  /** Bytes written but not yet acknowledged by the host; producers (video) use it to drop instead of queueing. */
  readonly pendingBytes: number;
  /** Closes the stream from the phone side (sends CLSE). Idempotent. */
  close(): void;
  readonly closed: boolean;
  /** Host → phone bytes, in order. */
  onData(listener: (data: Uint8Array) => void): void;
  /** Called once when the stream ends, from either side or because the ADB connection dropped. */
  onClose(listener: () => void): void;
}

/** What a shell command gets: its argv-ish command line and a place for output. */
export interface ShellIo {
  stdout(data: Uint8Array | string): void;
  stderr(data: Uint8Array | string): void;
  /** Bytes the host sends to the command's stdin (rarely used). */
  onStdin(listener: (data: Uint8Array) => void): void;
  /** Resolves when the host closed the stream; long-running commands (the scrcpy server) stop then. */
  readonly aborted: Promise<void>;
}

/** A shell command implementation; resolves with the exit code. */
export type ShellCommand = (args: string[], io: ShellIo, env: Record<string, string>) => Promise<number>;

/** Android MotionEvent actions used by scrcpy touch injection. */
export const TouchAction = { Down: 0, Up: 1, Move: 2, Cancel: 3 } as const;
export type TouchAction = (typeof TouchAction)[keyof typeof TouchAction];

/** Android KeyEvent actions. */
export const KeyAction = { Down: 0, Up: 1 } as const;
export type KeyAction = (typeof KeyAction)[keyof typeof KeyAction];

/** The Android keycodes the simulated phone understands. */
export const AndroidKey = {
  Home: 3,
  Back: 4,
  DpadUp: 19,
  DpadDown: 20,
  DpadLeft: 21,
  DpadRight: 22,
  Tab: 61,
  Space: 62,
  Enter: 66,
  Del: 67,
  Escape: 111,
  ForwardDel: 112,
  AppSwitch: 187,
} as const;

/** A rectangle in physical screen pixels (portrait or the current rotation). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One tap the phone saw, for inspection. `view` is the id of the view hit (or null for background). */
export interface TapRecord {
  at: number;
  x: number;
  y: number;
  screen: string;
  view: string | null;
}

export interface ChatMessageRecord {
  chatId: string;
  from: 'me' | 'customer';
  text: string;
  at: number;
}

export interface PostRecord {
  id: number;
  text: string;
  /** sha256 hex of each image's file bytes, in the order they were chosen. */
  imageSha256: string[];
  at: number;
  /** Job id parsed from the post text marker `#job:<id>` if present (lets fault tests count publishes per job). */
  jobId: string | null;
}

/** The whole observable state of a phone, for tests (inspection interface). */
export interface PhoneInspection {
  serial: string;
  model: string;
  width: number;
  height: number;
  rotation: 0 | 1 | 2 | 3;
  screen: string;
  openChatId: string | null;
  inputText: string;
  clipboard: string;
  chats: { id: string; name: string; unread: number }[];
  sent: ChatMessageRecord[];
  posts: PostRecord[];
  /** Number of "publish" taps seen, keyed by job id (or "" for posts without a marker). */
  publishTaps: Record<string, number>;
  taps: TapRecord[];
  gallery: string[];
  scrcpySessions: { scid: string; maxSize: number; width: number; height: number }[];
}

/** A file in the phone's storage, as seen by the gallery. */
export interface GalleryImage {
  path: string;
  bytes: Uint8Array;
}

/**
 * The phone's screen and UI: what scrcpy mirrors and drives, and what shell commands read.
 * Coordinates are physical pixels in the current orientation.
 */
export interface PhoneScreen {
  readonly width: number;
  readonly height: number;
  /** Increments whenever what is drawn changes; encoders compare it to skip unchanged frames. */
  readonly version: number;
  /** Called after every change of `version` or of size (rotation). */
  onChange(listener: () => void): () => void;
  /** RGBA pixels of the current screen drawn at the given size (aspect kept by the caller). */
  renderRgba(width: number, height: number): Uint8Array;
  /** PNG of the current screen at physical size. */
  screencapPng(): Uint8Array;
  /** `uiautomator dump` XML of the visible views (text, resource-id, bounds). */
  uiDumpXml(): string;

  touch(action: TouchAction, x: number, y: number, pointerId: bigint): void;
  scroll(x: number, y: number, hScroll: number, vScroll: number): void;
  key(action: KeyAction, keycode: number, repeat: number, metaState: number): void;
  /** INJECT_TEXT / `input text`: only characters with a key mapping (ASCII) are typed; others are dropped. */
  injectText(text: string): void;
  setClipboard(text: string, paste: boolean): void;
  getClipboard(): string;
  /** A copy inside the app (long press on a message → copy) changes the clipboard; scrcpy forwards it. */
  onClipboardChange(listener: (text: string) => void): () => void;
  /** START_APP / `am start` / `monkey -p`: opens the app by package name or label; false if unknown. */
  startApp(nameOrPackage: string): boolean;
  /** `am force-stop` / `am start -S`: closes the app so the next start begins fresh. Optional. */
  forceStopApp?(packageName: string): void;
  /** Rotates the display (0..3); the size swaps for 1 and 3. */
  rotate(rotation: 0 | 1 | 2 | 3): void;
  /** Called by the media scanner when an image file appears in the gallery folders. */
  addGalleryImage(image: GalleryImage): void;
  /** Test perturbation: a customer sends a message to the given chat (or a seeded pick when omitted). */
  deliverCustomerMessage(chatId?: string, text?: string): void;
  inspect(): Omit<PhoneInspection, 'serial' | 'model' | 'scrcpySessions'>;
}

/** A file or folder in the phone's storage. `mode` holds the POSIX type bits (0o100000 file, 0o040000 folder). */
export interface PhoneFileStat {
  mode: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
}

/** The phone's storage (in memory): what `sync:` push/pull and `ls`/`rm`/`mkdir` work on. */
export interface PhoneFiles {
  stat(path: string): PhoneFileStat | null;
  list(dir: string): { name: string; stat: PhoneFileStat }[] | null;
  read(path: string): Uint8Array | null;
  /** Creates parent folders as needed, like adbd does for a push. */
  write(path: string, bytes: Uint8Array, mode?: number, mtime?: number): void;
  remove(path: string, recursive?: boolean): boolean;
  mkdir(path: string, parents?: boolean): boolean;
}

/** One running scrcpy-server session, for inspection. */
export interface ScrcpySessionInfo {
  scid: string;
  maxSize: number;
  width: number;
  height: number;
  video: boolean;
  control: boolean;
}

/**
 * The scrcpy-server emulation of one phone. The shell starts it when the real start line arrives;
 * the adbd routes `localabstract:` opens to it.
 */
export interface ScrcpyServerHost {
  /**
   * Runs one server: `args` are what follows `com.genymobile.scrcpy.Server` (the version, then key=value options).
   * Writes the server's log lines to io.stdout/io.stderr like the real server and resolves with its exit code
   * when the session ends (the host closed the shell stream, the sockets closed, or `killAll`).
   */
  run(args: string[], io: ShellIo): Promise<number>;
  /** `localabstract:NAME` from the host; false when no server listens on NAME (the adbd then refuses with CLSE). */
  connect(socketName: string, channel: PhoneChannel): boolean;
  sessions(): ScrcpySessionInfo[];
  /** Test perturbation: kills every running server (its sockets close, `run` resolves with 137). */
  killAll(): void;
}

/** What identifies a simulated phone to ADB clients (banner) and to getprop. */
export interface PhoneIdentity {
  serial: string;
  model: string;
  brand: string;
  manufacturer: string;
  product: string;
  device: string;
  release: string;
  sdk: number;
}
