// Puts a quick reply on phones: into the selected phone's input, with Enter to send it, or to the whole synced group.
import type { BoxLinks } from '../../../shared/connection/boxLinks.ts';
import type { PhoneInput } from '../../../shared/input/phoneInput.ts';
import type { WallDevice } from '../../../shared/state/boxesSlice.ts';

export const ReplyAction = { insert: 'insert', send: 'send', sendAll: 'sendAll' } as const;
export type ReplyAction = (typeof ReplyAction)[keyof typeof ReplyAction];

const enter = { kind: 'key', action: 'press', key: 'enter' } as const;

/**
 * `insert` and `send` touch only the selected phone; `sendAll` goes through the PhoneInput port, so the followers
 * get the text and Enter (and failure marking) like everything else the leader does.
 */
export async function sendReply(device: WallDevice, ports: { links: BoxLinks; phoneInput: PhoneInput }, text: string, action: ReplyAction): Promise<void> {
  if (action === ReplyAction.sendAll) {
    await Promise.all([ports.phoneInput.text(device, text), ports.phoneInput.input(device, enter)]);
    return;
  }
  const connection = ports.links.require(device.boxId);
  const typed = connection.text(device.id, text);
  if (action === ReplyAction.send) await Promise.all([typed, connection.input(device.id, enter)]);
  else await typed;
}
