// The quick-reply side panel (话术库): categories, search, the list in order (drag or up/down), edit, send, transfer.
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireQuickReply } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';
import { useServices } from '../../../shared/services.ts';
import { selectActiveBoxId } from '../activeBox.ts';
import { useChatDeskState, useChatDeskStore } from '../chatDeskStore.ts';
import { QuickReplyForm } from './QuickReplyForm.tsx';
import { selectActiveReplies } from './quickRepliesSlice.ts';
import { ReplyAction } from './replySender.ts';
import { matchReplies, replyCategories, reorderedIds } from './replyMatching.ts';
import { ReplyTransfer } from './ReplyTransfer.tsx';
import { useReplySending } from './useReplySending.ts';
import '../chatDesk.css';
import './quickReplies.css';

/** The panel starts under the console's top bar, whose height changes with the window width (it wraps). */
function useTopBarBottom(open: boolean): number {
  const [bottom, setBottom] = useState(0);
  useLayoutEffect(() => {
    const bar = open ? document.querySelector('.topbar') : null;
    if (!bar) return;
    const update = () => setBottom(bar.getBoundingClientRect().bottom);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    return () => observer.disconnect();
  }, [open]);
  return bottom;
}

export function QuickRepliesPanel() {
  const { t } = useTranslation('chatDesk');
  const { links } = useServices();
  const store = useChatDeskStore();
  const open = useChatDeskState((state) => state.quickPanelOpen);
  const boxId = useChatDeskState(selectActiveBoxId);
  const replies = useChatDeskState(selectActiveReplies);
  const [category, setCategory] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<WireQuickReply | 'new' | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const sending = useReplySending();
  const top = useTopBarBottom(open);
  if (!open || !boxId) return null;

  const categories = replyCategories(replies);
  const inCategory = category && categories.includes(category) ? replies.filter((reply) => reply.category === category) : replies;
  const shown = query.trim() ? matchReplies(inCategory, query, 200) : inCategory;
  const reorder = (id: string, toIndex: number) => {
    const ids = reorderedIds(replies, id, toIndex);
    if (ids) void links.get(boxId)?.request({ type: 'reorderQuickReplies', ids }).catch(() => undefined);
  };
  const indexInCategory = (reply: WireQuickReply) => replies.filter((other) => other.category === reply.category).findIndex((other) => other.id === reply.id);
  const remove = (reply: WireQuickReply) => {
    if (window.confirm(t('replies.deleteConfirm'))) void links.get(boxId)?.request({ type: 'deleteQuickReply', replyId: reply.id }).catch(() => undefined);
  };

  return (
    <aside className="replies-panel" style={{ top }} aria-label={t('replies.title')} data-testid="replies-panel">
      <header className="replies-header">
        <h2>{t('replies.title')}</h2>
        <span className="hint">{t('replies.shortcutHint')}</span>
        <button type="button" className="close" onClick={() => store.getState().toggleQuickPanel(false)} aria-label={t('replies.close')}>×</button>
      </header>
      <input
        type="search"
        className="replies-search"
        value={query}
        placeholder={t('replies.search')}
        aria-label={t('replies.search')}
        data-testid="replies-search"
        onChange={(event) => setQuery(event.target.value)}
      />
      <nav className="replies-categories" aria-label={t('replies.category')}>
        {[null, ...categories].map((name) => (
          <button key={name ?? ''} type="button" className={category === name ? 'active' : ''} onClick={() => setCategory(name)} data-testid="replies-category">
            {name ?? t('replies.all')}
          </button>
        ))}
      </nav>
      {editing ? (
        <QuickReplyForm
          boxId={boxId}
          reply={editing === 'new' ? null : editing}
          defaultCategory={category ?? categories[0] ?? ''}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="primary replies-add" onClick={() => setEditing('new')} data-testid="reply-add">{t('replies.add')}</button>
      )}
      {sending.status ? <p className={`replies-status replies-status-${sending.status.tone}`} data-testid="replies-status">{sending.status.text}</p> : null}
      <ol className="replies-list" data-testid="replies-list">
        {shown.length === 0 ? <li className="hint">{replies.length === 0 ? t('replies.empty') : t('replies.noMatch')}</li> : null}
        {shown.map((reply) => (
          <li
            key={reply.id}
            className={`reply-item${dragged === reply.id ? ' reply-dragged' : ''}`}
            data-testid="reply-item"
            data-reply-id={reply.id}
            draggable={!query.trim()}
            onDragStart={() => setDragged(reply.id)}
            onDragEnd={() => setDragged(null)}
            onDragOver={(event) => {
              if (dragged && replies.find((other) => other.id === dragged)?.category === reply.category) event.preventDefault();
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragged) reorder(dragged, indexInCategory(reply));
              setDragged(null);
            }}
          >
            <div className="reply-head">
              {reply.title ? <strong className="reply-title">{reply.title}</strong> : null}
              {reply.shortcut ? <code className="reply-shortcut">{reply.shortcut}</code> : null}
              <span className="reply-category">{reply.category}</span>
            </div>
            <p className="reply-text" data-testid="reply-text-shown">{reply.text}</p>
            <div className="reply-actions">
              <button type="button" disabled={!sending.canSend} onClick={() => sending.send(reply.text, ReplyAction.insert)} data-testid="reply-insert">{t('replies.insert')}</button>
              <button type="button" className="primary" disabled={!sending.canSend} onClick={() => sending.send(reply.text, ReplyAction.send)} data-testid="reply-send">{t('replies.send')}</button>
              {sending.canSendAll ? (
                <button type="button" onClick={() => sending.send(reply.text, ReplyAction.sendAll)} data-testid="reply-send-all">{t('replies.sendAll')}</button>
              ) : null}
              <span className="reply-tools">
                <button type="button" className="icon" title={t('replies.up')} aria-label={t('replies.up')} onClick={() => reorder(reply.id, indexInCategory(reply) - 1)} data-testid="reply-up">↑</button>
                <button type="button" className="icon" title={t('replies.down')} aria-label={t('replies.down')} onClick={() => reorder(reply.id, indexInCategory(reply) + 1)} data-testid="reply-down">↓</button>
                <button type="button" className="icon" onClick={() => setEditing(reply)} data-testid="reply-edit">{t('replies.edit')}</button>
                <button type="button" className="icon" onClick={() => remove(reply)} data-testid="reply-delete">{t('replies.delete')}</button>
              </span>
            </div>
          </li>
        ))}
      </ol>
      <ReplyTransfer boxId={boxId} />
      <p className="hint">{t('replies.clipboardNote')}</p>
    </aside>
  );
}
