// The chat desk as a feature: the device book (names, tags, saved groups), the quick-reply library with its panel
// and Ctrl+K palette, and needs-attention badges, sorting and alerts.
import { chatDeskBoxTextsZhCN } from './boxTexts.zhCN.ts';
import { defineFeature } from '../../shared/feature.ts';
import { AttentionBadge } from './attention/AttentionBadge.tsx';
import { AttentionControls } from './attention/AttentionControls.tsx';
import { AttentionWatcher } from './attention/AttentionWatcher.tsx';
import { bindChatDesk } from './bindChatDesk.ts';
import { createChatDeskSlice } from './chatDeskSlice.ts';
import type { ChatDeskSlice } from './chatDeskSlice.ts';
import { BookEditButton } from './deviceBook/BookEditButton.tsx';
import { BookEditDialog } from './deviceBook/BookEditDialog.tsx';
import { GroupsMenu } from './deviceBook/GroupsMenu.tsx';
import { openBookEditorFor } from './deviceBook/openBookEditor.ts';
import { TileBookButton } from './deviceBook/TileBookButton.tsx';
import { chatDeskEn } from './i18n.en.ts';
import { chatDeskZhCN } from './i18n.zhCN.ts';
import { QuickRepliesPanel } from './quickReplies/QuickRepliesPanel.tsx';
import { QuickReplyPalette } from './quickReplies/QuickReplyPalette.tsx';
import { RepliesToggle } from './quickReplies/RepliesToggle.tsx';
import { ReplySuggestions } from './quickReplies/ReplySuggestions.tsx';
import { selectActiveReplies } from './quickReplies/quickRepliesSlice.ts';
import { completeShortcut } from './quickReplies/replyMatching.ts';

export const chatDeskFeature = defineFeature<ChatDeskSlice>({
  id: 'chatDesk',
  slice: createChatDeskSlice,
  i18n: { 'zh-CN': chatDeskZhCN, en: chatDeskEn },
  boxTexts: { 'zh-CN': chatDeskBoxTextsZhCN },
  bind: bindChatDesk,
  tile: {
    decorate: (state, device) => (device.key in state.attention ? { data: { attention: 'on' } } : null),
    Overlay: AttentionBadge,
    NameBarTools: TileBookButton,
    nameBarMenu: { hintKey: 'book.menuHint', open: openBookEditorFor },
  },
  focus: {
    TextAssist: ReplySuggestions,
    completeDraft: (state, draft) => completeShortcut(selectActiveReplies(state), draft),
  },
  controlBar: [BookEditButton],
  wallTools: [GroupsMenu, AttentionControls, RepliesToggle],
  wallHosts: [AttentionWatcher, BookEditDialog, QuickRepliesPanel, QuickReplyPalette],
});
