// Draws a view tree onto a canvas context (already scaled to the target size): fills, text, icons, thumbnails.
import type { Canvas, Image, SKRSContext2D } from '@napi-rs/canvas';
import { appFont } from './appFont.ts';
import type { IconName, Paint, TextPaint, ViewNode } from './viewNode.ts';

/** Thumbnails by gallery path (decoded once, drawn at any scale). */
export type ThumbnailLookup = (path: string) => Image | Canvas | null;

export function drawScene(g: SKRSContext2D, root: ViewNode, thumbnails: ThumbnailLookup): void {
  drawNode(g, root, thumbnails);
}

function drawNode(g: SKRSContext2D, node: ViewNode, thumbnails: ThumbnailLookup): void {
  if (node.paint !== undefined) drawPaint(g, node, node.paint, thumbnails);
  if (node.children.length === 0) return;
  if (node.clip === true) {
    g.save();
    g.beginPath();
    g.rect(node.bounds.x, node.bounds.y, node.bounds.width, node.bounds.height);
    g.clip();
  }
  const b = node.bounds;
  for (const child of node.children) {
    // Rows scrolled fully out of a clipped list cost nothing.
    if (node.clip === true && (child.bounds.y >= b.y + b.height || child.bounds.y + child.bounds.height <= b.y)) continue;
    drawNode(g, child, thumbnails);
  }
  if (node.clip === true) g.restore();
}

function shapePath(g: SKRSContext2D, node: ViewNode, paint: Paint): void {
  const { x, y, width, height } = node.bounds;
  g.beginPath();
  if (paint.circle === true) g.arc(x + width / 2, y + height / 2, Math.min(width, height) / 2, 0, Math.PI * 2);
  else if ((paint.radius ?? 0) > 0) g.roundRect(x, y, width, height, paint.radius ?? 0);
  else g.rect(x, y, width, height);
}

function drawPaint(g: SKRSContext2D, node: ViewNode, paint: Paint, thumbnails: ThumbnailLookup): void {
  const { x, y, width, height } = node.bounds;
  if (paint.gradient !== undefined) {
    const gradient = g.createLinearGradient(0, y, 0, y + height);
    gradient.addColorStop(0, paint.gradient[0]);
    gradient.addColorStop(1, paint.gradient[1]);
    g.fillStyle = gradient;
    shapePath(g, node, paint);
    g.fill();
  } else if (paint.fill !== undefined) {
    g.fillStyle = paint.fill;
    shapePath(g, node, paint);
    g.fill();
  }
  if (paint.tail !== undefined && paint.fill !== undefined) {
    const { side, size, top } = paint.tail;
    const edge = side === 'left' ? x : x + width;
    const tip = side === 'left' ? x - size : x + width + size;
    g.fillStyle = paint.fill;
    g.beginPath();
    g.moveTo(edge, y + top - size);
    g.lineTo(tip, y + top);
    g.lineTo(edge, y + top + size);
    g.closePath();
    g.fill();
  }
  if (paint.snapshot !== undefined) {
    g.save();
    shapePath(g, node, paint);
    g.clip();
    g.translate(x, y);
    g.scale(width / paint.snapshot.width, height / paint.snapshot.height);
    drawNode(g, paint.snapshot.root, thumbnails);
    g.restore();
  }
  if (paint.image !== undefined) {
    const image = thumbnails(paint.image);
    if (image !== null) drawCover(g, image, x, y, width, height);
  }
  if (paint.stroke !== undefined) {
    g.strokeStyle = paint.stroke;
    g.lineWidth = paint.strokeWidth ?? 1;
    shapePath(g, node, paint);
    g.stroke();
  }
  if (paint.divider !== undefined) {
    g.fillStyle = paint.divider.color;
    const lineY = paint.divider.width > 0 ? y + height - paint.divider.width : y;
    g.fillRect(x + paint.divider.inset, lineY, width - paint.divider.inset, Math.max(1, paint.divider.width));
  }
  if (paint.icon !== undefined) drawIcon(g, paint.icon.name, x + width / 2, y + height / 2, paint.icon.size, paint.icon.color);
  if (paint.label !== undefined) drawLabel(g, node, paint.label);
  if (paint.caret !== undefined) {
    g.fillStyle = paint.caret.color;
    g.fillRect(paint.caret.x, paint.caret.y, paint.caret.width, paint.caret.height);
  }
}

function drawCover(g: SKRSContext2D, image: Image | Canvas, x: number, y: number, width: number, height: number): void {
  const iw = image.width;
  const ih = image.height;
  if (iw <= 0 || ih <= 0) return;
  const scale = Math.max(width / iw, height / ih);
  const sw = width / scale;
  const sh = height / scale;
  g.drawImage(image, (iw - sw) / 2, (ih - sh) / 2, sw, sh, x, y, width, height);
}

function drawLabel(g: SKRSContext2D, node: ViewNode, label: TextPaint): void {
  const { x, y, width, height } = node.bounds;
  g.font = appFont(label.size, label.bold === true);
  g.fillStyle = label.color;
  g.textBaseline = 'middle';
  g.textAlign = label.align;
  const tx = label.align === 'left' ? x + label.padX : label.align === 'right' ? x + width - label.padX : x + width / 2;
  const blockH = label.lines.length * label.lineHeight;
  const top = label.valign === 'top' ? y + label.padY : y + (height - blockH) / 2;
  label.lines.forEach((line, i) => {
    if (line !== '') g.fillText(line, tx, top + i * label.lineHeight + label.lineHeight / 2);
  });
}

/** Simple line icons, drawn in a size×size box centred on (cx, cy). */
function drawIcon(g: SKRSContext2D, name: IconName, cx: number, cy: number, size: number, color: string): void {
  const s = size / 24;
  g.save();
  g.translate(cx - size / 2, cy - size / 2);
  g.scale(s, s);
  g.strokeStyle = color;
  g.fillStyle = color;
  g.lineWidth = 1.8;
  g.lineCap = 'round';
  g.lineJoin = 'round';
  g.beginPath();
  switch (name) {
    case 'back':
      g.moveTo(15, 4); g.lineTo(7, 12); g.lineTo(15, 20); g.stroke();
      break;
    case 'close':
      g.moveTo(6, 6); g.lineTo(18, 18); g.moveTo(18, 6); g.lineTo(6, 18); g.stroke();
      break;
    case 'plus':
      g.arc(12, 12, 10, 0, Math.PI * 2); g.moveTo(12, 7); g.lineTo(12, 17); g.moveTo(7, 12); g.lineTo(17, 12); g.stroke();
      break;
    case 'camera':
      g.roundRect(3, 7, 18, 13, 2.5); g.moveTo(8, 7); g.lineTo(9.5, 4); g.lineTo(14.5, 4); g.lineTo(16, 7); g.stroke();
      g.beginPath(); g.arc(12, 13.5, 3.6, 0, Math.PI * 2); g.stroke();
      break;
    case 'search':
      g.arc(10.5, 10.5, 6.5, 0, Math.PI * 2); g.moveTo(15.5, 15.5); g.lineTo(20.5, 20.5); g.stroke();
      break;
    case 'more':
      for (const px of [5, 12, 19]) { g.moveTo(px + 1.6, 12); g.arc(px, 12, 1.6, 0, Math.PI * 2); }
      g.fill();
      break;
    case 'chat':
    case 'bubble':
      g.ellipse(12, 11, 9.5, 7.5, 0, 0, Math.PI * 2); g.moveTo(7, 17); g.lineTo(5.5, 21); g.lineTo(10.5, 18.2);
      if (name === 'bubble') g.fill(); else g.stroke();
      break;
    case 'contacts':
    case 'person':
    case 'me':
      g.arc(12, 8.5, 4.2, 0, Math.PI * 2); g.moveTo(4, 21); g.quadraticCurveTo(4.5, 14, 12, 14); g.quadraticCurveTo(19.5, 14, 20, 21); g.stroke();
      break;
    case 'discover':
      g.arc(12, 12, 9.5, 0, Math.PI * 2); g.moveTo(15.5, 8.5); g.lineTo(13.5, 13.5); g.lineTo(8.5, 15.5); g.lineTo(10.5, 10.5); g.closePath(); g.stroke();
      break;
    case 'moments':
      for (let i = 0; i < 6; i++) {
        const a = (i * Math.PI) / 3;
        g.moveTo(12, 12); g.arc(12, 12, 9.5, a, a + Math.PI / 4);
      }
      g.fill();
      break;
    case 'gallery':
      g.roundRect(3, 5, 18, 14, 2); g.moveTo(5, 17); g.lineTo(10, 11); g.lineTo(14, 15); g.lineTo(16, 13); g.lineTo(19, 17); g.stroke();
      break;
    case 'settings':
      g.arc(12, 12, 3.5, 0, Math.PI * 2);
      for (let i = 0; i < 8; i++) {
        const a = (i * Math.PI) / 4;
        g.moveTo(12 + Math.cos(a) * 6.5, 12 + Math.sin(a) * 6.5); g.lineTo(12 + Math.cos(a) * 9.5, 12 + Math.sin(a) * 9.5);
      }
      g.stroke();
      break;
    case 'browser':
      g.arc(12, 12, 9.5, 0, Math.PI * 2); g.moveTo(2.5, 12); g.lineTo(21.5, 12); g.moveTo(12, 2.5); g.ellipse(12, 12, 4.5, 9.5, 0, -Math.PI / 2, Math.PI * 1.5); g.stroke();
      break;
    case 'clock':
      g.arc(12, 12, 9.5, 0, Math.PI * 2); g.moveTo(12, 6.5); g.lineTo(12, 12); g.lineTo(16, 14); g.stroke();
      break;
    case 'battery':
      g.roundRect(2, 7, 17, 10, 2); g.stroke(); g.beginPath(); g.rect(4, 9, 13, 6); g.rect(20, 10, 2, 4); g.fill();
      break;
    case 'location':
      g.arc(12, 9.5, 6.5, Math.PI * 0.8, Math.PI * 2.2); g.lineTo(12, 21.5); g.closePath(); g.stroke();
      g.beginPath(); g.arc(12, 9.5, 2.3, 0, Math.PI * 2); g.stroke();
      break;
  }
  g.restore();
}
