// One phone on the wall: live screen, device-book name and tags, needs-attention badge, box, state badge and the
// simulated mark; click takes it, Ctrl/Shift-click selects it into the group, a right-click on its name edits its
// book entry, and its outline says whether it leads, follows or failed in group control.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { selectTileState } from '../../shared/state/selectors.ts';
import { bookEntryOf } from '../chatDesk/deviceBook/deviceBookSlice.ts';
import { selectCurrentSelection } from '../groupControl/groupSelectors.ts';
import { AttentionBadge } from '../chatDesk/attention/AttentionBadge.tsx';
import { selectTileRole } from '../groupControl/groupSelectors.ts';
import { useGroupActions } from '../groupControl/useGroupActions.ts';
import { useAppState, useServices } from '../../shared/services.ts';
import { BusyOverlay } from '../posting/BusyOverlay.tsx';
import { PhoneScreen } from './PhoneScreen.tsx';
import { StateBadge } from '../../shared/ui/StateBadge.tsx';

export function PhoneTile({ device, boxName, index }: { device: WallDevice; boxName: string; index: number }) {
  const { t } = useTranslation();
  const { t: tt } = useTranslation('chatTools');
  const { t: td } = useTranslation('chatDesk');
  const { store, keyboard } = useServices();
  const group = useGroupActions();
  const selected = useAppState((state) => state.selectedKey === device.key);
  const role = useAppState((state) => selectTileRole(state, device.key));
  const failure = useAppState((state) => (role === 'failed' ? (state.followerFailures[device.key] ?? null) : null));
  const tile = useAppState(useShallow((state) => selectTileState(state, device)));
  const entry = useAppState((state) => bookEntryOf(state.deviceBooks, device.boxId, device.id));
  const name = entry?.name || device.model || device.serial;
  const since = useAppState((state) => state.attention[device.key] ?? null);
  const editBook = () => {
    const state = store.getState();
    const members = selectCurrentSelection(state).keys;
    state.openBookEditor(members.includes(device.key) && members.length > 1 ? members : [device.key]);
  };
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
      data-attention={since === null ? undefined : 'on'}
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
        {since !== null ? <AttentionBadge since={since} /> : null}
        <PhoneScreen device={device} profile="grid" live={tile.state === 'online'} wheelToPhone={selected} onPointerTaken={take} className="tile-canvas" />
        <BusyOverlay deviceKey={device.key} />
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
      <div
        className="tile-label"
        title={td('book.menuHint')}
        onContextMenu={(event) => {
          event.preventDefault();
          editBook();
        }}
      >
        <span className="tile-name" title={[name, entry?.name ? device.model : '', entry?.note ?? ''].filter(Boolean).join('\n')} data-testid="tile-name">
          {name}
        </span>
        {device.simulated ? <span className="sim-mark">{t('tile.simulated')}</span> : null}
        <button type="button" className="tile-book-edit icon" aria-label={td('book.edit')} title={td('book.edit')} onClick={editBook} data-testid="tile-book-edit">
          ✎
        </button>
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
