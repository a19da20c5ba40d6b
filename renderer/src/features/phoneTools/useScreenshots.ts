// The screenshot action: the selected phones (or the one being worked) as one PNG or one zip, with a toast.
import { useServices } from '../../shared/services.ts';
import { selectSelectedKeys } from '../../shared/state/selectors.ts';
import { downloadFile, packScreenshots, takeScreenshots } from './screenshotTaker.ts';

export function useScreenshots(): { take(): Promise<void> } {
  const { store, links } = useServices();
  const toast = (message: string, tone: 'info' | 'error', params: Record<string, string | number>) => store.getState().showToast({ namespace: 'phoneTools', message, params, tone });
  return {
    async take() {
      const state = store.getState();
      const devices = selectSelectedKeys(state).flatMap((key) => (state.devices[key] ? [state.devices[key]] : []));
      if (devices.length === 0) return;
      toast('screenshot.working', 'info', { count: devices.length });
      const batch = await takeScreenshots(devices, links, () => new Date());
      const packed = packScreenshots(batch.files, new Date());
      if (packed) downloadFile(packed, document);
      const names = batch.failed.map((failure) => failure.device.model || failure.device.serial).join('、');
      if (batch.failed.length === 0) toast('screenshot.saved', 'info', { count: batch.files.length });
      else if (batch.files.length > 0) toast('screenshot.partial', 'error', { count: batch.files.length, failed: batch.failed.length, names });
      else toast('screenshot.none', 'error', { names });
    },
  };
}
