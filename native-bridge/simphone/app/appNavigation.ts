// Navigation as plain state transitions: launcher, recents, the app's task stack, tabs, overlays, BACK and HOME.
import type { AppState } from './appState.ts';
import { AppScreen, CHAT_APP, currentAppScreen, FieldId, findChat, Foreground, ListId, TAB_SCREENS } from './appState.ts';
import { emptyField } from './textInput.ts';

/** True when `name` names the chat app: its package, an alias package, its label, or `package/activity`. */
export function isChatAppName(name: string): boolean {
  const trimmed = name.trim();
  const pkg = trimmed.includes('/') ? (trimmed.split('/')[0] ?? '') : trimmed;
  return (CHAT_APP.aliases as readonly string[]).includes(pkg);
}

/** Brings the app to the front, resuming its task like Android does for a launcher intent. */
export function launchApp(state: AppState): void {
  if (state.task.length === 0) state.task = [AppScreen.ChatList];
  state.overlay = null;
  state.foreground = Foreground.App;
  refocusForScreen(state);
}

/** `am force-stop` / `am start -S`: the task ends and unsent drafts go; chats, posts and the gallery stay. */
export function forceStop(state: AppState): void {
  state.task = [];
  state.openChatId = null;
  state.overlay = null;
  state.focused = null;
  state.fields[FieldId.ChatInput] = emptyField();
  discardCompose(state);
  if (state.foreground === Foreground.App) state.foreground = Foreground.Launcher;
  if (state.beforeRecents === Foreground.App) state.beforeRecents = Foreground.Launcher;
}

export function goHome(state: AppState): void {
  state.overlay = null;
  state.foreground = Foreground.Launcher;
}

export function toggleRecents(state: AppState): void {
  if (state.foreground === Foreground.Recents) {
    state.foreground = state.beforeRecents;
    return;
  }
  state.overlay = null;
  state.beforeRecents = state.foreground;
  state.foreground = Foreground.Recents;
}

export function resumeApp(state: AppState): void {
  if (state.task.length === 0) {
    goHome(state);
    return;
  }
  launchApp(state);
}

/** BACK: closes an overlay, leaves recents, pops the app's task (finishing it at its root); the launcher stays. */
export function back(state: AppState): void {
  if (state.overlay !== null) {
    state.overlay = null;
    return;
  }
  if (state.foreground === Foreground.Recents) {
    state.foreground = state.beforeRecents;
    return;
  }
  if (state.foreground === Foreground.Launcher) return;
  const leaving = currentAppScreen(state);
  if (leaving === AppScreen.Chat) state.openChatId = null;
  if (leaving === AppScreen.Compose) discardCompose(state);
  if (leaving === AppScreen.GalleryPicker && !state.task.includes(AppScreen.Compose)) state.selection = [];
  if (state.task.length <= 1) {
    state.task = [];
    state.foreground = Foreground.Launcher;
    state.focused = null;
    return;
  }
  state.task.pop();
  refocusForScreen(state);
}

export function switchTab(state: AppState, screen: AppScreen): void {
  if (!TAB_SCREENS.includes(screen)) return;
  const top = state.task.length - 1;
  if (top >= 0 && TAB_SCREENS.includes(state.task[top] as AppScreen)) state.task[top] = screen;
  else state.task.push(screen);
}

export function openChat(state: AppState, chatId: string): void {
  const chat = findChat(state, chatId);
  if (chat === undefined) return;
  chat.unread = 0;
  if (state.openChatId !== chatId) state.fields[FieldId.ChatInput] = emptyField();
  state.openChatId = chatId;
  state.scroll[ListId.ChatHistory] = 0;
  if (currentAppScreen(state) === AppScreen.Chat) state.task[state.task.length - 1] = AppScreen.Chat;
  else state.task.push(AppScreen.Chat);
  state.foreground = Foreground.App;
  refocusForScreen(state);
}

export function openMoments(state: AppState): void {
  state.task.push(AppScreen.Moments);
  state.scroll[ListId.MomentsFeed] = 0;
  refocusForScreen(state);
}

export function openCameraSheet(state: AppState): void {
  state.overlay = { type: 'cameraSheet' };
}

/** From the camera sheet (fresh selection) or from compose's "+" (keeps what compose already holds). */
export function openGalleryPicker(state: AppState): void {
  const fromCompose = currentAppScreen(state) === AppScreen.Compose;
  state.overlay = null;
  state.selection = fromCompose ? [...state.composeImages] : [];
  state.scroll[ListId.GalleryGrid] = 0;
  state.task.push(AppScreen.GalleryPicker);
  state.focused = null;
}

/** 完成(n): carries the selection into compose (replacing the picker, or returning to the compose below it). */
export function finishPicking(state: AppState): void {
  if (state.selection.length === 0) return;
  state.composeImages = [...state.selection];
  state.task.pop();
  if (currentAppScreen(state) !== AppScreen.Compose) {
    state.fields[FieldId.ComposeText] = emptyField();
    state.task.push(AppScreen.Compose);
  }
  refocusForScreen(state);
}

export function discardCompose(state: AppState): void {
  state.composeImages = [];
  state.selection = [];
  state.fields[FieldId.ComposeText] = emptyField();
}

/** Text fields take focus when their screen comes to the front (the soft keyboard is not drawn). */
function refocusForScreen(state: AppState): void {
  const screen = currentAppScreen(state);
  state.focused = screen === AppScreen.Chat ? FieldId.ChatInput : screen === AppScreen.Compose ? FieldId.ComposeText : null;
}
