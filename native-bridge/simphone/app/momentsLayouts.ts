// Layouts of Moments: the feed (own posts first), the camera sheet and the gallery picker.
import type { PostRecord } from '../types.ts';
import { formatShortTime, ListId } from './appState.ts';
import type { LayoutContext } from './layoutKit.ts';
import {
  avatar, Colors, greenButton, iconButton, screenRoot, scrollList, statusBar, statusBarHeight, textPaint, titleBar,
  titleBarHeight, wrapText,
} from './layoutKit.ts';
import type { ViewNode } from './viewNode.ts';
import { rect, ViewClass } from './viewNode.ts';

/** Friends' posts shown under the phone's own posts so the feed never looks empty. */
const FRIEND_POSTS: { name: string; color: string; text: string; tiles: string[] }[] = [
  { name: '李娜', color: '#4A90E2', text: '周末去海边，风很大，心情很好', tiles: ['#7FB3D5', '#A9CCE3', '#D4E6F1'] },
  { name: '张伟', color: '#E5645B', text: '新店开业，欢迎大家来玩！', tiles: ['#F5B041'] },
];

export function momentsLayout(ctx: LayoutContext): ViewNode {
  const { width, height } = ctx.state;
  const top = statusBarHeight(ctx) + titleBarHeight(ctx);
  const coverH = Math.min(ctx.dp(220), Math.round(height * 0.3));
  const posts = [...ctx.state.posts].reverse();
  const heights = posts.map((p) => postHeight(ctx, p.text, p.imageSha256.length));
  const friendHeights = FRIEND_POSTS.map((p) => postHeight(ctx, p.text, p.tiles.length));
  const total = coverH + ctx.dp(40) + [...heights, ...friendHeights].reduce((a, b) => a + b, 0);
  const list = scrollList(ctx, ListId.MomentsFeed, top, height, total, (y0) => {
    const nodes: ViewNode[] = [
      { id: 'moments_cover', className: ViewClass.Image, packageName: ctx.packageName, bounds: rect(0, y0, width, coverH), paint: { gradient: ['#3E5151', '#DECBA4'] }, children: [] },
      avatar(ctx, 'moments_my_avatar', ctx.state.deviceName, Colors.brand, rect(width - ctx.dp(84), y0 + coverH - ctx.dp(40), ctx.dp(68), ctx.dp(68))),
      {
        id: 'moments_my_name',
        className: ViewClass.Text,
        packageName: ctx.packageName,
        bounds: rect(ctx.dp(16), y0 + coverH - ctx.dp(36), width - ctx.dp(112), ctx.dp(28)),
        text: ctx.state.deviceName,
        paint: { label: textPaint([ctx.state.deviceName], ctx.dp(17), '#FFFFFF', { align: 'right', bold: true }) },
        children: [],
      },
    ];
    let y = y0 + coverH + ctx.dp(40);
    posts.forEach((post, i) => {
      nodes.push(postNode(ctx, `moments_post_${post.id}`, ctx.state.deviceName, Colors.brand, post.text, post.imageSha256.map((_, k) => ({ image: imagePathFor(ctx, post, k) })), formatShortTime(post.at, ctx.state.startedAt), y));
      y += heights[i] ?? 0;
    });
    FRIEND_POSTS.forEach((post, i) => {
      nodes.push(postNode(ctx, `moments_friend_${i}`, post.name, post.color, post.text, post.tiles.map((fill) => ({ fill })), '昨天', y));
      y += friendHeights[i] ?? 0;
    });
    return nodes;
  });
  const children: ViewNode[] = [
    statusBar(ctx, Colors.background, false),
    titleBar(ctx, {
      title: '朋友圈',
      back: true,
      right: iconButton(ctx, 'moments_camera', 'camera', rect(width - ctx.dp(52), statusBarHeight(ctx), ctx.dp(48), titleBarHeight(ctx)), Colors.text, { type: 'openCameraSheet' }, '拍照分享'),
    }),
    list,
  ];
  if (ctx.state.overlay?.type === 'cameraSheet') children.push(...cameraSheet(ctx));
  return screenRoot(ctx, ctx.packageName, Colors.surface, children);
}

function imagePathFor(ctx: LayoutContext, post: PostRecord, index: number): string {
  const sha = post.imageSha256[index];
  return ctx.state.gallery.find((g) => g.sha256 === sha)?.path ?? '';
}

function tileSize(ctx: LayoutContext, count: number): number {
  return count === 1 ? ctx.dp(160) : ctx.dp(82);
}

function postHeight(ctx: LayoutContext, text: string, images: number): number {
  const textW = ctx.state.width - ctx.dp(76);
  const lines = text === '' ? 0 : wrapText(text, textW, ctx.dp(15), ctx.measure).length;
  const rows = Math.ceil(images / 3);
  const tile = tileSize(ctx, images);
  return ctx.dp(44) + lines * Math.round(ctx.dp(15) * 1.45) + rows * (tile + ctx.dp(4)) + ctx.dp(40);
}

function postNode(ctx: LayoutContext, id: string, name: string, color: string, text: string, tiles: { image?: string; fill?: string }[], time: string, y: number): ViewNode {
  const x = ctx.dp(64);
  const textW = ctx.state.width - ctx.dp(76);
  const lineHeight = Math.round(ctx.dp(15) * 1.45);
  const lines = text === '' ? [] : wrapText(text, textW, ctx.dp(15), ctx.measure);
  const tile = tileSize(ctx, tiles.length);
  let cursor = y + ctx.dp(40);
  const children: ViewNode[] = [
    avatar(ctx, `${id}_avatar`, name, color, rect(ctx.dp(12), y + ctx.dp(14), ctx.dp(42), ctx.dp(42))),
    { id: `${id}_name`, className: ViewClass.Text, packageName: ctx.packageName, bounds: rect(x, y + ctx.dp(12), textW, ctx.dp(26)), text: name, paint: { label: textPaint([name], ctx.dp(15), Colors.link, { bold: true }) }, children: [] },
  ];
  if (lines.length > 0) {
    children.push({ id: `${id}_text`, className: ViewClass.Text, packageName: ctx.packageName, bounds: rect(x, cursor, textW, lines.length * lineHeight), text, paint: { label: textPaint(lines, ctx.dp(15), Colors.text, { valign: 'top', lineHeight }) }, children: [] });
    cursor += lines.length * lineHeight + ctx.dp(4);
  }
  tiles.forEach((t, i) => {
    const bounds = rect(x + (i % 3) * (tile + ctx.dp(4)), cursor + Math.floor(i / 3) * (tile + ctx.dp(4)), tile, tile);
    children.push({ id: `${id}_image_${i}`, className: ViewClass.Image, packageName: ctx.packageName, bounds, paint: { fill: t.fill ?? '#DDDDDD', ...(t.image === undefined ? {} : { image: t.image }) }, children: [] });
  });
  cursor += Math.ceil(tiles.length / 3) * (tile + ctx.dp(4));
  children.push({ id: `${id}_time`, className: ViewClass.Text, packageName: ctx.packageName, bounds: rect(x, cursor + ctx.dp(4), textW, ctx.dp(20)), text: time, paint: { label: textPaint([time], ctx.dp(12), Colors.faint) }, children: [] });
  const h = postHeight(ctx, text, tiles.length);
  return { id, className: ViewClass.Linear, packageName: ctx.packageName, bounds: rect(0, y, ctx.state.width, h), paint: { divider: { color: Colors.divider, inset: 0, width: 1 } }, children };
}

function cameraSheet(ctx: LayoutContext): ViewNode[] {
  const { width, height } = ctx.state;
  const rowH = ctx.dp(56);
  const sheetH = rowH * 3 + ctx.dp(8);
  const y = height - sheetH;
  const row = (id: string, text: string, top: number, onTap: ViewNode['onTap']): ViewNode => ({
    id,
    className: ViewClass.Text,
    packageName: ctx.packageName,
    bounds: rect(0, top, width, rowH),
    text,
    ...(onTap === undefined ? {} : { onTap }),
    paint: { fill: Colors.surface, label: textPaint([text], ctx.dp(17), Colors.text, { align: 'center' }), divider: { color: Colors.divider, inset: 0, width: 1 } },
    children: [],
  });
  return [
    { id: 'sheet_scrim', className: ViewClass.View, packageName: ctx.packageName, bounds: rect(0, 0, width, height), onTap: { type: 'dismissOverlay' }, paint: { fill: 'rgba(0,0,0,0.45)' }, children: [] },
    {
      id: 'camera_sheet',
      className: ViewClass.Linear,
      packageName: ctx.packageName,
      bounds: rect(0, y, width, sheetH),
      onTap: { type: 'none' },
      paint: { fill: Colors.background, radius: ctx.dp(10) },
      children: [
        row('sheet_camera', '拍摄', y, { type: 'none' }),
        row('sheet_album', '从相册选择', y + rowH, { type: 'openGalleryPicker' }),
        row('sheet_cancel', '取消', y + 2 * rowH + ctx.dp(8), { type: 'dismissOverlay' }),
      ],
    },
  ];
}

export function galleryPickerLayout(ctx: LayoutContext): ViewNode {
  const { width, height } = ctx.state;
  const top = statusBarHeight(ctx) + titleBarHeight(ctx);
  const bottomH = ctx.dp(56);
  const columns = width > height ? 7 : 4;
  const gap = ctx.dp(2);
  const cell = Math.floor((width - gap * (columns - 1)) / columns);
  const images = [...ctx.state.gallery].sort((a, b) => b.addedSeq - a.addedSeq);
  const rows = Math.ceil(images.length / columns);
  const selection = ctx.state.selection;
  const grid = scrollList(ctx, ListId.GalleryGrid, top, height - bottomH, rows * (cell + gap), (y0) =>
    images.map((img, i) => {
      const x = (i % columns) * (cell + gap);
      const y = y0 + Math.floor(i / columns) * (cell + gap);
      const order = selection.indexOf(img.path) + 1;
      const mark = ctx.dp(24);
      const name = img.path.split('/').pop() ?? img.path;
      return {
        id: `gallery_item_${i}`,
        className: ViewClass.Image,
        packageName: ctx.packageName,
        bounds: rect(x, y, cell, cell),
        description: name,
        selected: order > 0,
        onTap: { type: 'toggleGalleryImage', path: img.path },
        paint: { fill: '#333333', image: img.path },
        children: [
          {
            id: `gallery_check_${i}`,
            className: ViewClass.Text,
            packageName: ctx.packageName,
            bounds: rect(x + cell - mark - ctx.dp(6), y + ctx.dp(6), mark, mark),
            text: order > 0 ? String(order) : '',
            paint: order > 0
              ? { circle: true, fill: Colors.brand, label: textPaint([String(order)], ctx.dp(13), '#FFFFFF', { align: 'center' }) }
              : { circle: true, fill: 'rgba(0,0,0,0.25)', stroke: '#FFFFFF', strokeWidth: Math.max(2, ctx.dp(1.5)) },
            children: [],
          },
        ],
      };
    }),
    Colors.dark,
  );
  const count = selection.length;
  const done = greenButton(ctx, 'gallery_done', count > 0 ? `完成(${count})` : '完成', rect(width - ctx.dp(92), height - bottomH + ctx.dp(11), ctx.dp(80), ctx.dp(34)), { type: 'finishPicking' }, count > 0);
  return screenRoot(ctx, ctx.packageName, Colors.dark, [
    statusBar(ctx, Colors.darkBar, true),
    titleBar(ctx, { title: '图片和视频', dark: true, background: Colors.darkBar, left: iconButton(ctx, 'gallery_close', 'close', rect(0, statusBarHeight(ctx), ctx.dp(48), titleBarHeight(ctx)), '#FFFFFF', { type: 'back' }, '关闭') }),
    grid,
    { id: 'gallery_bottom_bar', className: ViewClass.Linear, packageName: ctx.packageName, bounds: rect(0, height - bottomH, width, bottomH), paint: { fill: Colors.darkBar }, children: [done] },
  ]);
}
