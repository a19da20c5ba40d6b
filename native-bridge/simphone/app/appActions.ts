// What taps, keys and text do to the state: sending, copying, picking, publishing, editing the focused field.
import type { AppState } from './appState.ts';
import { AppScreen, currentAppScreen, FieldId, findChat, Foreground, ListId, MAX_PICKED_IMAGES } from './appState.ts';
import {
  back, finishPicking, goHome, launchApp, openCameraSheet, openChat, openGalleryPicker, openMoments, resumeApp,
  switchTab, toggleRecents,
} from './appNavigation.ts';
import { deleteBackward, deleteForward, emptyField, insertText, keyableText, moveCaret } from './textInput.ts';
import type { UiAction } from './viewNode.ts';
import { AndroidKey } from '../types.ts';

/** Side effects the app shell must carry out after an action (the state itself is already updated). */
export interface ActionEffects {
  copied?: string;
}

export function applyAction(state: AppState, action: UiAction, now: number): ActionEffects {
  switch (action.type) {
    case 'launchApp':
      launchApp(state);
      return {};
    case 'resumeApp':
      resumeApp(state);
      return {};
    case 'goHome':
      goHome(state);
      return {};
    case 'back':
      back(state);
      return {};
    case 'switchTab':
      switchTab(state, action.screen);
      return {};
    case 'openChat':
      openChat(state, action.chatId);
      return {};
    case 'openMoments':
      openMoments(state);
      return {};
    case 'openCameraSheet':
      openCameraSheet(state);
      return {};
    case 'openGalleryPicker':
      openGalleryPicker(state);
      return {};
    case 'dismissOverlay':
      state.overlay = null;
      return {};
    case 'toggleGalleryImage':
      toggleGalleryImage(state, action.path);
      return {};
    case 'finishPicking':
      finishPicking(state);
      return {};
    case 'publish':
      publish(state, now);
      return {};
    case 'focusField':
      if (state.focused !== action.field) {
        state.focused = action.field;
        const field = state.fields[action.field];
        state.fields[action.field] = { ...field, caret: field.text.length };
      }
      return {};
    case 'sendMessage':
      sendMessage(state, now);
      return {};
    case 'messageMenu':
      state.overlay = { type: 'messageMenu', chatId: action.chatId, messageIndex: action.messageIndex };
      return {};
    case 'copyMessage': {
      state.overlay = null;
      const text = findChat(state, action.chatId)?.messages[action.messageIndex]?.text;
      if (text === undefined) return {};
      state.clipboard = text;
      return { copied: text };
    }
    case 'none':
      return {};
  }
}

export function toggleGalleryImage(state: AppState, path: string): void {
  const at = state.selection.indexOf(path);
  if (at >= 0) state.selection.splice(at, 1);
  else if (state.selection.length < MAX_PICKED_IMAGES) state.selection.push(path);
}

/** Sends the chat input as typed (no trimming: the record must equal what was entered). Blank input is ignored. */
export function sendMessage(state: AppState, now: number): void {
  const chat = findChat(state, state.openChatId);
  const text = state.fields[FieldId.ChatInput].text;
  if (chat === undefined || text.trim() === '') return;
  chat.messages.push({ from: 'me', text, at: now });
  trimHistory(state, chat.id, chat.messages);
  state.sent.push({ chatId: chat.id, from: 'me', text, at: now });
  state.fields[FieldId.ChatInput] = emptyField();
  state.scroll[ListId.ChatHistory] = 0;
  moveChatToTop(state, chat.id);
}

/** 发表: records the post (text, image hashes in chosen order, job marker) and returns to the feed. */
export function publish(state: AppState, now: number): void {
  const text = state.fields[FieldId.ComposeText].text;
  const images = state.composeImages;
  if (text.trim() === '' && images.length === 0) return;
  const jobId = parseJobId(text);
  const key = jobId ?? '';
  state.publishTaps[key] = (state.publishTaps[key] ?? 0) + 1;
  const hashes = images.map((path) => state.gallery.find((g) => g.path === path)?.sha256 ?? '');
  state.posts.push({ id: state.posts.length + 1, text, imageSha256: hashes, at: now, jobId });
  state.composeImages = [];
  state.selection = [];
  state.fields[FieldId.ComposeText] = emptyField();
  const moments = state.task.lastIndexOf(AppScreen.Moments);
  state.task = moments >= 0 ? state.task.slice(0, moments + 1) : [...state.task.slice(0, -1), AppScreen.Moments];
  state.scroll[ListId.MomentsFeed] = 0;
  state.focused = null;
}

export function parseJobId(text: string): string | null {
  return /#job:([A-Za-z0-9_.:-]+)/.exec(text)?.[1] ?? null;
}

/** Older messages fall off so a phone left running for days keeps laying out in constant time. */
export const MAX_MESSAGES_PER_CHAT = 200;

function trimHistory(state: AppState, chatId: string, messages: unknown[]): void {
  if (messages.length <= MAX_MESSAGES_PER_CHAT) return;
  messages.splice(0, messages.length - MAX_MESSAGES_PER_CHAT);
  // Message indexes shifted: a 复制 menu open on this chat would now point at another message.
  if (state.overlay?.type === 'messageMenu' && state.overlay.chatId === chatId) state.overlay = null;
}

export function deliverMessage(state: AppState, chatId: string, text: string, now: number): void {
  const chat = findChat(state, chatId);
  if (chat === undefined) return;
  chat.messages.push({ from: 'customer', text, at: now });
  trimHistory(state, chat.id, chat.messages);
  const visible = state.foreground === Foreground.App && currentAppScreen(state) === AppScreen.Chat && state.openChatId === chatId;
  if (!visible) chat.unread += 1;
  moveChatToTop(state, chatId);
}

function moveChatToTop(state: AppState, chatId: string): void {
  const index = state.chats.findIndex((c) => c.id === chatId);
  if (index <= 0) return;
  const [chat] = state.chats.splice(index, 1);
  if (chat !== undefined) state.chats.unshift(chat);
}

/**
 * INJECT_TEXT / `input text`: keyable characters only, into the focused field. A newline is typed as the ENTER
 * key, as Android's key map does: it sends in a chat and breaks the line in the compose field.
 */
export function typeText(state: AppState, text: string, now: number): void {
  if (state.focused === null || state.foreground !== Foreground.App) return;
  keyableText(text.replace(/\r\n?/g, '\n')).split('\n').forEach((part, i) => {
    if (i > 0) pressEnter(state, now);
    if (part !== '' && state.focused !== null) state.fields[state.focused] = insertText(state.fields[state.focused], part);
  });
}

/** A paste inserts the clipboard as it is, newlines included (a chat message may span lines). */
export function pasteText(state: AppState, text: string): void {
  if (state.focused === null || state.foreground !== Foreground.App) return;
  state.fields[state.focused] = insertText(state.fields[state.focused], text);
}

function pressEnter(state: AppState, now: number): void {
  const focused = state.foreground === Foreground.App ? state.focused : null;
  if (focused === FieldId.ChatInput) sendMessage(state, now);
  else if (focused === FieldId.ComposeText) state.fields[focused] = insertText(state.fields[focused], '\n');
}

const META_SHIFT_ON = 0x1;
const META_CAPS_LOCK_ON = 0x100000;

/** The character a letter/digit keycode types (KEYCODE_0..9 = 7..16, KEYCODE_A..Z = 29..54), if any. */
export function keyChar(keycode: number, metaState: number): string | null {
  if (keycode >= 7 && keycode <= 16) return String(keycode - 7);
  if (keycode >= 29 && keycode <= 54) {
    const upper = ((metaState & META_SHIFT_ON) !== 0) !== ((metaState & META_CAPS_LOCK_ON) !== 0);
    const ch = String.fromCharCode(97 + keycode - 29);
    return upper ? ch.toUpperCase() : ch;
  }
  return null;
}

/** A key going down. */
export function pressKey(state: AppState, keycode: number, metaState: number, now: number): void {
  const typed = keyChar(keycode, metaState);
  if (typed !== null) {
    typeText(state, typed, now);
    return;
  }
  const focused = state.foreground === Foreground.App ? state.focused : null;
  switch (keycode) {
    case AndroidKey.Back:
    case AndroidKey.Escape:
      back(state);
      return;
    case AndroidKey.Home:
      goHome(state);
      return;
    case AndroidKey.AppSwitch:
      toggleRecents(state);
      return;
    case AndroidKey.Enter:
      pressEnter(state, now);
      return;
    case AndroidKey.Del:
      if (focused !== null) state.fields[focused] = deleteBackward(state.fields[focused]);
      return;
    case AndroidKey.ForwardDel:
      if (focused !== null) state.fields[focused] = deleteForward(state.fields[focused]);
      return;
    case AndroidKey.DpadLeft:
    case AndroidKey.DpadRight:
      if (focused !== null) state.fields[focused] = moveCaret(state.fields[focused], keycode === AndroidKey.DpadLeft ? -1 : 1);
      return;
    case AndroidKey.Space:
      typeText(state, ' ', now);
      return;
    case AndroidKey.Tab:
      typeText(state, '\t', now);
      return;
  }
}
