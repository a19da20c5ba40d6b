// The keyboard palette (Ctrl+K): type words or a /shortcut, arrows to move, Enter sends to the selected phone.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireQuickReply } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';
import { useChatDeskState, useChatDeskStore } from '../chatDeskStore.ts';
import { selectActiveReplies } from './quickRepliesSlice.ts';
import { ReplyAction } from './replySender.ts';
import { matchReplies } from './replyMatching.ts';
import { useReplySending } from './useReplySending.ts';

/** Ctrl/⌘+K opens the palette, Alt+Q shows or hides the panel; both work while the phone keyboard is captured. */
export function useQuickReplyShortcuts(): void {
  const store = useChatDeskStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const key = event.key.toLowerCase();
      const command = event.ctrlKey || event.metaKey;
      if (command && !event.shiftKey && !event.altKey && key === 'k') store.getState().setPaletteOpen(true);
      else if (event.altKey && !command && (key === 'q' || event.code === 'KeyQ')) store.getState().toggleQuickPanel();
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store]);
}

function Palette({ replies, onClose }: { replies: WireQuickReply[]; onClose(): void }) {
  const { t } = useTranslation('chatDesk');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const sending = useReplySending();
  const matches = matchReplies(replies, query, 30);
  const current = matches[Math.min(active, matches.length - 1)];
  const pick = (reply: WireQuickReply | undefined, action: ReplyAction) => {
    if (!reply) return;
    if (action === ReplyAction.sendAll && !sending.canSendAll) return;
    sending.send(reply.text, action);
    onClose();
  };
  return (
    <div className="palette" role="dialog" aria-label={t('palette.title')} data-testid="reply-palette">
      <input
        autoFocus
        value={query}
        placeholder={t('palette.placeholder')}
        aria-label={t('palette.title')}
        data-testid="palette-input"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          if (event.key === 'Escape') onClose();
          else if (event.key === 'ArrowDown') setActive((index) => Math.min(matches.length - 1, index + 1));
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(0, index - 1));
          else if (event.key === 'Enter') pick(current, event.ctrlKey || event.metaKey ? ReplyAction.sendAll : event.shiftKey ? ReplyAction.insert : ReplyAction.send);
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
      />
      <ul className="palette-list" role="listbox">
        {matches.map((reply, index) => (
          <li
            key={reply.id}
            role="option"
            aria-selected={reply === current}
            className={reply === current ? 'active' : ''}
            data-testid="palette-item"
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(reply, ReplyAction.send)}
          >
            {reply.shortcut ? <code className="reply-shortcut">{reply.shortcut}</code> : null}
            {reply.title ? <strong>{reply.title}</strong> : null}
            <span className="palette-text">{reply.text}</span>
            <span className="reply-category">{reply.category}</span>
          </li>
        ))}
        {matches.length === 0 ? <li className="hint">{t('replies.noMatch')}</li> : null}
      </ul>
      <p className="hint">{!sending.canSend ? t('replies.needPhone') : sending.canSendAll ? t('palette.helpSync') : t('palette.help')}</p>
    </div>
  );
}

export function QuickReplyPalette() {
  const store = useChatDeskStore();
  const open = useChatDeskState((state) => state.paletteOpen);
  const replies = useChatDeskState(selectActiveReplies);
  useQuickReplyShortcuts();
  if (!open) return null;
  return (
    <div className="palette-backdrop" onPointerDown={(event) => event.target === event.currentTarget && store.getState().setPaletteOpen(false)}>
      <Palette replies={replies} onClose={() => store.getState().setPaletteOpen(false)} />
    </div>
  );
}
