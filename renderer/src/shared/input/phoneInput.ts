// The PhoneInput port: input and text for one phone. Group control replaces it with a fan-out to the phone's
// synced followers; without it, input reaches just the phone.
import type { Input } from '../../../../native-bridge/protocol/controlInput.ts';
import type { BoxLinks } from '../connection/boxLinks.ts';
import { BoxRequestError } from '../errors.ts';
import type { WallDevice } from '../state/boxesSlice.ts';
import type { CoreState } from '../state/coreState.ts';

export interface PhoneInput {
  /** A touch, scroll, key or button on `device` (and on whatever follows it). */
  input(device: WallDevice, input: Input): Promise<unknown>;
  /** Text typed, composed or pasted on `device` (and on whatever follows it). */
  text(device: WallDevice, text: string): Promise<unknown>;
  /** How many phones repeat what the phone being worked gets, in this state. */
  followerCount(state: CoreState): number;
}

export function directPhoneInput(links: BoxLinks): PhoneInput {
  return {
    input: (device, input) => links.get(device.boxId)?.input(device.id, input) ?? Promise.reject(BoxRequestError.offline()),
    text: (device, text) => (text ? (links.get(device.boxId)?.text(device.id, text) ?? Promise.reject(BoxRequestError.offline())) : Promise.resolve()),
    followerCount: () => 0,
  };
}
