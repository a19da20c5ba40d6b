// Which phones are selected on the wall: Ctrl/Cmd-click toggles, Shift-click takes a range, a rectangle takes the
// tiles it touches. Pure functions over tile keys in wall order.

export interface Selection {
  /** Selected tile keys in the order they were selected. */
  keys: string[];
  /** Where the next Shift-click range starts. */
  anchor: string | null;
  /** The phone being worked: the one whose input the others follow. */
  leader: string | null;
}

export interface ClickModifiers {
  toggle: boolean;
  range: boolean;
}

export const emptySelection: Selection = { keys: [], anchor: null, leader: null };

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

/**
 * A click on a tile. Plain: take it, keeping the group when it is part of it. Ctrl/Cmd: add or remove it. Shift:
 * the range from the anchor to it in wall order (added to the group when Ctrl/Cmd is also held).
 */
export function clickSelection(current: Selection, clicked: string, modifiers: ClickModifiers, order: readonly string[]): Selection {
  if (modifiers.range && current.anchor !== null && order.includes(current.anchor) && order.includes(clicked)) {
    const from = order.indexOf(current.anchor);
    const to = order.indexOf(clicked);
    const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
    const keys = unique(modifiers.toggle ? [...current.keys, ...range] : range);
    return { keys, anchor: current.anchor, leader: current.leader !== null && keys.includes(current.leader) ? current.leader : clicked };
  }
  if (modifiers.toggle || modifiers.range) {
    if (current.keys.includes(clicked)) {
      const keys = current.keys.filter((key) => key !== clicked);
      const leader = current.leader === clicked ? (keys[0] ?? null) : current.leader;
      return { keys, anchor: clicked, leader };
    }
    const keys = [...current.keys, clicked];
    return { keys, anchor: clicked, leader: current.leader !== null && current.keys.includes(current.leader) ? current.leader : clicked };
  }
  if (current.keys.includes(clicked)) return { keys: current.keys, anchor: clicked, leader: clicked };
  return { keys: [clicked], anchor: clicked, leader: clicked };
}

/** Every key in `visible` (Ctrl+A selects the filtered wall); the leader stays when it is among them. */
export function selectAllVisible(current: Selection, visible: readonly string[]): Selection {
  const keys = [...visible];
  const leader = current.leader !== null && keys.includes(current.leader) ? current.leader : (keys[0] ?? null);
  return { keys, anchor: keys[0] ?? null, leader };
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A rectangle from two corners, whatever direction the drag went. */
export function rectFromPoints(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y) };
}

export function rectsTouch(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The tiles a dragged rectangle touches, in wall order. */
export function tilesInRect(tiles: readonly { key: string; rect: Rect }[], area: Rect): string[] {
  return tiles.filter((tile) => rectsTouch(tile.rect, area)).map((tile) => tile.key);
}

/** The result of a rectangle drag: replaces the group, or adds to it with Ctrl/Cmd held. */
export function rectangleSelection(current: Selection, touched: readonly string[], additive: boolean): Selection {
  const keys = unique(additive ? [...current.keys, ...touched] : [...touched]);
  if (keys.length === 0) return additive ? current : emptySelection;
  const leader = current.leader !== null && keys.includes(current.leader) ? current.leader : (keys[0] ?? null);
  return { keys, anchor: touched[0] ?? current.anchor, leader };
}
