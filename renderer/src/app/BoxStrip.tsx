// The connected boxes with their link state; in the desktop app also the embedded box's mode and "add box".
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmbeddedBoxStatus } from '../../../preload/contract/desktopApi.ts';
import { selectBoxes } from '../shared/state/selectors.ts';
import { useShallow } from 'zustand/react/shallow';
import { useConsoleState } from '../shared/services.ts';
import { EmbeddedBoxControls } from './EmbeddedBoxControls.tsx';
import { StateBadge } from '../shared/ui/StateBadge.tsx';

export function BoxStrip({ embedded, onAdd }: { embedded: EmbeddedBoxStatus | null; onAdd?(input: { name: string; url: string; token: string }): void }) {
  const { t } = useTranslation();
  const boxes = useConsoleState(useShallow(selectBoxes));
  const [now, setNow] = useState(() => Date.now());
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ name: '', url: '', token: '' });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="boxstrip" data-testid="boxstrip">
      {embedded ? <EmbeddedBoxControls status={embedded} /> : null}
      {boxes.map((box) => (
        <span key={box.id} className="box-chip" data-testid="box-chip" data-state={box.state}>
          <span className="box-name">{box.embedded ? t('box.embedded') : box.name || box.url}</span>
          <StateBadge state={box.state} reason={box.reason} />
          {box.state === 'offline' && box.retryAt ? <span className="hint">{t('box.retryIn', { seconds: Math.max(0, Math.ceil((box.retryAt - now) / 1000)) })}</span> : null}
        </span>
      ))}
      {onAdd ? (
        adding ? (
          <form
            className="add-box"
            onSubmit={(event) => {
              event.preventDefault();
              onAdd(form);
              setForm({ name: '', url: '', token: '' });
              setAdding(false);
            }}
          >
            <input required placeholder={t('box.addName')} value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
            <input required placeholder={t('box.addUrl')} value={form.url} onChange={(event) => setForm({ ...form, url: event.target.value })} />
            <input required type="password" placeholder={t('box.addToken')} value={form.token} onChange={(event) => setForm({ ...form, token: event.target.value })} />
            <button type="submit" className="primary">{t('box.addSubmit')}</button>
          </form>
        ) : (
          <button type="button" className="link" onClick={() => setAdding(true)} data-testid="add-box">
            + {t('box.add')}
          </button>
        )
      ) : null}
    </div>
  );
}
