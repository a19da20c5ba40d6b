// The one short message at the bottom of the console (copied, saved, failed); it fades after a few seconds.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleState, useServices } from '../services.ts';
import './ui.css';

const shownMs = 4000;

export function ToastView() {
  const { t } = useTranslation();
  const { store } = useServices();
  const toast = useConsoleState((state) => state.toast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => store.getState().dismissToast(toast.id), shownMs);
    return () => clearTimeout(timer);
  }, [toast, store]);
  if (!toast) return null;
  return (
    <div className={`chat-toast chat-toast-${toast.tone}`} role="status" data-testid="toast">
      {t(toast.message, { ...toast.params, ns: toast.namespace })}
    </div>
  );
}
