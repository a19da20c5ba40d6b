// Serialises the visible view tree as `uiautomator dump` XML (same bounds the hit test uses).
import type { ViewNode } from './viewNode.ts';
import { walkVisible } from './viewNode.ts';

export function uiDumpXml(root: ViewNode, rotation: number): string {
  const out: string[] = [`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="${rotation}">`];
  const open: number[] = [];
  const indexAtDepth: number[] = [];
  walkVisible(root, (node, visible, depth) => {
    while (open.length > 0 && (open[open.length - 1] ?? 0) >= depth) {
      open.pop();
      out.push('</node>');
    }
    indexAtDepth.length = depth + 1;
    const index = indexAtDepth[depth] ?? 0;
    indexAtDepth[depth] = index + 1;
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
    out.push(`<node ${attrs.map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ')}>`);
    open.push(depth);
  });
  while (open.pop() !== undefined) out.push('</node>');
  out.push('</hierarchy>');
  return out.join('');
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
