// Shared layout pieces: density, text measuring and wrapping, status bar, title bar and the app's palette.
import type { AppState } from './appState.ts';
import type { IconName, TextPaint, UiAction, ViewNode } from './viewNode.ts';
import { rect, ViewClass } from './viewNode.ts';

/** Measures a single line of text at a pixel size, in the app's font. */
export type MeasureText = (text: string, sizePx: number, bold?: boolean) => number;

export const Colors = {
  brand: '#07C160',
  brandPressed: '#06AD56',
  background: '#EDEDED',
  surface: '#FFFFFF',
  bar: '#F7F7F7',
  text: '#191919',
  secondary: '#999999',
  faint: '#B2B2B2',
  divider: '#E5E5E5',
  link: '#576B95',
  badge: '#FA5151',
  myBubble: '#95EC69',
  dark: '#1E1E1E',
  darkBar: '#2A2A2A',
} as const;

/** Everything a screen layout needs besides the state. */
export interface LayoutContext {
  state: AppState;
  packageName: string;
  /** Physical pixels per dp: the short side is 360 dp. */
  density: number;
  measure: MeasureText;
  dp(value: number): number;
}

export function createLayoutContext(state: AppState, packageName: string, measure: MeasureText): LayoutContext {
  const density = Math.min(state.width, state.height) / 360;
  return { state, packageName, density, measure, dp: (v) => Math.round(v * density) };
}

export function textPaint(lines: string[], size: number, color: string, extra: Partial<TextPaint> = {}): TextPaint {
  return { lines, size, color, align: 'left', valign: 'middle', lineHeight: Math.round(size * 1.4), padX: 0, padY: 0, ...extra };
}

/** Wraps text to a width, breaking at any character (CJK style) and at newlines. */
export function wrapText(text: string, maxWidth: number, size: number, measure: MeasureText, maxLines = 200): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      if (line !== '' && measure(line + ch, size) > maxWidth) {
        lines.push(line);
        line = ch === ' ' ? '' : ch;
      } else {
        line += ch;
      }
    }
    lines.push(line);
    if (lines.length >= maxLines) break;
  }
  return lines.slice(0, maxLines);
}

/** One line, cut with an ellipsis when it does not fit. */
export function ellipsize(text: string, maxWidth: number, size: number, measure: MeasureText): string {
  const flat = text.replace(/\n/g, ' ');
  if (measure(flat, size) <= maxWidth) return flat;
  const chars = Array.from(flat);
  const keep = longestFit(chars.length, (n) => measure(chars.slice(0, n).join('') + '…', size) <= maxWidth);
  return chars.slice(0, keep).join('') + '…';
}

/** The tail of a single-line field that fits, so the caret end stays visible. */
export function tailThatFits(text: string, maxWidth: number, size: number, measure: MeasureText): string {
  const flat = text.replace(/\n/g, ' ');
  if (measure(flat, size) <= maxWidth) return flat;
  const chars = Array.from(flat);
  const keep = longestFit(chars.length, (n) => measure(chars.slice(chars.length - n).join(''), size) <= maxWidth);
  return chars.slice(chars.length - keep).join('');
}

/** Largest n in [0, max] with fits(n), for a monotone `fits` (binary search keeps long pastes cheap). */
function longestFit(max: number, fits: (n: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function statusBarHeight(ctx: LayoutContext): number {
  return ctx.dp(24);
}

export function statusBar(ctx: LayoutContext, background: string, light: boolean): ViewNode {
  const h = statusBarHeight(ctx);
  const color = light ? '#FFFFFF' : '#191919';
  const size = ctx.dp(12);
  return {
    id: 'status_bar',
    className: ViewClass.Frame,
    packageName: 'com.android.systemui',
    bounds: rect(0, 0, ctx.state.width, h),
    paint: { fill: background },
    children: [
      {
        id: 'clock',
        className: ViewClass.Text,
        packageName: 'com.android.systemui',
        bounds: rect(ctx.dp(14), 0, ctx.dp(60), h),
        text: ctx.state.clockText,
        paint: { label: textPaint([ctx.state.clockText], size, color, { bold: true }) },
        children: [],
      },
      {
        id: 'battery',
        className: ViewClass.Image,
        packageName: 'com.android.systemui',
        bounds: rect(ctx.state.width - ctx.dp(40), 0, ctx.dp(28), h),
        description: '电池电量 100%',
        paint: { icon: { name: 'battery', color, size: ctx.dp(16) } },
        children: [],
      },
      {
        id: 'sim_label',
        className: ViewClass.Text,
        packageName: 'com.android.systemui',
        bounds: rect(ctx.state.width - ctx.dp(100), 0, ctx.dp(56), h),
        text: '模拟手机',
        paint: { label: textPaint(['模拟手机'], ctx.dp(11), color, { align: 'right' }) },
        children: [],
      },
    ],
  };
}

export interface TitleBarOptions {
  title: string;
  back?: boolean;
  background?: string;
  dark?: boolean;
  right?: ViewNode;
  left?: ViewNode;
}

export function titleBarHeight(ctx: LayoutContext): number {
  return ctx.dp(48);
}

/** The bar under the status bar: optional back chevron, centred bold title, optional right action. */
export function titleBar(ctx: LayoutContext, options: TitleBarOptions): ViewNode {
  const top = statusBarHeight(ctx);
  const h = titleBarHeight(ctx);
  const color = options.dark === true ? '#FFFFFF' : Colors.text;
  const children: ViewNode[] = [
    {
      id: 'title',
      className: ViewClass.Text,
      packageName: ctx.packageName,
      bounds: rect(ctx.dp(64), top, ctx.state.width - ctx.dp(128), h),
      text: options.title,
      paint: { label: textPaint([ellipsize(options.title, ctx.state.width - ctx.dp(128), ctx.dp(17), ctx.measure)], ctx.dp(17), color, { align: 'center', bold: true }) },
      children: [],
    },
  ];
  if (options.back === true) children.push(iconButton(ctx, 'title_back', 'back', rect(0, top, ctx.dp(48), h), color, { type: 'back' }, '返回'));
  if (options.left !== undefined) children.push(options.left);
  if (options.right !== undefined) children.push(options.right);
  return {
    id: 'title_bar',
    className: ViewClass.Frame,
    packageName: ctx.packageName,
    bounds: rect(0, top, ctx.state.width, h),
    paint: { fill: options.background ?? Colors.background },
    children,
  };
}

export function iconButton(
  ctx: LayoutContext,
  id: string,
  icon: IconName,
  bounds: ViewNode['bounds'],
  color: string,
  onTap: UiAction,
  description: string,
): ViewNode {
  return {
    id,
    className: ViewClass.Image,
    packageName: ctx.packageName,
    bounds,
    description,
    onTap,
    paint: { icon: { name: icon, color, size: ctx.dp(24) } },
    children: [],
  };
}

/** A green (or greyed) button with centred text. */
export function greenButton(ctx: LayoutContext, id: string, text: string, bounds: ViewNode['bounds'], onTap: UiAction, enabled = true): ViewNode {
  return {
    id,
    className: ViewClass.Button,
    packageName: ctx.packageName,
    bounds,
    text,
    enabled,
    ...(enabled ? { onTap } : { onTap: { type: 'none' } as const }),
    paint: {
      fill: enabled ? Colors.brand : '#E1E1E1',
      radius: ctx.dp(4),
      label: textPaint([text], ctx.dp(15), enabled ? '#FFFFFF' : '#B2B2B2', { align: 'center', bold: true }),
    },
    children: [],
  };
}

/** A square avatar with the first character of the name. */
export function avatar(ctx: LayoutContext, id: string, name: string, color: string, bounds: ViewNode['bounds']): ViewNode {
  const first = Array.from(name)[0] ?? '?';
  return {
    id,
    className: ViewClass.Image,
    packageName: ctx.packageName,
    bounds,
    description: name,
    paint: { fill: color, radius: ctx.dp(5), label: textPaint([first], Math.round(bounds.height * 0.45), '#FFFFFF', { align: 'center' }) },
    children: [],
  };
}

export function screenRoot(ctx: LayoutContext, packageName: string, background: string, children: ViewNode[]): ViewNode {
  return {
    id: 'content',
    className: ViewClass.Frame,
    packageName,
    bounds: rect(0, 0, ctx.state.width, ctx.state.height),
    paint: { fill: background },
    children,
  };
}

export function badge(ctx: LayoutContext, id: string, count: number, x: number, y: number): ViewNode {
  const text = count > 99 ? '99+' : String(count);
  const size = ctx.dp(18);
  const width = Math.max(size, Math.round(ctx.measure(text, ctx.dp(11)) + ctx.dp(10)));
  return {
    id,
    className: ViewClass.Text,
    packageName: ctx.packageName,
    bounds: rect(x, y, width, size),
    text,
    paint: { fill: Colors.badge, radius: Math.round(size / 2), label: textPaint([text], ctx.dp(11), '#FFFFFF', { align: 'center' }) },
    children: [],
  };
}

/** A vertical scrolling list between the title bar and the tab bar; rows are laid out at the scrolled offset. */
export function scrollList(
  ctx: LayoutContext,
  id: string,
  top: number,
  bottom: number,
  rowsHeight: number,
  buildRows: (y0: number) => ViewNode[],
  background: string = Colors.surface,
): ViewNode {
  const height = bottom - top;
  const max = Math.max(0, rowsHeight - height);
  const offset = Math.min(max, Math.max(0, ctx.state.scroll[id] ?? 0));
  return {
    id,
    className: ViewClass.List,
    packageName: ctx.packageName,
    bounds: rect(0, top, ctx.state.width, height),
    clip: true,
    scroll: { key: id, fromBottom: false, max },
    paint: { fill: background },
    children: buildRows(top - offset),
  };
}
