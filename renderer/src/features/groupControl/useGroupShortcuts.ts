// Console-wide shortcuts of group control: Ctrl+A select all, Esc clear, Ctrl+G sync.
import { useEffect, useRef } from 'react';

export interface GroupShortcutActions {
  selectAll(): void;
  /** Returns true when Esc was used to clear a selection (it then does not reach the phone as Back). */
  clearSelection(): boolean;
  toggleSync(): void;
}

/** Text fields of the console itself keep their own Ctrl+A and Esc; the phone keyboard sink does not count. */
function inOwnTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.dataset.testid === 'keyboard-sink') return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** A confirmation dialog takes Esc for itself (cancel). */
function inAlert(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role=alertdialog]') !== null;
}

export function useGroupShortcuts(actions: GroupShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    // Capture phase: runs before the keyboard sink turns Esc into the phone's Back key.
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const own = inOwnTextField(event.target);
      let handled = false;
      if (command && !event.shiftKey && !event.altKey && key === 'a' && !own) {
        latest.current.selectAll();
        handled = true;
      } else if (command && !event.shiftKey && !event.altKey && key === 'g') {
        latest.current.toggleSync();
        handled = true;
      } else if (event.key === 'Escape' && !command && !event.shiftKey && !own && !inAlert(event.target)) {
        handled = latest.current.clearSelection();
      }
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
