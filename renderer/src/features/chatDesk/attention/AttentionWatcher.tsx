// Mounts the attention watchers: loads and saves the attention choices, clears attention on take, notifies.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../shared/services.ts';
import { deviceDisplayName } from '../../../shared/state/selectors.ts';
import { useChatDeskStore } from '../chatDeskStore.ts';
import { loadAttentionPreferences, saveAttentionPreferences } from './attentionPreferences.ts';
import { attentionTimeLabel } from './attentionTime.ts';
import { watchAttention } from './attentionWatch.ts';

export function AttentionWatcher() {
  const { links, desktop } = useServices();
  const store = useChatDeskStore();
  const { t } = useTranslation('chatDesk');
  useEffect(() => {
    store.setState(loadAttentionPreferences(window.localStorage));
    return store.subscribe((state, previous) => {
      if (state.attentionFirst !== previous.attentionFirst || state.notifyBoxes !== previous.notifyBoxes) saveAttentionPreferences(window.localStorage, state);
    });
  }, [store]);
  useEffect(
    () =>
      watchAttention(store, {
        clear: (boxId, deviceId) => void links.get(boxId)?.request({ type: 'clearAttention', deviceId }).catch(() => undefined),
        notify: (key, since) => {
          const state = store.getState();
          const device = state.devices[key];
          if (!desktop || !device) return;
          const time = attentionTimeLabel(since, Date.now());
          void desktop
            .showNotification({ title: t('attention.notifyTitle', { name: deviceDisplayName(state, device) }), body: t('attention.notifyBody', { time }) })
            .catch(() => undefined);
        },
      }),
    [store, links, desktop, t],
  );
  return null;
}
