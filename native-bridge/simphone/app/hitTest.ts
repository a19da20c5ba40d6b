// Finds the view a touch lands on: the topmost visible view with a tap (or long-press) action under the point.
import type { Rect } from '../types.ts';
import type { UiAction, ViewNode } from './viewNode.ts';
import { contains, walkVisible } from './viewNode.ts';

export interface Hit {
  node: ViewNode;
  visible: Rect;
}

/** Later siblings are drawn on top, so the last matching view in drawing order wins. */
export function hitTest(root: ViewNode, x: number, y: number, want: 'tap' | 'longPress' = 'tap'): Hit | null {
  let hit: Hit | null = null;
  walkVisible(root, (node, visible) => {
    if (!contains(visible, x, y)) return;
    const action: UiAction | undefined = want === 'tap' ? node.onTap : (node.onLongPress ?? node.onTap);
    if (action !== undefined) hit = { node, visible };
  });
  return hit;
}

/** The innermost visible scrollable view under the point. */
export function scrollableAt(root: ViewNode, x: number, y: number): ViewNode | null {
  let found: ViewNode | null = null;
  walkVisible(root, (node, visible) => {
    if (node.scroll !== undefined && contains(visible, x, y)) found = node;
  });
  return found;
}
