// One phone on the wall: live screen, book name and tags, box, state badge and the simulated mark, plus what the
// features contribute (classes and data attributes, overlays, name-bar tools and menu). A click takes the phone,
// Ctrl/Shift-click selects it into the group, double-click or Enter opens the focus view.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { bookEntryOf } from '../../shared/state/deviceBookSlice.ts';
import { selectTileState } from '../../shared/state/selectors.ts';
import { clickTile } from '../../shared/state/selectionGestures.ts';
import { useConsoleState, useServices } from '../../shared/services.ts';
import { DeviceSlot } from '../../shared/ui/FeatureSlot.tsx';
import { StateBadge } from '../../shared/ui/StateBadge.tsx';
import { PhoneScreen } from './PhoneScreen.tsx';
import { tileDecorationAttributes } from './tileDecorations.ts';

export function PhoneTile({ device, boxName, index }: { device: WallDevice; boxName: string; index: number }) {
  const { t } = useTranslation('wall');
  const { t: tc } = useTranslation();
  const { store, keyboard, features } = useServices();
  const selected = useConsoleState((state) => state.selectedKey === device.key);
  const tile = useConsoleState(useShallow((state) => selectTileState(state, device)));
  const entry = useConsoleState((state) => bookEntryOf(state.deviceBooks, device.boxId, device.id));
  const { className: contributedClasses, ...contributedData } = useConsoleState(useShallow((state) => tileDecorationAttributes(features, state, device)));
  const menuOwner = features.find((feature) => feature.tile?.nameBarMenu);
  const menu = menuOwner?.tile?.nameBarMenu;
  const name = entry?.name || device.model || device.serial;
  const aspect = device.width > 0 && device.height > 0 ? `${device.width} / ${device.height}` : '9 / 20';
  const take = () => {
    clickTile(store, device.key, { toggle: false, range: false });
    keyboard.focus();
  };
  return (
    <div
      className={['tile', selected ? 'tile-selected' : '', contributedClasses ?? ''].filter(Boolean).join(' ')}
      data-testid="tile"
      data-device-id={device.id}
      data-key={device.key}
      data-index={index}
      {...contributedData}
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && event.key === 'Enter') store.getState().openFocus(device.key);
      }}
      onPointerDownCapture={(event) => {
        // A selection gesture never reaches the phone as a touch.
        if (event.button !== 0 || !(event.ctrlKey || event.metaKey || event.shiftKey)) return;
        event.preventDefault();
        event.stopPropagation();
        clickTile(store, device.key, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
        keyboard.focus();
      }}
      onDoubleClick={(event) => {
        if (!(event.ctrlKey || event.metaKey || event.shiftKey)) store.getState().openFocus(device.key);
      }}
    >
      <div className="tile-screen" style={{ aspectRatio: aspect }}>
        <PhoneScreen device={device} profile="grid" live={tile.state === 'online'} wheelToPhone={selected} onPointerTaken={take} className="tile-canvas" />
        {tile.state !== 'online' ? (
          <div className="tile-overlay">
            <strong>{tc(`state.${tile.state}`)}</strong>
            {tile.reason ? <span className="tile-reason">{tc(`reason.${tile.reason}`, { defaultValue: tile.reason })}</span> : null}
          </div>
        ) : null}
        <DeviceSlot pick={(feature) => feature.tile?.Overlay} device={device} />
      </div>
      <div
        className="tile-label"
        title={menu && menuOwner ? tc(menu.hintKey, { ns: menuOwner.id }) : undefined}
        onContextMenu={(event) => {
          if (!menu) return;
          event.preventDefault();
          menu.open(store, device);
        }}
      >
        <span className="tile-name" title={[name, entry?.name ? device.model : '', entry?.note ?? ''].filter(Boolean).join('\n')} data-testid="tile-name">
          {name}
        </span>
        {device.simulated ? <span className="sim-mark">{t('tile.simulated')}</span> : null}
        <DeviceSlot pick={(feature) => feature.tile?.NameBarTools} device={device} />
      </div>
      {entry && entry.tags.length > 0 ? (
        <div className="tile-tags" data-testid="tile-tags">
          {entry.tags.map((tag) => (
            <span key={tag} className="tag-chip" data-testid="tile-tag">#{tag}</span>
          ))}
        </div>
      ) : null}
      <div className="tile-meta">
        <span className="tile-box" title={`${device.serial} · ${boxName}`}>
          {device.serial} · {boxName}
        </span>
        <StateBadge state={tile.state} reason={tile.reason} />
      </div>
    </div>
  );
}
