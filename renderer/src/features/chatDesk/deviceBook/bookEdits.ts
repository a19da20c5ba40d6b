// Turns the edit dialog's fields into device-book patches: one phone's name/note/tags, or tags added/removed in batch.
import type { WireDeviceBook } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';
import type { WallDevice } from '../../../shared/state/boxesSlice.ts';
import { bookEntryOf } from '../../../shared/state/deviceBookSlice.ts';

export interface EntryPatch {
  deviceId: string;
  name?: string;
  note?: string;
  tags?: string[];
}

/** Tags typed as `售后, vip 早班` (commas, Chinese commas or spaces; `#` prefixes dropped; duplicates once). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,，、]+/).map((tag) => tag.replace(/^#+/, '').trim()).filter(Boolean))];
}

/** Patches by box id: every phone gets its current tags plus `add`, minus `remove`. */
export function batchTagPatches(devices: readonly WallDevice[], books: Record<string, WireDeviceBook>, add: string[], remove: string[]): Map<string, EntryPatch[]> {
  const byBox = new Map<string, EntryPatch[]>();
  for (const device of devices) {
    const current = bookEntryOf(books, device.boxId, device.id)?.tags ?? [];
    const tags = [...new Set([...current, ...add])].filter((tag) => !remove.includes(tag));
    const patches = byBox.get(device.boxId) ?? [];
    patches.push({ deviceId: device.id, tags });
    byBox.set(device.boxId, patches);
  }
  return byBox;
}

/** The tags any of these phones carries, in first-seen order (what the batch dialog offers to remove). */
export function tagsOf(devices: readonly WallDevice[], books: Record<string, WireDeviceBook>): string[] {
  return [...new Set(devices.flatMap((device) => bookEntryOf(books, device.boxId, device.id)?.tags ?? []))];
}
