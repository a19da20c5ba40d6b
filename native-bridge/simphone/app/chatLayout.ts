// Layout of one chat: history bubbles (scrolled from the bottom), the input bar with 发送, and the 复制 menu.
import { FieldId, findChat, formatClock, formatShortTime, ListId } from './appState.ts';
import type { LayoutContext } from './layoutKit.ts';
import {
  avatar, Colors, greenButton, iconButton, screenRoot, statusBar, statusBarHeight, tailThatFits, textPaint, titleBar,
  titleBarHeight, wrapText,
} from './layoutKit.ts';
import type { ViewNode } from './viewNode.ts';
import { rect, ViewClass } from './viewNode.ts';

const TIME_LABEL_GAP_MS = 5 * 60_000;

export function chatLayout(ctx: LayoutContext): ViewNode {
  const { width } = ctx.state;
  const chat = findChat(ctx.state, ctx.state.openChatId);
  const name = chat?.name ?? '';
  const top = statusBarHeight(ctx) + titleBarHeight(ctx);
  const inputBar = chatInputBar(ctx);
  const historyBottom = inputBar.bounds.y;
  const viewport = historyBottom - top;

  // Lay out bubbles top-down at offset 0 to learn the content height, then shift by the scroll offset.
  const textSize = ctx.dp(16);
  const pad = ctx.dp(10);
  const avatarSize = ctx.dp(40);
  const maxText = Math.round(width * 0.62) - 2 * pad;
  const gap = ctx.dp(16);
  const rows: { node: ViewNode; y: number; h: number }[] = [];
  let y = gap;
  let previousAt = Number.NEGATIVE_INFINITY;
  (chat?.messages ?? []).forEach((message, index) => {
    // Like WeChat: a centred time label before the first message and after a pause of more than five minutes.
    if (message.at - previousAt > TIME_LABEL_GAP_MS) {
      const label = formatShortTime(message.at, ctx.state.startedAt);
      const when = label.includes(':') || label === '昨天' ? label : `${label} ${formatClock(message.at)}`;
      const h = ctx.dp(20);
      rows.push({
        node: { id: `message_time_${index}`, className: ViewClass.Text, packageName: ctx.packageName, bounds: rect(0, y, width, h), text: when, paint: { label: textPaint([when], ctx.dp(12), Colors.faint, { align: 'center' }) }, children: [] },
        y,
        h,
      });
      y += h + ctx.dp(10);
    }
    previousAt = message.at;
    const lines = wrapText(message.text, maxText, textSize, ctx.measure);
    const lineHeight = Math.round(textSize * 1.45);
    const textW = Math.max(...lines.map((l) => ctx.measure(l, textSize)), ctx.dp(8));
    const bubbleW = Math.ceil(textW) + 2 * pad;
    const bubbleH = Math.max(avatarSize, lines.length * lineHeight + 2 * pad);
    const mine = message.from === 'me';
    const avatarX = mine ? width - ctx.dp(12) - avatarSize : ctx.dp(12);
    const bubbleX = mine ? avatarX - ctx.dp(10) - bubbleW : avatarX + avatarSize + ctx.dp(10);
    const who = mine ? ctx.state.deviceName : name;
    const bubble: ViewNode = {
      id: `message_${index}`,
      className: ViewClass.Text,
      packageName: ctx.packageName,
      bounds: rect(bubbleX, y, bubbleW, bubbleH),
      text: message.text,
      onLongPress: { type: 'messageMenu', chatId: chat?.id ?? '', messageIndex: index },
      onTap: { type: 'none' },
      paint: {
        fill: mine ? Colors.myBubble : Colors.surface,
        radius: ctx.dp(5),
        tail: { side: mine ? 'right' : 'left', size: ctx.dp(6), top: Math.round(avatarSize / 2) },
        label: textPaint(lines, textSize, Colors.text, { padX: pad, padY: pad, valign: 'top', lineHeight }),
      },
      children: [],
    };
    const face = avatar(ctx, `message_avatar_${index}`, who, mine ? Colors.brand : (chat?.avatarColor ?? '#888888'), rect(avatarX, y, avatarSize, avatarSize));
    rows.push({ node: bubble, y, h: bubbleH });
    rows.push({ node: face, y, h: avatarSize });
    y += bubbleH + gap;
  });
  const contentH = y;
  const max = Math.max(0, contentH - viewport);
  const fromBottom = Math.min(max, Math.max(0, ctx.state.scroll[ListId.ChatHistory] ?? 0));
  // Short histories start at the top; long ones end at the input bar unless scrolled back.
  const shift = contentH <= viewport ? top : historyBottom - contentH + fromBottom;
  const history: ViewNode = {
    id: ListId.ChatHistory,
    className: ViewClass.List,
    packageName: ctx.packageName,
    bounds: rect(0, top, width, viewport),
    clip: true,
    scroll: { key: ListId.ChatHistory, fromBottom: true, max },
    paint: { fill: Colors.background },
    children: rows.map((r) => translate(r.node, shift)),
  };

  const children: ViewNode[] = [
    statusBar(ctx, Colors.background, false),
    titleBar(ctx, {
      title: name,
      back: true,
      right: iconButton(ctx, 'chat_more', 'more', rect(width - ctx.dp(52), statusBarHeight(ctx), ctx.dp(48), titleBarHeight(ctx)), Colors.text, { type: 'none' }, '聊天信息'),
    }),
    history,
    inputBar,
  ];
  const menu = messageMenu(ctx, history);
  if (menu !== null) children.push(...menu);
  return screenRoot(ctx, ctx.packageName, Colors.background, children);
}

function chatInputBar(ctx: LayoutContext): ViewNode {
  const { width, height } = ctx.state;
  const field = ctx.state.fields[FieldId.ChatInput];
  const focused = ctx.state.focused === FieldId.ChatInput;
  const barH = ctx.dp(56);
  const y = height - barH;
  const hasText = field.text.length > 0;
  const sendW = ctx.dp(60);
  const inputX = ctx.dp(12);
  const inputW = width - inputX - ctx.dp(12) - (hasText ? sendW + ctx.dp(10) : ctx.dp(44));
  const inputH = ctx.dp(40);
  const textSize = ctx.dp(16);
  const padX = ctx.dp(8);
  const inputBounds = rect(inputX, y + Math.round((barH - inputH) / 2), inputW, inputH);
  const shown = tailThatFits(field.text, inputW - 2 * padX - ctx.dp(4), textSize, ctx.measure);
  const beforeCaret = field.text.slice(0, field.caret).replace(/\n/g, ' ');
  const caretText = shown.length === field.text.length ? beforeCaret : shown.slice(0, Math.max(0, shown.length - (field.text.length - field.caret)));
  const caretX = inputBounds.x + padX + Math.round(ctx.measure(caretText, textSize));
  const input: ViewNode = {
    id: FieldId.ChatInput,
    className: ViewClass.Edit,
    packageName: ctx.packageName,
    bounds: inputBounds,
    text: field.text,
    focused,
    onTap: { type: 'focusField', field: FieldId.ChatInput },
    paint: {
      fill: Colors.surface,
      radius: ctx.dp(4),
      label: textPaint([shown], textSize, Colors.text, { padX }),
      ...(focused ? { caret: { x: caretX, y: inputBounds.y + ctx.dp(9), width: Math.max(2, ctx.dp(1.5)), height: inputH - ctx.dp(18), color: Colors.brand } } : {}),
    },
    children: [],
  };
  const action = hasText
    ? greenButton(ctx, 'chat_send', '发送', rect(width - ctx.dp(12) - sendW, y + Math.round((barH - ctx.dp(34)) / 2), sendW, ctx.dp(34)), { type: 'sendMessage' })
    : iconButton(ctx, 'chat_plus', 'plus', rect(width - ctx.dp(48), y + ctx.dp(8), ctx.dp(40), ctx.dp(40)), Colors.text, { type: 'none' }, '更多功能按钮');
  return {
    id: 'chat_input_bar',
    className: ViewClass.Linear,
    packageName: ctx.packageName,
    bounds: rect(0, y, width, barH),
    paint: { fill: Colors.bar },
    children: [input, action],
  };
}

/** The dark pill with 复制 above (or below) the long-pressed bubble, over a scrim that dismisses it. */
function messageMenu(ctx: LayoutContext, history: ViewNode): ViewNode[] | null {
  const overlay = ctx.state.overlay;
  if (overlay?.type !== 'messageMenu' || overlay.chatId !== ctx.state.openChatId) return null;
  const bubble = history.children.find((c) => c.id === `message_${overlay.messageIndex}`);
  if (bubble === undefined) return null;
  const w = ctx.dp(72);
  const h = ctx.dp(44);
  const x = Math.max(ctx.dp(8), Math.min(ctx.state.width - w - ctx.dp(8), Math.round(bubble.bounds.x + bubble.bounds.width / 2 - w / 2)));
  const above = bubble.bounds.y - h - ctx.dp(6);
  const y = above >= history.bounds.y ? above : Math.min(bubble.bounds.y + bubble.bounds.height + ctx.dp(6), ctx.state.height - h);
  return [
    {
      id: 'menu_scrim',
      className: ViewClass.View,
      packageName: ctx.packageName,
      bounds: rect(0, 0, ctx.state.width, ctx.state.height),
      onTap: { type: 'dismissOverlay' },
      children: [],
    },
    {
      id: 'menu_copy',
      className: ViewClass.Text,
      packageName: ctx.packageName,
      bounds: rect(x, y, w, h),
      text: '复制',
      onTap: { type: 'copyMessage', chatId: overlay.chatId, messageIndex: overlay.messageIndex },
      paint: { fill: '#4C4C4C', radius: ctx.dp(6), label: textPaint(['复制'], ctx.dp(14), '#FFFFFF', { align: 'center' }) },
      children: [],
    },
  ];
}

export function translate(node: ViewNode, dy: number): ViewNode {
  const paint = node.paint?.caret === undefined ? node.paint : { ...node.paint, caret: { ...node.paint.caret, y: node.paint.caret.y + dy } };
  return {
    ...node,
    bounds: { ...node.bounds, y: node.bounds.y + dy },
    ...(paint === undefined ? {} : { paint }),
    children: node.children.map((c) => translate(c, dy)),
  };
}
