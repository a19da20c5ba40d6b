// The chat app's whole state as plain data (no canvas): screens, chats, input fields, gallery, posts, records.
import type { ChatMessageRecord, PostRecord, TapRecord } from '../types.ts';
import type { SeededRandom } from './seedData.ts';
import { seedChats } from './seedData.ts';

/**
 * App identity. The simulated app is `com.phonewall.chat`, shown on the launcher as `微信` so flows written for
 * WeChat find it by the same label; `com.tencent.mm` is accepted as an alias package when starting it.
 */
export const CHAT_APP = {
  packageName: 'com.phonewall.chat',
  label: '微信',
  aliases: ['com.phonewall.chat', 'com.tencent.mm', '微信'],
  activity: '.ui.LauncherUI',
} as const;

export const LAUNCHER_PACKAGE = 'com.android.launcher3';
export const SYSTEMUI_PACKAGE = 'com.android.systemui';

/** Screens inside the app's task. The four tabs are screens of their own (switching replaces, never stacks). */
export const AppScreen = {
  ChatList: 'chatList',
  Contacts: 'contacts',
  Discover: 'discover',
  Me: 'me',
  Chat: 'chat',
  Moments: 'moments',
  GalleryPicker: 'galleryPicker',
  Compose: 'compose',
} as const;
export type AppScreen = (typeof AppScreen)[keyof typeof AppScreen];

/** Scrolling lists; each id is both the list view's id and its key in `AppState.scroll`. */
export const ListId = {
  ChatList: 'chat_list',
  Contacts: 'contact_list',
  ChatHistory: 'chat_history',
  MomentsFeed: 'moments_feed',
  GalleryGrid: 'gallery_grid',
} as const;
export type ListId = (typeof ListId)[keyof typeof ListId];

/** Moments takes at most nine images per post. */
export const MAX_PICKED_IMAGES = 9;

export const TAB_SCREENS: readonly AppScreen[] = [AppScreen.ChatList, AppScreen.Contacts, AppScreen.Discover, AppScreen.Me];

/** What is in front: the launcher, the recents list, or the app (at the top of its task stack). */
export const Foreground = { Launcher: 'launcher', Recents: 'recents', App: 'app' } as const;
export type Foreground = (typeof Foreground)[keyof typeof Foreground];

export interface ChatMessage {
  from: 'me' | 'customer';
  text: string;
  at: number;
}

export interface Chat {
  id: string;
  name: string;
  avatarColor: string;
  isGroup: boolean;
  messages: ChatMessage[];
  unread: number;
}

/** An editable text field: text plus caret (UTF-16 index). */
export interface TextField {
  text: string;
  caret: number;
}

export const FieldId = { ChatInput: 'chat_input', ComposeText: 'compose_text' } as const;
export type FieldId = (typeof FieldId)[keyof typeof FieldId];

export type Overlay =
  | { type: 'messageMenu'; chatId: string; messageIndex: number }
  | { type: 'cameraSheet' }
  | null;

export interface GalleryEntry {
  path: string;
  sha256: string;
  addedSeq: number;
}

export interface AppState {
  width: number;
  height: number;
  rotation: 0 | 1 | 2 | 3;
  deviceName: string;
  /** Status bar clock text, fixed at start so an idle screen never changes. */
  clockText: string;
  /** The moment the app started; message times are shown relative to it. */
  startedAt: number;
  foreground: Foreground;
  /** Where recents returns when dismissed. */
  beforeRecents: Foreground;
  /** The app's task: empty when the app is not running. */
  task: AppScreen[];
  chats: Chat[];
  openChatId: string | null;
  fields: Record<FieldId, TextField>;
  focused: FieldId | null;
  overlay: Overlay;
  /** Scroll offsets per scrollable list, in physical pixels (clamped by the layout). */
  scroll: Record<string, number>;
  gallery: GalleryEntry[];
  /** Paths chosen in the picker, in the order they were chosen. */
  selection: string[];
  /** Paths carried into the compose screen. */
  composeImages: string[];
  posts: PostRecord[];
  publishTaps: Record<string, number>;
  sent: ChatMessageRecord[];
  clipboard: string;
  taps: TapRecord[];
  nextGallerySeq: number;
}

export interface AppStateOptions {
  width: number;
  height: number;
  deviceName: string;
  now: number;
  random: SeededRandom;
}

export function createAppState(options: AppStateOptions): AppState {
  const chats: Chat[] = seedChats(options.random, options.now).map((c) => ({ ...c, messages: [...c.messages] }));
  return {
    width: options.width,
    height: options.height,
    rotation: 0,
    deviceName: options.deviceName,
    clockText: formatClock(options.now),
    startedAt: options.now,
    foreground: Foreground.Launcher,
    beforeRecents: Foreground.Launcher,
    task: [],
    chats,
    openChatId: null,
    fields: { [FieldId.ChatInput]: { text: '', caret: 0 }, [FieldId.ComposeText]: { text: '', caret: 0 } },
    focused: null,
    overlay: null,
    scroll: {},
    gallery: [],
    selection: [],
    composeImages: [],
    posts: [],
    publishTaps: {},
    sent: [],
    clipboard: '',
    taps: [],
    nextGallerySeq: 1,
  };
}

/** The visible screen's name, as inspection and taps report it. */
export function currentScreenName(state: AppState): string {
  if (state.foreground !== Foreground.App) return state.foreground;
  return state.task[state.task.length - 1] ?? Foreground.Launcher;
}

export function currentAppScreen(state: AppState): AppScreen | null {
  if (state.foreground !== Foreground.App) return null;
  return state.task[state.task.length - 1] ?? null;
}

export function findChat(state: AppState, chatId: string | null): Chat | undefined {
  return chatId === null ? undefined : state.chats.find((c) => c.id === chatId);
}

/** China Standard Time (UTC+8, no DST), HH:MM. */
export function formatClock(at: number): string {
  const d = new Date(at + 8 * 3_600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** WeChat-style short time: HH:MM today, 昨天, or M月D日. */
export function formatShortTime(at: number, reference: number): string {
  const day = (t: number): number => Math.floor((t + 8 * 3_600_000) / 86_400_000);
  const diff = day(reference) - day(at);
  if (diff <= 0) return formatClock(at);
  if (diff === 1) return '昨天';
  const d = new Date(at + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
