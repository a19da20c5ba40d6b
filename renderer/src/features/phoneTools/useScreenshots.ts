// The screenshot action: the selected phones (or the one being worked) as one PNG or one zip, with a toast.
import { useServices } from '../../shared/services.ts';
import { selectGroupMembers } from '../groupControl/groupSelectors.ts';
import { downloadFile, packScreenshots, takeScreenshots } from './screenshotTaker.ts';

export function useScreenshots(): { take(): Promise<void> } {
  const { store, links } = useServices();
  return {
    async take() {
      const state = store.getState();
      const devices = selectGroupMembers(state).flatMap((key) => (state.devices[key] ? [state.devices[key]] : []));
      if (devices.length === 0) return;
      state.showToast({ message: 'screenshot.working', params: { count: devices.length }, tone: 'info' });
      const batch = await takeScreenshots(devices, links, () => new Date());
      const packed = packScreenshots(batch.files, new Date());
      if (packed) downloadFile(packed, document);
      const names = batch.failed.map((failure) => failure.device.model || failure.device.serial).join('、');
      if (batch.failed.length === 0) store.getState().showToast({ message: 'screenshot.saved', params: { count: batch.files.length }, tone: 'info' });
      else if (batch.files.length > 0) store.getState().showToast({ message: 'screenshot.partial', params: { count: batch.files.length, failed: batch.failed.length, names }, tone: 'error' });
      else store.getState().showToast({ message: 'screenshot.none', params: { names }, tone: 'error' });
    },
  };
}
