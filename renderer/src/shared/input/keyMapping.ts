// PC keyboard → Android keys: which keys go to the phone as key presses, and which become typed text.
import type { KeyName } from '../../../../native-bridge/protocol/controlInput.ts';

const namedKeys: Record<string, KeyName> = {
  Enter: 'enter',
  NumpadEnter: 'enter',
  Backspace: 'del',
  Delete: 'forward_del',
  Tab: 'tab',
  Escape: 'back',
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'move_home',
  End: 'move_end',
  PageUp: 'page_up',
  PageDown: 'page_down',
  AudioVolumeUp: 'volume_up',
  AudioVolumeDown: 'volume_down',
};

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

export type KeyAction =
  | { kind: 'key'; key: KeyName }
  | { kind: 'paste' }
  | { kind: 'text' }
  | { kind: 'ignore' };

/**
 * What a keydown on the selected phone means. `text` = let the input element receive it (typed characters and IME
 * arrive as input/composition events); `paste` = Ctrl/Cmd+V, handled by the paste event with the PC clipboard.
 */
export function keyAction(event: KeyLike): KeyAction {
  // While an IME composes, Enter/Backspace belong to the IME, not to the phone.
  if (event.isComposing || event.key === 'Process') return { kind: 'ignore' };
  const command = event.ctrlKey || event.metaKey;
  if (command && event.key.toLowerCase() === 'v') return { kind: 'paste' };
  if (command || event.altKey) return { kind: 'ignore' };
  const named = namedKeys[event.key];
  if (named) return { kind: 'key', key: named };
  if (event.key === ' ') return { kind: 'text' };
  return event.key.length > 0 && [...event.key].length === 1 ? { kind: 'text' } : { kind: 'ignore' };
}

export const MouseButton = { Left: 0, Middle: 1, Right: 2 } as const;

/** Mouse buttons other than the left one act like phone buttons, as in scrcpy. */
export function mouseButtonAction(button: number): 'touch' | 'back' | 'home' | null {
  if (button === MouseButton.Left) return 'touch';
  if (button === MouseButton.Right) return 'back';
  if (button === MouseButton.Middle) return 'home';
  return null;
}
