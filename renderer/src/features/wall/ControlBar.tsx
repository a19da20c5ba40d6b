// The bar under the top bar: which phone the keyboard drives, its Back / Home / Recents / Focus buttons, the group
// tools (selection, sync, screenshots), saved groups, attention switches, the quick-reply panel and palette, and
// while sync is on, the bar of followers.
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../native-bridge/protocol/controlInput.ts';
import { ClipboardBridge } from '../phoneTools/ClipboardBridge.tsx';
import { ToastView } from '../phoneTools/ToastView.tsx';
import { GroupToolbar } from '../groupControl/GroupToolbar.tsx';
import { groupInputFor } from '../groupControl/groupInput.ts';
import { SyncBar } from '../groupControl/SyncBar.tsx';
import { selectCurrentSelection } from '../groupControl/groupSelectors.ts';
import { AttentionControls } from '../chatDesk/attention/AttentionControls.tsx';
import { AttentionWatcher } from '../chatDesk/attention/AttentionWatcher.tsx';
import { BookEditDialog } from '../chatDesk/deviceBook/BookEditDialog.tsx';
import { GroupsMenu } from '../chatDesk/deviceBook/GroupsMenu.tsx';
import { QuickRepliesPanel } from '../chatDesk/quickReplies/QuickRepliesPanel.tsx';
import { QuickReplyPalette } from '../chatDesk/quickReplies/QuickReplyPalette.tsx';
import '../phoneTools/chatTools.css';
import type { WallDevice } from '../../shared/state/boxesSlice.ts';
import { deviceDisplayName, selectSelectedDevice } from '../../shared/state/selectors.ts';
import { useAppState, useServices } from '../../shared/services.ts';
import { KeyboardSink } from './KeyboardSink.tsx';

export function PhoneButtons({ device }: { device: WallDevice }) {
  const { t } = useTranslation();
  const { links, keyboard, store } = useServices();
  const press = (input: Input) => {
    groupInputFor(store, links).input(device, input).catch(() => undefined);
    keyboard.focus();
  };
  return (
    <span className="phone-buttons">
      <button type="button" onClick={() => press({ kind: 'back' })}>{t('toolbar.back')}</button>
      <button type="button" onClick={() => press({ kind: 'home' })}>{t('toolbar.home')}</button>
      <button type="button" onClick={() => press({ kind: 'recents' })}>{t('toolbar.recents')}</button>
    </span>
  );
}

export function ControlBar() {
  const { t } = useTranslation();
  const { t: tt } = useTranslation('chatTools');
  const { store } = useServices();
  const { t: td } = useTranslation('chatDesk');
  const selected = useAppState(selectSelectedDevice);
  const selectedName = useAppState((state) => (selected ? deviceDisplayName(state, selected) : ''));
  const panelOpen = useAppState((state) => state.quickPanelOpen);
  return (
    <>
      <div className="controlbar" data-testid="controlbar">
        <KeyboardSink />
        {selected ? (
          <>
            <span className="controlling" data-testid="controlling">
              {t('toolbar.selected', { name: selectedName })}
            </span>
            <PhoneButtons device={selected} />
            <button type="button" onClick={() => store.getState().openFocus(selected.key)} data-testid="open-focus">
              {t('toolbar.focus')}
            </button>
            <GroupToolbar />
            <button type="button" onClick={() => store.getState().openBookEditor(selectCurrentSelection(store.getState()).keys)} data-testid="book-edit">
              {td('book.edit')}
            </button>
            <span className="hint" title={tt('selection.hint')}>{t('toolbar.clipboardNote')}</span>
          </>
        ) : (
          <span className="hint">{t('toolbar.noneSelected')}</span>
        )}
      </div>
      <div className="wall-tools" data-testid="wall-tools">
        <GroupsMenu />
        <AttentionControls />
        <button
          type="button"
          className={panelOpen ? 'active' : ''}
          aria-pressed={panelOpen}
          title={`${td('replies.toggle')} (Alt+Q)`}
          onClick={() => store.getState().toggleQuickPanel()}
          data-testid="replies-toggle"
        >
          {td('replies.toggle')}
        </button>
      </div>
      <SyncBar />
      <ClipboardBridge />
      <ToastView />
      <AttentionWatcher />
      <BookEditDialog />
      <QuickRepliesPanel />
      <QuickReplyPalette />
    </>
  );
}
