// Layouts of the app's four tabs: chat list (微信), contacts (通讯录), discover (发现) and me (我), with the tab bar.
import { AppScreen, formatShortTime, ListId } from './appState.ts';
import type { LayoutContext } from './layoutKit.ts';
import {
  avatar, badge, Colors, ellipsize, iconButton, screenRoot, scrollList, statusBar, statusBarHeight, textPaint, titleBar,
  titleBarHeight,
} from './layoutKit.ts';
import type { IconName, ViewNode } from './viewNode.ts';
import { rect, ViewClass } from './viewNode.ts';

const TABS: { screen: AppScreen; label: string; icon: IconName }[] = [
  { screen: AppScreen.ChatList, label: '微信', icon: 'chat' },
  { screen: AppScreen.Contacts, label: '通讯录', icon: 'contacts' },
  { screen: AppScreen.Discover, label: '发现', icon: 'discover' },
  { screen: AppScreen.Me, label: '我', icon: 'me' },
];

export function tabBarHeight(ctx: LayoutContext): number {
  return ctx.dp(56);
}

function tabBar(ctx: LayoutContext, current: AppScreen): ViewNode {
  const { width, height } = ctx.state;
  const h = tabBarHeight(ctx);
  const w = Math.floor(width / TABS.length);
  const unread = ctx.state.chats.reduce((sum, c) => sum + c.unread, 0);
  return {
    id: 'tab_bar',
    className: ViewClass.Linear,
    packageName: ctx.packageName,
    bounds: rect(0, height - h, width, h),
    paint: { fill: Colors.bar, divider: { color: Colors.divider, inset: 0, width: 0 } },
    children: TABS.map((tab, i) => {
      const selected = tab.screen === current;
      const color = selected ? Colors.brand : Colors.text;
      const x = i * w;
      const children: ViewNode[] = [
        {
          id: `tab_icon_${tab.screen}`,
          className: ViewClass.Image,
          packageName: ctx.packageName,
          bounds: rect(x, height - h + ctx.dp(5), w, ctx.dp(28)),
          paint: { icon: { name: tab.icon, color, size: ctx.dp(26) } },
          children: [],
        },
      ];
      if (tab.screen === AppScreen.ChatList && unread > 0) children.push(badge(ctx, 'tab_badge', unread, x + Math.round(w / 2) + ctx.dp(8), height - h + ctx.dp(2)));
      return {
        id: `tab_${tab.screen}`,
        className: ViewClass.Text,
        packageName: ctx.packageName,
        bounds: rect(x, height - h, w, h),
        text: tab.label,
        selected,
        onTap: { type: 'switchTab', screen: tab.screen },
        paint: { label: textPaint([tab.label], ctx.dp(11), color, { align: 'center', valign: 'top', padY: ctx.dp(35), lineHeight: ctx.dp(16) }) },
        children,
      };
    }),
  };
}

function tabPage(ctx: LayoutContext, screen: AppScreen, title: string, body: ViewNode[], right?: ViewNode): ViewNode {
  return screenRoot(ctx, ctx.packageName, Colors.background, [
    statusBar(ctx, Colors.background, false),
    titleBar(ctx, { title, ...(right === undefined ? {} : { right }) }),
    ...body,
    tabBar(ctx, screen),
  ]);
}

export function chatListLayout(ctx: LayoutContext): ViewNode {
  const { width, height } = ctx.state;
  const top = statusBarHeight(ctx) + titleBarHeight(ctx);
  const rowH = ctx.dp(72);
  const chats = ctx.state.chats;
  const list = scrollList(ctx, ListId.ChatList, top, height - tabBarHeight(ctx), rowH * chats.length, (y0) =>
    chats.map((chat, i) => {
      const y = y0 + i * rowH;
      const last = chat.messages[chat.messages.length - 1];
      const time = last === undefined ? '' : formatShortTime(last.at, ctx.state.startedAt);
      const textLeft = ctx.dp(76);
      const timeW = Math.ceil(ctx.measure(time, ctx.dp(12))) + ctx.dp(16);
      const children: ViewNode[] = [
        avatar(ctx, `chat_avatar_${chat.id}`, chat.name, chat.avatarColor, rect(ctx.dp(16), y + ctx.dp(12), ctx.dp(48), ctx.dp(48))),
        {
          id: `chat_name_${chat.id}`,
          className: ViewClass.Text,
          packageName: ctx.packageName,
          bounds: rect(textLeft, y + ctx.dp(12), width - textLeft - timeW, ctx.dp(26)),
          text: chat.name,
          paint: { label: textPaint([ellipsize(chat.name, width - textLeft - timeW, ctx.dp(16), ctx.measure)], ctx.dp(16), Colors.text) },
          children: [],
        },
        {
          id: `chat_time_${chat.id}`,
          className: ViewClass.Text,
          packageName: ctx.packageName,
          bounds: rect(width - timeW, y + ctx.dp(12), timeW - ctx.dp(16), ctx.dp(22)),
          text: time,
          paint: { label: textPaint([time], ctx.dp(12), Colors.faint, { align: 'right' }) },
          children: [],
        },
        {
          id: `chat_last_${chat.id}`,
          className: ViewClass.Text,
          packageName: ctx.packageName,
          bounds: rect(textLeft, y + ctx.dp(38), width - textLeft - ctx.dp(16), ctx.dp(22)),
          text: last?.text ?? '',
          paint: { label: textPaint([ellipsize(last?.text ?? '', width - textLeft - ctx.dp(16), ctx.dp(14), ctx.measure)], ctx.dp(14), Colors.secondary) },
          children: [],
        },
      ];
      if (chat.unread > 0) children.push(badge(ctx, `chat_badge_${chat.id}`, chat.unread, ctx.dp(54), y + ctx.dp(4)));
      return {
        id: `chat_row_${chat.id}`,
        className: ViewClass.Linear,
        packageName: ctx.packageName,
        bounds: rect(0, y, width, rowH),
        onTap: { type: 'openChat', chatId: chat.id },
        paint: { fill: Colors.surface, divider: { color: Colors.divider, inset: textLeft, width: 1 } },
        children,
      };
    }),
  );
  const add = iconButton(ctx, 'chat_list_add', 'plus', rect(width - ctx.dp(52), statusBarHeight(ctx), ctx.dp(48), titleBarHeight(ctx)), Colors.text, { type: 'none' }, '更多功能按钮');
  const unread = ctx.state.chats.reduce((sum, c) => sum + c.unread, 0);
  return tabPage(ctx, AppScreen.ChatList, unread > 0 ? `微信(${unread})` : '微信', [list], add);
}

export function contactsLayout(ctx: LayoutContext): ViewNode {
  const { width, height } = ctx.state;
  const top = statusBarHeight(ctx) + titleBarHeight(ctx);
  const rowH = ctx.dp(56);
  const people = [...ctx.state.chats].filter((c) => !c.isGroup).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const list = scrollList(ctx, ListId.Contacts, top, height - tabBarHeight(ctx), rowH * people.length, (y0) =>
    people.map((chat, i) => {
      const y = y0 + i * rowH;
      return {
        id: `contact_row_${chat.id}`,
        className: ViewClass.Linear,
        packageName: ctx.packageName,
        bounds: rect(0, y, width, rowH),
        text: chat.name,
        onTap: { type: 'openChat', chatId: chat.id },
        paint: {
          fill: Colors.surface,
          divider: { color: Colors.divider, inset: ctx.dp(68), width: 1 },
          label: textPaint([chat.name], ctx.dp(16), Colors.text, { padX: ctx.dp(68) }),
        },
        children: [avatar(ctx, `contact_avatar_${chat.id}`, chat.name, chat.avatarColor, rect(ctx.dp(16), y + ctx.dp(10), ctx.dp(40), ctx.dp(40)))],
      };
    }),
  );
  return tabPage(ctx, AppScreen.Contacts, '通讯录', [list]);
}

function menuRow(ctx: LayoutContext, id: string, label: string, icon: IconName, iconColor: string, y: number, onTap: ViewNode['onTap']): ViewNode {
  const h = ctx.dp(56);
  return {
    id,
    className: ViewClass.Linear,
    packageName: ctx.packageName,
    bounds: rect(0, y, ctx.state.width, h),
    text: label,
    ...(onTap === undefined ? {} : { onTap }),
    paint: { fill: Colors.surface, label: textPaint([label], ctx.dp(16), Colors.text, { padX: ctx.dp(56) }) },
    children: [
      {
        id: `${id}_icon`,
        className: ViewClass.Image,
        packageName: ctx.packageName,
        bounds: rect(ctx.dp(16), y + ctx.dp(16), ctx.dp(24), ctx.dp(24)),
        paint: { icon: { name: icon, color: iconColor, size: ctx.dp(24) } },
        children: [],
      },
    ],
  };
}

export function discoverLayout(ctx: LayoutContext): ViewNode {
  const top = statusBarHeight(ctx) + titleBarHeight(ctx);
  return tabPage(ctx, AppScreen.Discover, '发现', [
    menuRow(ctx, 'discover_moments', '朋友圈', 'moments', '#F5A623', top, { type: 'openMoments' }),
    menuRow(ctx, 'discover_scan', '扫一扫', 'search', '#3D7BF7', top + ctx.dp(64), { type: 'none' }),
  ]);
}

export function meLayout(ctx: LayoutContext): ViewNode {
  const { width } = ctx.state;
  const top = statusBarHeight(ctx) + titleBarHeight(ctx);
  const name = ctx.state.deviceName;
  const profile: ViewNode = {
    id: 'me_profile',
    className: ViewClass.Linear,
    packageName: ctx.packageName,
    bounds: rect(0, top, width, ctx.dp(110)),
    text: name,
    paint: { fill: Colors.surface, label: textPaint([ellipsize(name, width - ctx.dp(110), ctx.dp(20), ctx.measure)], ctx.dp(20), Colors.text, { padX: ctx.dp(96), bold: true }) },
    children: [avatar(ctx, 'me_avatar', name, Colors.brand, rect(ctx.dp(20), top + ctx.dp(23), ctx.dp(64), ctx.dp(64)))],
  };
  return tabPage(ctx, AppScreen.Me, '我', [
    profile,
    menuRow(ctx, 'me_settings', '设置', 'settings', '#3D7BF7', top + ctx.dp(122), { type: 'none' }),
  ]);
}
