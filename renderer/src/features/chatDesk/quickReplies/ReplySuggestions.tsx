// Under the focus view's text box: replies whose shortcut starts with what was typed after `/`.
import type { FocusTextAssistProps } from '../../../shared/feature.ts';
import { useChatDeskState } from '../chatDeskStore.ts';
import { selectActiveReplies } from './quickRepliesSlice.ts';
import { matchReplies } from './replyMatching.ts';

export function ReplySuggestions({ draft, onPick }: FocusTextAssistProps) {
  const replies = useChatDeskState(selectActiveReplies);
  if (!draft.startsWith('/')) return null;
  const matches = matchReplies(replies, draft, 6);
  if (matches.length === 0) return null;
  return (
    <ul className="reply-suggestions" data-testid="reply-suggestions">
      {matches.map((reply) => (
        <li key={reply.id}>
          <button type="button" onClick={() => onPick(reply.text)} data-testid="reply-suggestion">
            <code className="reply-shortcut">{reply.shortcut}</code> {reply.title ?? reply.text}
          </button>
        </li>
      ))}
    </ul>
  );
}
