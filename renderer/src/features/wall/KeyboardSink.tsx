// Captures the PC keyboard for the selected phone: special keys as Android keys, typed and IME-composed text and
// Ctrl+V pastes as text requests, sent in the order they were typed through the PhoneInput port (so on every
// synced follower too).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { keyAction } from '../../shared/input/keyMapping.ts';
import { useConsoleState, useServices } from '../../shared/services.ts';
import { selectSelectedDevice } from '../../shared/state/selectors.ts';

export function KeyboardSink() {
  const { t } = useTranslation('wall');
  const { links, keyboard, phoneInput } = useServices();
  const selected = useConsoleState(selectSelectedDevice);
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const composing = useRef(false);

  useEffect(() => {
    keyboard.element = ref.current;
    return () => {
      keyboard.element = null;
    };
  }, [keyboard]);

  const connection = selected ? links.get(selected.boxId) : null;
  const sendText = (text: string) => {
    if (!selected || !connection || !text) return;
    phoneInput.text(selected, text).catch(() => undefined);
  };
  const clear = () => {
    if (ref.current) ref.current.value = '';
  };

  return (
    <textarea
      ref={ref}
      className="keyboard-sink"
      aria-label={t('toolbar.keyboard')}
      data-testid="keyboard-sink"
      autoComplete="off"
      autoCorrect="off"
      spellCheck={false}
      onKeyDown={(event) => {
        if (!selected || !connection) return;
        const action = keyAction({ ...event, isComposing: event.nativeEvent.isComposing || composing.current });
        if (action.kind === 'key') {
          event.preventDefault();
          phoneInput.input(selected, { kind: 'key', action: 'press', key: action.key }).catch(() => undefined);
        }
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(event) => {
        composing.current = false;
        sendText(event.data);
        clear();
      }}
      onInput={(event) => {
        const native = event.nativeEvent as InputEvent;
        // Composed text is sent once, at compositionend; the intermediate input events are the IME's drafts.
        if (composing.current || native.isComposing) return;
        if (native.inputType === 'insertText' || native.inputType === 'insertReplacementText') sendText(native.data ?? '');
        clear();
      }}
      onPaste={(event) => {
        event.preventDefault();
        sendText(event.clipboardData.getData('text/plain'));
        clear();
      }}
    />
  );
}
