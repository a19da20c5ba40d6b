// Builds the view tree of whatever is in front (launcher, recents or the app's current screen).
import type { AppState } from './appState.ts';
import { AppScreen, CHAT_APP, currentAppScreen, Foreground } from './appState.ts';
import { chatLayout } from './chatLayout.ts';
import { launcherLayout, recentsLayout } from './systemLayouts.ts';
import { chatListLayout, contactsLayout, discoverLayout, meLayout } from './tabLayouts.ts';
import type { LayoutContext, MeasureText } from './layoutKit.ts';
import { createLayoutContext } from './layoutKit.ts';
import { composeLayout } from './composeLayout.ts';
import { galleryPickerLayout, momentsLayout } from './momentsLayouts.ts';
import type { ViewNode } from './viewNode.ts';

export function layoutScreen(state: AppState, measure: MeasureText): ViewNode {
  const ctx = createLayoutContext(state, CHAT_APP.packageName, measure);
  if (state.foreground === Foreground.Launcher) return launcherLayout(ctx);
  if (state.foreground === Foreground.Recents) {
    const app = state.task.length > 0 ? appLayout(createLayoutContext({ ...state, foreground: Foreground.App }, CHAT_APP.packageName, measure)) : null;
    return recentsLayout(ctx, app);
  }
  return appLayout(ctx);
}

function appLayout(ctx: LayoutContext): ViewNode {
  switch (currentAppScreen(ctx.state) ?? AppScreen.ChatList) {
    case AppScreen.ChatList:
      return chatListLayout(ctx);
    case AppScreen.Contacts:
      return contactsLayout(ctx);
    case AppScreen.Discover:
      return discoverLayout(ctx);
    case AppScreen.Me:
      return meLayout(ctx);
    case AppScreen.Chat:
      return chatLayout(ctx);
    case AppScreen.Moments:
      return momentsLayout(ctx);
    case AppScreen.GalleryPicker:
      return galleryPickerLayout(ctx);
    case AppScreen.Compose:
      return composeLayout(ctx);
  }
}
