// Puts a quick reply on phones: into the selected phone's input, with Enter to send it, or to the whole synced group.
import type { BoxLinks } from '../../../shared/connection/boxLinks.ts';
import { groupInputFor } from '../../groupControl/groupInput.ts';
import type { AppStore } from '../../../app/appStore.ts';
import { selectSelectedDevice } from '../../../shared/state/selectors.ts';

export const ReplyAction = { insert: 'insert', send: 'send', sendAll: 'sendAll' } as const;
export type ReplyAction = (typeof ReplyAction)[keyof typeof ReplyAction];

const enter = { kind: 'key', action: 'press', key: 'enter' } as const;

/**
 * `insert` and `send` touch only the selected phone; `sendAll` goes through group control, so the followers get the
 * text and Enter in the same queue (and failure marking) as everything else the leader does.
 */
export async function sendReply(store: AppStore, links: BoxLinks, text: string, action: ReplyAction): Promise<void> {
  const device = selectSelectedDevice(store.getState());
  if (!device) throw new Error('no phone selected');
  if (action === ReplyAction.sendAll) {
    const group = groupInputFor(store, links);
    const typed = group.text(device, text);
    const pressed = group.input(device, enter);
    await Promise.all([typed, pressed]);
    return;
  }
  const connection = links.get(device.boxId);
  if (!connection) throw new Error('box offline');
  const typed = connection.text(device.id, text);
  if (action === ReplyAction.send) await Promise.all([typed, connection.input(device.id, enter)]);
  else await typed;
}
