// Drag a rectangle on the wall's background to select the tiles it touches (Ctrl/Cmd held: add to the group).
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useServices } from '../../shared/services.ts';
import { selectCurrentSelection } from '../../shared/state/selectors.ts';
import { rectangleSelection, rectFromPoints, tilesInRect } from '../../shared/state/selection.ts';
import type { Rect, Selection } from '../../shared/state/selection.ts';

/** Pointer travel before a press on the background counts as a drag (a click selects nothing). */
const dragThresholdPx = 4;

interface Drag {
  start: { x: number; y: number };
  base: Selection;
  additive: boolean;
  touched: string;
  pointerId: number;
}

export function useRectangleSelection(grid: RefObject<HTMLElement | null>): { rect: Rect | null; onPointerDown(event: React.PointerEvent<HTMLElement>): void } {
  const { store, keyboard } = useServices();
  const [rect, setRect] = useState<Rect | null>(null);
  const drag = useRef<Drag | null>(null);

  useEffect(() => {
    const onMove = (event: PointerEvent) => {
      const current = drag.current;
      if (!current || event.pointerId !== current.pointerId) return;
      const area = rectFromPoints(current.start, { x: event.clientX, y: event.clientY });
      if (area.right - area.left < dragThresholdPx && area.bottom - area.top < dragThresholdPx) return;
      setRect(area);
      const tiles = [...(grid.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].map((element) => {
        const box = element.getBoundingClientRect();
        return { key: element.dataset.key ?? '', rect: { left: box.left, top: box.top, right: box.right, bottom: box.bottom } };
      });
      const touched = tilesInRect(tiles, area);
      const signature = touched.join('\n');
      if (signature === current.touched) return;
      current.touched = signature;
      store.getState().setSelection(rectangleSelection(current.base, touched, current.additive));
    };
    const onUp = (event: PointerEvent) => {
      if (!drag.current || event.pointerId !== drag.current.pointerId) return;
      const dragged = drag.current.touched !== '';
      drag.current = null;
      setRect(null);
      if (dragged) keyboard.focus();
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onUp);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onUp);
    };
  }, [grid, store, keyboard]);

  return {
    rect,
    onPointerDown(event) {
      if (event.button !== 0 || !(event.target instanceof Element)) return;
      // Only the background: tiles, buttons and the pager keep their own clicks.
      if (event.target.closest('[data-key], button, input, nav, a')) return;
      event.preventDefault();
      drag.current = {
        start: { x: event.clientX, y: event.clientY },
        base: selectCurrentSelection(store.getState()),
        additive: event.ctrlKey || event.metaKey,
        touched: '',
        pointerId: event.pointerId,
      };
    },
  };
}
