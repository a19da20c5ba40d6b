// The one view model of a screen: views with ids, text, bounds and paint; drawing, hit testing and the UI dump all read it.
import type { Rect } from '../types.ts';
import type { AppScreen, FieldId } from './appState.ts';

/** What a tap (or long press) on a view does, as data; the app applies it. */
export type UiAction =
  | { type: 'launchApp' }
  | { type: 'resumeApp' }
  | { type: 'goHome' }
  | { type: 'back' }
  | { type: 'switchTab'; screen: AppScreen }
  | { type: 'openChat'; chatId: string }
  | { type: 'openMoments' }
  | { type: 'openCameraSheet' }
  | { type: 'openGalleryPicker' }
  | { type: 'dismissOverlay' }
  | { type: 'toggleGalleryImage'; path: string }
  | { type: 'finishPicking' }
  | { type: 'publish' }
  | { type: 'focusField'; field: FieldId }
  | { type: 'sendMessage' }
  | { type: 'messageMenu'; chatId: string; messageIndex: number }
  | { type: 'copyMessage'; chatId: string; messageIndex: number }
  /** Consumes the tap (a view that a real app would handle with something out of scope here). */
  | { type: 'none' };

export type IconName =
  | 'back' | 'close' | 'camera' | 'plus' | 'search' | 'more' | 'chat' | 'contacts' | 'discover' | 'me'
  | 'moments' | 'bubble' | 'gallery' | 'settings' | 'browser' | 'clock' | 'battery' | 'location' | 'person';

export interface TextPaint {
  lines: string[];
  size: number;
  color: string;
  bold?: boolean;
  align: 'left' | 'center' | 'right';
  valign: 'top' | 'middle';
  lineHeight: number;
  padX: number;
  padY: number;
}

export interface Paint {
  fill?: string;
  /** A vertical gradient (top → bottom) drawn instead of `fill`. */
  gradient?: [string, string];
  radius?: number;
  circle?: boolean;
  stroke?: string;
  strokeWidth?: number;
  label?: TextPaint;
  icon?: { name: IconName; color: string; size: number };
  /** A gallery image path, drawn as a centre-cropped thumbnail. */
  image?: string;
  /** A caret inside a text field, in physical pixels. */
  caret?: Rect & { color: string };
  /** Another screen's view tree (laid out at width×height) drawn scaled into this view, clipped to its shape. */
  snapshot?: { root: ViewNode; width: number; height: number };
  /** A chat bubble's little pointer towards the avatar: side, size and distance of its tip from the top. */
  tail?: { side: 'left' | 'right'; size: number; top: number };
  /** A 1-px-ish line along the bottom edge, inset from the left. */
  divider?: { color: string; inset: number; width: number };
}

export interface ScrollInfo {
  key: string;
  /** Chat histories keep their offset from the bottom so new messages stay in view. */
  fromBottom: boolean;
  max: number;
}

export interface ViewNode {
  id: string;
  className: string;
  packageName: string;
  bounds: Rect;
  text?: string;
  description?: string;
  onTap?: UiAction;
  onLongPress?: UiAction;
  scroll?: ScrollInfo;
  /** Children are clipped to this view's bounds (scrolling lists). */
  clip?: boolean;
  enabled?: boolean;
  focused?: boolean;
  selected?: boolean;
  paint?: Paint;
  children: ViewNode[];
}

export const ViewClass = {
  Frame: 'android.widget.FrameLayout',
  Linear: 'android.widget.LinearLayout',
  Text: 'android.widget.TextView',
  Button: 'android.widget.Button',
  Image: 'android.widget.ImageView',
  Edit: 'android.widget.EditText',
  List: 'androidx.recyclerview.widget.RecyclerView',
  View: 'android.view.View',
} as const;

export function rect(x: number, y: number, width: number, height: number): Rect {
  return { x, y, width, height };
}

export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && y >= r.y && x < r.x + r.width && y < r.y + r.height;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  return x2 > x1 && y2 > y1 ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : null;
}

export function center(r: Rect): { x: number; y: number } {
  return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
}

/** Depth-first walk with each view's visible bounds (clipped by scrolling ancestors); skips views fully clipped. */
export function walkVisible(
  root: ViewNode,
  visit: (node: ViewNode, visible: Rect, depth: number) => void,
  clipRect: Rect = root.bounds,
  depth = 0,
): void {
  const visible = intersect(root.bounds, clipRect);
  if (visible === null) return;
  visit(root, visible, depth);
  const childClip = root.clip === true ? visible : clipRect;
  for (const child of root.children) walkVisible(child, visit, childClip, depth + 1);
}

/** Finds a visible view by id, with its visible bounds. */
export function findView(root: ViewNode, id: string): { node: ViewNode; visible: Rect } | null {
  let found: { node: ViewNode; visible: Rect } | null = null;
  walkVisible(root, (node, visible) => {
    if (found === null && node.id === id) found = { node, visible };
  });
  return found;
}
