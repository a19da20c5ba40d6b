// One phone on the wall: live screen, name, box, state badge and the simulated mark; click takes it, Ctrl/Shift-click
// selects it into the group, and its outline says whether it leads, follows or failed in group control.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { WallDevice } from '../state/boxesSlice.ts';
import { selectTileState } from '../state/selectors.ts';
import { selectTileRole } from '../groupControl/groupSelectors.ts';
import { useGroupActions } from '../groupControl/useGroupActions.ts';
import { useAppState, useServices } from './consoleServices.ts';
import { PhoneScreen } from './PhoneScreen.tsx';
import { StateBadge } from './StateBadge.tsx';

export function PhoneTile({ device, boxName, index }: { device: WallDevice; boxName: string; index: number }) {
  const { t } = useTranslation();
  const { t: tt } = useTranslation('chatTools');
  const { store, keyboard } = useServices();
  const group = useGroupActions();
  const selected = useAppState((state) => state.selectedKey === device.key);
  const role = useAppState((state) => selectTileRole(state, device.key));
  const failure = useAppState((state) => (role === 'failed' ? (state.followerFailures[device.key] ?? null) : null));
  const tile = useAppState(useShallow((state) => selectTileState(state, device)));
  const aspect = device.width > 0 && device.height > 0 ? `${device.width} / ${device.height}` : '9 / 20';
  const take = () => {
    group.click(device.key, { toggle: false, range: false });
    keyboard.focus();
  };
  return (
    <div
      className={`tile${selected ? ' tile-selected' : ''}${role === 'none' ? '' : ` tile-group-${role}`}`}
      data-testid="tile"
      data-device-id={device.id}
      data-key={device.key}
      data-group-role={role}
      data-index={index}
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && event.key === 'Enter') store.getState().openFocus(device.key);
      }}
      onPointerDownCapture={(event) => {
        // A selection gesture never reaches the phone as a touch.
        if (event.button !== 0 || !(event.ctrlKey || event.metaKey || event.shiftKey)) return;
        event.preventDefault();
        event.stopPropagation();
        group.click(device.key, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
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
            <strong>{t(`state.${tile.state}`)}</strong>
            {tile.reason ? <span className="tile-reason">{t(`reason.${tile.reason}`, { defaultValue: tile.reason })}</span> : null}
          </div>
        ) : null}
        {failure ? (
          <div className="tile-group-failure" data-testid="tile-follower-failed">
            {tt('sync.failed', { reason: tt(`failure.${failure}`, { defaultValue: failure }) })}
          </div>
        ) : null}
      </div>
      <div className="tile-label">
        <span className="tile-name" title={device.model || device.serial} data-testid="tile-name">
          {device.model || device.serial}
        </span>
        {device.simulated ? <span className="sim-mark">{t('tile.simulated')}</span> : null}
      </div>
      <div className="tile-meta">
        <span className="tile-box" title={`${device.serial} · ${boxName}`}>
          {device.serial} · {boxName}
        </span>
        <StateBadge state={tile.state} reason={tile.reason} />
      </div>
    </div>
  );
}
