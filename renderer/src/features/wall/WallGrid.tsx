// The wall: the current page of filtered phones as tiles at the chosen size, with page controls for 100+ phones;
// a rectangle dragged on its background selects tiles.
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleState, useServices } from '../../shared/services.ts';
import { selectWallPage } from '../../shared/state/selectors.ts';
import { PhoneTile } from './PhoneTile.tsx';
import { useRectangleSelection } from './useRectangleSelection.ts';
import './wall.css';

export function WallGrid() {
  const { t } = useTranslation('wall');
  const { t: tc } = useTranslation();
  const { store } = useServices();
  const devices = useConsoleState((state) => state.devices);
  const boxOrder = useConsoleState((state) => state.boxOrder);
  const boxes = useConsoleState((state) => state.boxes);
  const filter = useConsoleState((state) => state.filter);
  const page = useConsoleState((state) => state.page);
  const tileWidth = useConsoleState((state) => state.tileWidth);
  const deviceBooks = useConsoleState((state) => state.deviceBooks);
  const attention = useConsoleState((state) => state.attention);
  const attentionFirst = useConsoleState((state) => state.attentionFirst);
  const wall = useMemo(
    () => selectWallPage({ devices, boxOrder, filter, page, deviceBooks, attention, attentionFirst }),
    [devices, boxOrder, filter, page, deviceBooks, attention, attentionFirst],
  );
  const gridRef = useRef<HTMLDivElement | null>(null);
  const rectangle = useRectangleSelection(gridRef);

  if (wall.total === 0) {
    return <div className="wall-empty">{filter.trim() ? t('tile.noMatch', { filter: filter.trim() }) : t('tile.noDevices')}</div>;
  }
  const boxName = (boxId: string) => {
    const box = boxes[boxId];
    if (!box) return boxId;
    return box.embedded ? tc('box.embedded') : box.name || box.url;
  };
  return (
    <div className="wall" onPointerDown={rectangle.onPointerDown}>
      <div className="wall-grid" ref={gridRef} style={{ gridTemplateColumns: `repeat(auto-fill, ${tileWidth}px)` }} data-testid="wall-grid">
        {wall.devices.map((device, index) => (
          <PhoneTile key={device.key} device={device} boxName={boxName(device.boxId)} index={index} />
        ))}
      </div>
      {wall.pageCount > 1 ? (
        <nav className="pager">
          <button type="button" disabled={wall.page === 0} onClick={() => store.getState().setPage(wall.page - 1)}>
            {t('toolbar.prev')}
          </button>
          <span>{t('toolbar.page', { page: wall.page + 1, count: wall.pageCount })}</span>
          <button type="button" disabled={wall.page >= wall.pageCount - 1} onClick={() => store.getState().setPage(wall.page + 1)}>
            {t('toolbar.next')}
          </button>
        </nav>
      ) : null}
      {rectangle.rect ? (
        <div
          className="selection-rect"
          data-testid="selection-rect"
          style={{ left: rectangle.rect.left, top: rectangle.rect.top, width: rectangle.rect.right - rectangle.rect.left, height: rectangle.rect.bottom - rectangle.rect.top }}
        />
      ) : null}
    </div>
  );
}
