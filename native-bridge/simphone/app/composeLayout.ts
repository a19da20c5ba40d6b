// Layout of the Moments compose screen: text field with hint, chosen thumbnails, decorative options, 取消 and 发表.
import { FieldId, MAX_PICKED_IMAGES } from './appState.ts';
import type { LayoutContext } from './layoutKit.ts';
import {
  Colors, greenButton, screenRoot, statusBar, statusBarHeight, textPaint, titleBar, titleBarHeight, wrapText,
} from './layoutKit.ts';
import type { ViewNode } from './viewNode.ts';
import { rect, ViewClass } from './viewNode.ts';

export const COMPOSE_HINT = '这一刻的想法...';

export function composeLayout(ctx: LayoutContext): ViewNode {
  const { width } = ctx.state;
  const field = ctx.state.fields[FieldId.ComposeText];
  const focused = ctx.state.focused === FieldId.ComposeText;
  const top = statusBarHeight(ctx) + titleBarHeight(ctx);
  const textSize = ctx.dp(16);
  const lineHeight = Math.round(textSize * 1.45);
  const textW = width - ctx.dp(48);
  const lines = field.text === '' ? [COMPOSE_HINT] : wrapText(field.text, textW, textSize, ctx.measure, 8);
  const fieldH = Math.max(ctx.dp(100), lines.length * lineHeight + ctx.dp(16));
  const fieldBounds = rect(ctx.dp(24), top + ctx.dp(12), textW, fieldH);
  const caret = focused ? caretPosition(ctx, field.text, field.caret, textW, textSize, lineHeight, fieldBounds) : null;
  const images = ctx.state.composeImages;
  const tile = Math.min(ctx.dp(104), Math.floor((textW - ctx.dp(8)) / 3));
  const gridTop = fieldBounds.y + fieldH + ctx.dp(8);
  const tiles: ViewNode[] = images.map((path, i) => ({
    id: `compose_image_${i}`,
    className: ViewClass.Image,
    packageName: ctx.packageName,
    bounds: rect(fieldBounds.x + (i % 3) * (tile + ctx.dp(4)), gridTop + Math.floor(i / 3) * (tile + ctx.dp(4)), tile, tile),
    description: path.split('/').pop() ?? path,
    paint: { fill: '#DDDDDD', image: path },
    children: [],
  }));
  if (images.length < MAX_PICKED_IMAGES) {
    const i = images.length;
    tiles.push({
      id: 'compose_add_image',
      className: ViewClass.Image,
      packageName: ctx.packageName,
      bounds: rect(fieldBounds.x + (i % 3) * (tile + ctx.dp(4)), gridTop + Math.floor(i / 3) * (tile + ctx.dp(4)), tile, tile),
      description: '添加图片',
      onTap: { type: 'openGalleryPicker' },
      paint: { fill: '#F2F2F2', icon: { name: 'plus', color: '#B2B2B2', size: ctx.dp(36) } },
      children: [],
    });
  }
  const rowsTop = gridTop + Math.ceil((tiles.length) / 3) * (tile + ctx.dp(4)) + ctx.dp(24);
  const optionRow = (id: string, label: string, value: string, icon: 'location' | 'person' | 'contacts', i: number): ViewNode => ({
    id,
    className: ViewClass.Linear,
    packageName: ctx.packageName,
    bounds: rect(0, rowsTop + i * ctx.dp(56), width, ctx.dp(56)),
    text: label,
    onTap: { type: 'none' },
    paint: {
      label: textPaint([label], ctx.dp(16), Colors.text, { padX: ctx.dp(56) }),
      divider: { color: Colors.divider, inset: ctx.dp(24), width: 1 },
    },
    children: [
      { id: `${id}_icon`, className: ViewClass.Image, packageName: ctx.packageName, bounds: rect(ctx.dp(22), rowsTop + i * ctx.dp(56) + ctx.dp(16), ctx.dp(24), ctx.dp(24)), paint: { icon: { name: icon, color: Colors.text, size: ctx.dp(22) } }, children: [] },
      { id: `${id}_value`, className: ViewClass.Text, packageName: ctx.packageName, bounds: rect(width - ctx.dp(160), rowsTop + i * ctx.dp(56), ctx.dp(136), ctx.dp(56)), text: value, paint: { label: textPaint([value], ctx.dp(14), Colors.secondary, { align: 'right' }) }, children: [] },
    ],
  });
  const options = [
    optionRow('compose_location', '所在位置', '', 'location', 0),
    optionRow('compose_mention', '提醒谁看', '', 'person', 1),
    optionRow('compose_visibility', '谁可以看', '公开', 'contacts', 2),
  ];
  const canPublish = field.text.trim() !== '' || images.length > 0;
  const cancel: ViewNode = {
    id: 'compose_cancel',
    className: ViewClass.Text,
    packageName: ctx.packageName,
    bounds: rect(0, statusBarHeight(ctx), ctx.dp(64), titleBarHeight(ctx)),
    text: '取消',
    onTap: { type: 'back' },
    paint: { label: textPaint(['取消'], ctx.dp(16), Colors.text, { align: 'center' }) },
    children: [],
  };
  return screenRoot(ctx, ctx.packageName, Colors.surface, [
    statusBar(ctx, Colors.surface, false),
    titleBar(ctx, {
      title: '',
      background: Colors.surface,
      left: cancel,
      right: greenButton(ctx, 'compose_publish', '发表', rect(width - ctx.dp(72), statusBarHeight(ctx) + ctx.dp(8), ctx.dp(58), ctx.dp(32)), { type: 'publish' }, canPublish),
    }),
    {
      id: FieldId.ComposeText,
      className: ViewClass.Edit,
      packageName: ctx.packageName,
      bounds: fieldBounds,
      text: field.text === '' ? COMPOSE_HINT : field.text,
      focused,
      onTap: { type: 'focusField', field: FieldId.ComposeText },
      paint: {
        label: textPaint(lines, textSize, field.text === '' ? Colors.faint : Colors.text, { valign: 'top', lineHeight, padY: ctx.dp(4) }),
        ...(caret === null ? {} : { caret }),
      },
      children: [],
    },
    ...tiles,
    ...options,
  ]);
}

/** Caret after the wrapped text up to the caret index, in the field's coordinates. */
function caretPosition(ctx: LayoutContext, text: string, caretIndex: number, textW: number, size: number, lineHeight: number, field: { x: number; y: number }): { x: number; y: number; width: number; height: number; color: string } {
  const before = wrapText(text.slice(0, caretIndex), textW, size, ctx.measure, 8);
  const line = before.length - 1;
  const x = field.x + Math.round(ctx.measure(before[line] ?? '', size));
  const y = field.y + ctx.dp(4) + line * lineHeight + Math.round((lineHeight - size * 1.2) / 2);
  return { x, y, width: Math.max(2, ctx.dp(1.5)), height: Math.round(size * 1.2), color: Colors.brand };
}
