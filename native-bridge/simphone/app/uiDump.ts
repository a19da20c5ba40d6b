// Serialises the visible view tree as `uiautomator dump` XML (same bounds the hit test uses).
import type { Rect } from '../types.ts';
import type { ViewNode } from './viewNode.ts';
import { intersect } from './viewNode.ts';

export function uiDumpXml(root: ViewNode, rotation: number): string {
  const body = serialize(root, root.bounds, 0) ?? '';
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="${rotation}">${body}</hierarchy>`;
}

/** One node and its visible children; views scrolled out of their list are left out, as Android does. */
function serialize(node: ViewNode, clipRect: Rect, index: number): string | null {
  const visible = intersect(node.bounds, clipRect);
  if (visible === null) return null;
  const childClip = node.clip === true ? visible : clipRect;
  const children: string[] = [];
  for (const child of node.children) {
    const xml = serialize(child, childClip, children.length);
    if (xml !== null) children.push(xml);
  }
  const x2 = visible.x + visible.width;
  const y2 = visible.y + visible.height;
  const attrs: [string, string][] = [
    ['index', String(index)],
    ['text', node.text ?? ''],
    ['resource-id', `${node.packageName}:id/${node.id}`],
    ['class', node.className],
    ['package', node.packageName],
    ['content-desc', node.description ?? ''],
    ['checkable', 'false'],
    ['checked', 'false'],
    ['clickable', String(node.onTap !== undefined)],
    ['enabled', String(node.enabled ?? true)],
    ['focusable', String(node.className.endsWith('EditText') || node.onTap !== undefined)],
    ['focused', String(node.focused ?? false)],
    ['scrollable', String(node.scroll !== undefined && node.scroll.max > 0)],
    ['long-clickable', String(node.onLongPress !== undefined)],
    ['password', 'false'],
    ['selected', String(node.selected ?? false)],
    ['bounds', `[${Math.round(visible.x)},${Math.round(visible.y)}][${Math.round(x2)},${Math.round(y2)}]`],
  ];
  const open = `<node ${attrs.map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ')}`;
  return children.length === 0 ? `${open} />` : `${open}>${children.join('')}</node>`;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
