// The device-book dialog: name, note and tags of one phone, or tags added/removed on every selected phone at once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boxProblemsOf, fieldMessage, noProblems } from '../../../shared/errors.ts';
import type { BoxProblems } from '../../../shared/errors.ts';
import { useServices } from '../../../shared/services.ts';
import type { WallDevice } from '../../../shared/state/boxesSlice.ts';
import { bookEntryOf } from '../../../shared/state/deviceBookSlice.ts';
import { deviceDisplayName } from '../../../shared/state/selectors.ts';
import { useChatDeskState, useChatDeskStore } from '../chatDeskStore.ts';
import { batchTagPatches, parseTags, tagsOf } from './bookEdits.ts';
import type { EntryPatch } from './bookEdits.ts';
import '../chatDesk.css';
import './deviceBook.css';

function FieldProblem({ problems, field }: { problems: BoxProblems; field: string }) {
  const message = fieldMessage(problems, field);
  return message ? <span className="field-problem" data-testid={`book-problem-${field}`}>{message}</span> : null;
}

function Editor({ devices, onClose }: { devices: WallDevice[]; onClose(): void }) {
  const { t } = useTranslation('chatDesk');
  const { links } = useServices();
  const books = useChatDeskState((state) => state.deviceBooks);
  const single = devices.length === 1 ? devices[0]! : null;
  const entry = single ? bookEntryOf(books, single.boxId, single.id) : null;
  const [name, setName] = useState(entry?.name ?? '');
  const [note, setNote] = useState(entry?.note ?? '');
  const [tags, setTags] = useState((entry?.tags ?? []).join(', '));
  const [addTags, setAddTags] = useState('');
  const [removeTags, setRemoveTags] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<BoxProblems>(noProblems);
  const existingTags = single ? [] : tagsOf(devices, books);
  // On the window, so Esc closes the dialog wherever the focus went after a click inside it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      event.preventDefault();
      event.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const save = async () => {
    const byBox = single
      ? new Map<string, EntryPatch[]>([[single.boxId, [{ deviceId: single.id, name: name.trim(), note, tags: parseTags(tags) }]]])
      : batchTagPatches(devices, books, parseTags(addTags), removeTags);
    if (saving) return;
    setSaving(true);
    try {
      for (const [boxId, entries] of byBox) {
        await links.require(boxId).request({ type: 'updateDeviceBook', entries });
      }
      onClose();
    } catch (error) {
      setProblems(boxProblemsOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="book-dialog"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{single ? t('book.editTitle', { name: deviceDisplayName({ deviceBooks: books }, single) }) : t('book.editManyTitle', { count: devices.length })}</h2>
      {single ? (
        <>
          <label>
            {t('book.name')}
            <input value={name} onChange={(event) => setName(event.target.value)} data-testid="book-name" autoFocus />
            <FieldProblem problems={problems} field="name" />
          </label>
          <label>
            {t('book.tags')}
            <input value={tags} onChange={(event) => setTags(event.target.value)} data-testid="book-tags" />
            <FieldProblem problems={problems} field="tags" />
          </label>
          <label>
            {t('book.note')}
            <textarea value={note} rows={4} onChange={(event) => setNote(event.target.value)} data-testid="book-note" />
            <FieldProblem problems={problems} field="note" />
          </label>
        </>
      ) : (
        <>
          <label>
            {t('book.addTags')}
            <input value={addTags} onChange={(event) => setAddTags(event.target.value)} data-testid="book-add-tags" autoFocus />
            <FieldProblem problems={problems} field="tags" />
          </label>
          {existingTags.length > 0 ? (
            <fieldset className="book-remove-tags">
              <legend>{t('book.removeTags')}</legend>
              {existingTags.map((tag) => (
                <button
                  key={tag}
                  type="button"
                  className={`tag-chip${removeTags.includes(tag) ? ' tag-chip-removed' : ''}`}
                  aria-pressed={removeTags.includes(tag)}
                  data-testid="book-remove-tag"
                  onClick={() => setRemoveTags((current) => (current.includes(tag) ? current.filter((other) => other !== tag) : [...current, tag]))}
                >
                  #{tag}
                </button>
              ))}
            </fieldset>
          ) : null}
        </>
      )}
      {problems.general ? <p className="field-problem" data-testid="book-problem">{problems.general}</p> : null}
      <footer>
        <button type="button" onClick={onClose}>{t('book.cancel')}</button>
        <button type="submit" className="primary" aria-busy={saving} data-testid="book-save">
          {saving ? t('book.saving') : t('book.save')}
        </button>
      </footer>
    </form>
  );
}

export function BookEditDialog() {
  const store = useChatDeskStore();
  const keys = useChatDeskState((state) => state.bookEditKeys);
  const devices = useChatDeskState((state) => state.devices);
  if (!keys) return null;
  const chosen = keys.flatMap((key) => (devices[key] ? [devices[key]] : []));
  if (chosen.length === 0) return null;
  return (
    <div className="book-backdrop" role="dialog" aria-modal="true" data-testid="book-dialog">
      <Editor key={keys.join('|')} devices={chosen} onClose={() => store.getState().closeBookEditor()} />
    </div>
  );
}
