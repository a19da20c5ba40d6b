// The reply actions as components use them: what may be done now, and doing it with a short result line.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boxProblemsOf } from '../../../shared/errors.ts';
import { useConsoleState, useServices } from '../../../shared/services.ts';
import { deviceDisplayName, selectSelectedDevice } from '../../../shared/state/selectors.ts';
import { ReplyAction, sendReply } from './replySender.ts';

export function useReplySending() {
  const { t } = useTranslation('chatDesk');
  const { store, links, phoneInput, keyboard } = useServices();
  const selected = useConsoleState(selectSelectedDevice);
  const followers = useConsoleState((state) => phoneInput.followerCount(state));
  const [status, setStatus] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  return {
    canSend: selected !== null,
    canSendAll: selected !== null && followers > 0,
    status,
    send(text: string, action: ReplyAction): void {
      const state = store.getState();
      const device = selectSelectedDevice(state);
      if (!device) {
        setStatus({ text: t('replies.needPhone'), tone: 'error' });
        return;
      }
      setStatus(null);
      sendReply(device, { links, phoneInput }, text, action).then(
        () =>
          setStatus({
            text: action === ReplyAction.sendAll ? t('replies.sentAll', { count: followers + 1 }) : t('replies.sentTo', { name: deviceDisplayName(state, device) }),
            tone: 'info',
          }),
        (error: unknown) => setStatus({ text: boxProblemsOf(error).general ?? String(error), tone: 'error' }),
      );
      keyboard.focus();
    },
  };
}
