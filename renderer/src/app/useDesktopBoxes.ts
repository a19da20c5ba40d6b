// Desktop mode: the embedded box once it runs (reconnecting when it restarts elsewhere) and the remembered boxes.
import { useEffect, useState } from 'react';
import type { EmbeddedBoxStatus } from '../../../preload/contract/desktopApi.ts';
import { useServices } from '../shared/services.ts';

const embeddedBoxId = 'embedded';

export function useDesktopBoxes(): { embedded: EmbeddedBoxStatus | null; add(input: { name: string; url: string; token: string }): void } {
  const { links, desktop } = useServices();
  const [embedded, setEmbedded] = useState<EmbeddedBoxStatus | null>(null);
  useEffect(() => {
    if (!desktop) return;
    let cancelled = false;
    let connectedUrl: string | null = null;
    const poll = async () => {
      const status = await desktop.embeddedBoxStatus();
      if (cancelled) return;
      setEmbedded(status);
      if (status.state === 'running' && status.url && status.url !== connectedUrl) {
        const credentials = await desktop.boxCredentials(embeddedBoxId);
        if (credentials.ok && !cancelled) {
          connectedUrl = status.url;
          links.connect({ id: embeddedBoxId, name: '', url: credentials.value.url, token: credentials.value.token, embedded: true });
        }
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), 2000);
    void desktop.boxesList().then(async (boxes) => {
      for (const box of boxes.filter((candidate) => !candidate.embedded)) {
        const credentials = await desktop.boxCredentials(box.id);
        if (credentials.ok && !cancelled) links.connect({ id: box.id, name: box.name, url: credentials.value.url, token: credentials.value.token, embedded: false });
      }
    });
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [desktop, links]);
  return {
    embedded,
    add: (input) => {
      void desktop?.boxesAdd(input).then(async (result) => {
        if (!result.ok) return;
        const credentials = await desktop.boxCredentials(result.value.id);
        if (credentials.ok) links.connect({ id: result.value.id, name: result.value.name, url: credentials.value.url, token: credentials.value.token, embedded: false });
      });
    },
  };
}

