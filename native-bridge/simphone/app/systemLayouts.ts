// Layouts of the phone's own screens around the app: the launcher (app icons) and the recents list.
import { CHAT_APP, LAUNCHER_PACKAGE, SYSTEMUI_PACKAGE } from './appState.ts';
import type { LayoutContext } from './layoutKit.ts';
import { Colors, screenRoot, statusBar, statusBarHeight, textPaint } from './layoutKit.ts';
import type { IconName, ViewNode } from './viewNode.ts';
import { rect, ViewClass } from './viewNode.ts';

const LAUNCHER_APPS: { id: string; label: string; icon: IconName; color: string; chat?: boolean }[] = [
  { id: 'chat', label: CHAT_APP.label, icon: 'bubble', color: Colors.brand, chat: true },
  { id: 'gallery', label: '相册', icon: 'gallery', color: '#F5A623' },
  { id: 'camera', label: '相机', icon: 'camera', color: '#4A4A4A' },
  { id: 'settings', label: '设置', icon: 'settings', color: '#8E8E93' },
  { id: 'browser', label: '浏览器', icon: 'browser', color: '#3D7BF7' },
  { id: 'clock', label: '时钟', icon: 'clock', color: '#222222' },
];

export function launcherLayout(ctx: LayoutContext): ViewNode {
  const { width } = ctx.state;
  const columns = width > ctx.state.height ? 6 : 4;
  const date = formatDate(ctx.state.startedAt);
  const cell = Math.floor(width / columns);
  const landscape = width > ctx.state.height;
  const clockH = landscape ? 0 : ctx.dp(150);
  const top = statusBarHeight(ctx) + ctx.dp(24) + clockH;
  const icons: ViewNode[] = LAUNCHER_APPS.map((app, i) => {
    const x = (i % columns) * cell;
    const y = top + Math.floor(i / columns) * ctx.dp(100);
    const size = ctx.dp(56);
    return {
      id: `launcher_app_${app.id}`,
      className: ViewClass.Text,
      packageName: LAUNCHER_PACKAGE,
      bounds: rect(x, y, cell, ctx.dp(92)),
      text: app.label,
      description: app.label,
      onTap: app.chat === true ? { type: 'launchApp' } : { type: 'none' },
      children: [
        {
          id: `launcher_icon_${app.id}`,
          className: ViewClass.Image,
          packageName: LAUNCHER_PACKAGE,
          bounds: rect(x + Math.round((cell - size) / 2), y + ctx.dp(6), size, size),
          paint: { fill: app.color, radius: ctx.dp(14), icon: { name: app.icon, color: '#FFFFFF', size: ctx.dp(32) } },
          children: [],
        },
        {
          id: `launcher_label_${app.id}`,
          className: ViewClass.Text,
          packageName: LAUNCHER_PACKAGE,
          bounds: rect(x, y + ctx.dp(66), cell, ctx.dp(22)),
          paint: { label: textPaint([app.label], ctx.dp(13), '#FFFFFF', { align: 'center' }) },
          children: [],
        },
      ],
    };
  });
  // The clock widget shows the same fixed time as the status bar, so an idle launcher never changes.
  const clock: ViewNode[] = landscape
    ? []
    : [
        {
          id: 'launcher_clock',
          className: ViewClass.Text,
          packageName: LAUNCHER_PACKAGE,
          bounds: rect(0, statusBarHeight(ctx) + ctx.dp(24), width, ctx.dp(84)),
          text: ctx.state.clockText,
          paint: { label: textPaint([ctx.state.clockText], ctx.dp(64), '#FFFFFF', { align: 'center' }) },
          children: [],
        },
        {
          id: 'launcher_date',
          className: ViewClass.Text,
          packageName: LAUNCHER_PACKAGE,
          bounds: rect(0, statusBarHeight(ctx) + ctx.dp(108), width, ctx.dp(28)),
          text: date,
          paint: { label: textPaint([date], ctx.dp(15), 'rgba(255,255,255,0.85)', { align: 'center' }) },
          children: [],
        },
      ];
  const root = screenRoot(ctx, LAUNCHER_PACKAGE, '#2B5876', [statusBar(ctx, 'rgba(0,0,0,0)', true), ...clock, ...icons]);
  root.paint = { gradient: ['#2B5876', '#4E8F8B'] };
  return root;
}

/** Recents: one card per running task (the app), showing a scaled copy of its current screen. */
export function recentsLayout(ctx: LayoutContext, appScreen: ViewNode | null): ViewNode {
  const { width, height } = ctx.state;
  const children: ViewNode[] = [statusBar(ctx, 'rgba(0,0,0,0)', true)];
  if (appScreen !== null) {
    const scale = Math.min((width * 0.62) / width, (height * 0.62) / height);
    const cardW = Math.round(width * scale);
    const cardH = Math.round(height * scale);
    const x = Math.round((width - cardW) / 2);
    const y = Math.round((height - cardH) / 2) + ctx.dp(20);
    const headerH = ctx.dp(40);
    children.push(
      {
        id: 'recents_app_header',
        className: ViewClass.Text,
        packageName: SYSTEMUI_PACKAGE,
        bounds: rect(x, y - headerH, cardW, headerH),
        text: CHAT_APP.label,
        onTap: { type: 'resumeApp' },
        paint: { label: textPaint([CHAT_APP.label], ctx.dp(15), '#FFFFFF', { padX: ctx.dp(34), bold: true }) },
        children: [
          {
            id: 'recents_app_icon',
            className: ViewClass.Image,
            packageName: SYSTEMUI_PACKAGE,
            bounds: rect(x, y - headerH + ctx.dp(8), ctx.dp(24), ctx.dp(24)),
            paint: { fill: Colors.brand, radius: ctx.dp(6), icon: { name: 'bubble', color: '#FFFFFF', size: ctx.dp(15) } },
            children: [],
          },
        ],
      },
      {
        id: 'recents_app_card',
        className: ViewClass.Frame,
        packageName: SYSTEMUI_PACKAGE,
        bounds: rect(x, y, cardW, cardH),
        text: CHAT_APP.label,
        description: CHAT_APP.label,
        onTap: { type: 'resumeApp' },
        paint: { fill: Colors.background, radius: ctx.dp(12), snapshot: { root: appScreen, width, height } },
        children: [],
      },
    );
  } else {
    children.push({
      id: 'recents_empty',
      className: ViewClass.Text,
      packageName: SYSTEMUI_PACKAGE,
      bounds: rect(0, Math.round(height / 2) - ctx.dp(20), width, ctx.dp(40)),
      text: '近期没有任何内容',
      paint: { label: textPaint(['近期没有任何内容'], ctx.dp(15), '#DDDDDD', { align: 'center' }) },
      children: [],
    });
  }
  const root = screenRoot(ctx, SYSTEMUI_PACKAGE, '#3A3A3C', children);
  root.onTap = { type: 'goHome' };
  return root;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** China Standard Time date, e.g. `11月22日 星期日`. */
function formatDate(at: number): string {
  const d = new Date(at + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()] ?? ''}`;
}
