// Phone → PC clipboard: text copied on the phone being worked is written to the PC clipboard, with a toast.
import { useEffect, useRef } from 'react';
import { usePhoneToolsState, usePhoneToolsStore } from './phoneToolsStore.ts';

export function ClipboardBridge() {
  const store = usePhoneToolsStore();
  const clipboard = usePhoneToolsState((state) => state.phoneClipboard);
  const written = useRef(0);
  useEffect(() => {
    if (!clipboard || clipboard.sequence <= written.current) return;
    written.current = clipboard.sequence;
    // Only the selected phone's clipboard reaches the PC: fifty phones must not fight over it.
    if (clipboard.key !== store.getState().selectedKey) return;
    const write = navigator.clipboard?.writeText(clipboard.text) ?? Promise.reject(new Error('no clipboard'));
    write.then(
      () => store.getState().showToast({ namespace: 'phoneTools', message: 'clipboard.copied', tone: 'info' }),
      () => store.getState().showToast({ namespace: 'phoneTools', message: 'clipboard.denied', tone: 'error' }),
    );
  }, [clipboard, store]);
  return null;
}
