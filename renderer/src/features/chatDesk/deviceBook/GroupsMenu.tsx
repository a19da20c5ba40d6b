// Saved groups of the device book on the wall: pick one to select its phones, save the selection, delete a group.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../../../shared/errors.ts';
import { useConsoleState, useServices } from '../../../shared/services.ts';
import { deviceKey } from '../../../shared/state/boxesSlice.ts';
import { selectCurrentSelection, selectSelectedKeys } from '../../../shared/state/selectors.ts';
import { selectActiveBoxId } from '../activeBox.ts';
import './deviceBook.css';

export function GroupsMenu() {
  const { t } = useTranslation('chatDesk');
  const { store, links } = useServices();
  const boxId = useConsoleState(selectActiveBoxId);
  const groups = useConsoleState((state) => (boxId ? (state.deviceBooks[boxId]?.groups ?? null) : null));
  const selectedCount = useConsoleState((state) => selectSelectedKeys(state).length);
  const [picked, setPicked] = useState('');
  const [naming, setNaming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  if (!boxId || !groups) return null;
  const connection = () => links.require(boxId);
  const fail = (error: unknown) => setMessage({ text: errorMessageOf(error), tone: 'error' });

  const selectGroup = async (groupId: string) => {
    setPicked(groupId);
    setMessage(null);
    if (!groupId) return;
    try {
      const result = await connection().request({ type: 'selectDevices', groupIds: [groupId] });
      const devices = store.getState().devices;
      const keys = result.deviceIds.map((id) => deviceKey(boxId, id)).filter((key) => key in devices);
      const name = groups.find((group) => group.id === groupId)?.name ?? '';
      if (keys.length === 0) {
        setMessage({ text: t('groups.empty'), tone: 'info' });
        return;
      }
      store.getState().setSelection({ keys, anchor: keys[0]!, leader: keys[0]! });
      setMessage({ text: t('groups.selected', { name, count: keys.length }), tone: 'info' });
    } catch (error) {
      fail(error);
    }
  };

  const saveGroup = async (name: string) => {
    const deviceIds = selectCurrentSelection(store.getState())
      .keys.flatMap((key) => {
        const device = store.getState().devices[key];
        return device && device.boxId === boxId ? [device.id] : [];
      });
    try {
      await connection().request({ type: 'updateDeviceBook', groups: [{ name: name.trim(), deviceIds }] });
      setNaming(null);
      setMessage(null);
    } catch (error) {
      fail(error);
    }
  };

  const deleteGroup = async () => {
    const group = groups.find((candidate) => candidate.id === picked);
    if (!group || !window.confirm(t('groups.deleteConfirm', { name: group.name }))) return;
    try {
      await connection().request({ type: 'updateDeviceBook', deleteGroups: [group.id] });
      setPicked('');
      setMessage(null);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <span className="groups-menu" role="group" aria-label={t('groups.label')}>
      <select value={picked} onChange={(event) => void selectGroup(event.target.value)} aria-label={t('groups.label')} data-testid="group-pick">
        <option value="">{t('groups.pick')}</option>
        {groups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name} ({group.deviceIds.length})
          </option>
        ))}
      </select>
      {picked ? (
        <button type="button" onClick={() => void deleteGroup()} data-testid="group-delete">{t('groups.delete')}</button>
      ) : null}
      {naming === null ? (
        <button type="button" disabled={selectedCount === 0} onClick={() => setNaming('')} data-testid="group-save">{t('groups.saveAs')}</button>
      ) : (
        <form
          className="group-name-form"
          onSubmit={(event) => {
            event.preventDefault();
            void saveGroup(naming);
          }}
        >
          <input
            value={naming}
            autoFocus
            placeholder={t('groups.namePlaceholder')}
            data-testid="group-name"
            onChange={(event) => setNaming(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setNaming(null);
            }}
          />
          <button type="submit" className="primary" data-testid="group-name-ok">{t('book.save')}</button>
        </form>
      )}
      {message ? <span className={`groups-message groups-message-${message.tone}`} data-testid="group-message">{message.text}</span> : null}
    </span>
  );
}
