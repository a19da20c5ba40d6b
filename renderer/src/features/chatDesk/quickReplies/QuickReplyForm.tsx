// Create or edit one quick reply; the box's rules answer, and each refused field shows the box's message beside it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireQuickReply } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';
import { boxProblemsOf, fieldMessage, noProblems } from '../../../shared/errors.ts';
import type { BoxProblems } from '../../../shared/errors.ts';
import { useServices } from '../../../shared/services.ts';

export function QuickReplyForm({ boxId, reply, defaultCategory, onDone }: { boxId: string; reply: WireQuickReply | null; defaultCategory: string; onDone(): void }) {
  const { t } = useTranslation('chatDesk');
  const { links } = useServices();
  const [category, setCategory] = useState(reply?.category ?? defaultCategory);
  const [title, setTitle] = useState(reply?.title ?? '');
  const [text, setText] = useState(reply?.text ?? '');
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? '');
  const [problems, setProblems] = useState<BoxProblems>(noProblems);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const fields = { category, title: title.trim() || null, text, shortcut: shortcut.trim() || null };
    setSaving(true);
    try {
      const connection = links.require(boxId);
      if (reply) await connection.request({ type: 'updateQuickReply', replyId: reply.id, patch: fields });
      else await connection.request({ type: 'createQuickReply', reply: fields });
      onDone();
    } catch (error) {
      setProblems(boxProblemsOf(error));
    } finally {
      setSaving(false);
    }
  };
  const problem = (field: string) => {
    const message = fieldMessage(problems, field);
    return message ? <span className="field-problem" data-testid={`reply-problem-${field}`}>{message}</span> : null;
  };

  return (
    <form
      className="reply-form"
      data-testid="reply-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{reply ? t('replies.editTitle') : t('replies.createTitle')}</h3>
      <label>
        {t('replies.category')}
        <input value={category} onChange={(event) => setCategory(event.target.value)} data-testid="reply-category" />
        {problem('category')}
      </label>
      <label>
        {t('replies.replyTitle')}
        <input value={title} onChange={(event) => setTitle(event.target.value)} data-testid="reply-title" />
        {problem('title')}
      </label>
      <label>
        {t('replies.text')}
        <textarea value={text} rows={4} onChange={(event) => setText(event.target.value)} data-testid="reply-text" autoFocus />
        <span className="hint">{[...text].length} / 1000</span>
        {problem('text')}
      </label>
      <label>
        {t('replies.shortcut')}
        <input value={shortcut} onChange={(event) => setShortcut(event.target.value)} data-testid="reply-shortcut" />
        {problem('shortcut')}
      </label>
      {problems.general ? <p className="field-problem" data-testid="reply-problem">{problems.general}</p> : null}
      <footer>
        <button type="button" onClick={onDone}>{t('replies.cancel')}</button>
        <button type="submit" className="primary" disabled={saving} data-testid="reply-save">{t('replies.save')}</button>
      </footer>
    </form>
  );
}
