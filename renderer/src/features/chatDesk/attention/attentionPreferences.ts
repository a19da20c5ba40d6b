// The attention choices kept in localStorage: wall sort "needs attention first" and which boxes notify.
import type { AttentionSlice } from '../../../shared/state/attentionSlice.ts';
import type { AttentionAlertsSlice } from './attentionAlertsSlice.ts';

const key = 'phonewall.attention';

export type AttentionPreferences = Pick<AttentionSlice, 'attentionFirst'> & Pick<AttentionAlertsSlice, 'notifyBoxes'>;

export function parseAttentionPreferences(raw: string | null): AttentionPreferences {
  const preferences: AttentionPreferences = { attentionFirst: false, notifyBoxes: [] };
  try {
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (!value || typeof value !== 'object') return preferences;
    const stored = value as Record<string, unknown>;
    if (typeof stored.attentionFirst === 'boolean') preferences.attentionFirst = stored.attentionFirst;
    if (Array.isArray(stored.notifyBoxes)) preferences.notifyBoxes = stored.notifyBoxes.filter((id): id is string => typeof id === 'string').slice(0, 100);
  } catch {
    // A damaged entry falls back to the defaults.
  }
  return preferences;
}

export function loadAttentionPreferences(storage: Storage): AttentionPreferences {
  return parseAttentionPreferences(storage.getItem(key));
}

export function saveAttentionPreferences(storage: Storage, preferences: AttentionPreferences): void {
  storage.setItem(key, JSON.stringify({ attentionFirst: preferences.attentionFirst, notifyBoxes: preferences.notifyBoxes }));
}
