// Browser mode: the box that served this page, with a token from the login screen, the URL fragment or storage.
import { useEffect, useState } from 'react';
import { forgetToken, loadToken, saveToken, takeTokenFromHash } from '../shared/connection/tokenStorage.ts';
import { useConsoleState, useServices } from '../shared/services.ts';

const servingBoxId = 'box';

export function useServingBox(): { needsLogin: boolean; refused: boolean; login(token: string, remember: boolean): void } {
  const { links } = useServices();
  const stores = { session: window.sessionStorage, local: window.localStorage };
  // `attempt` makes a re-entered identical token reconnect too.
  const [login, setLogin] = useState<{ token: string | null; attempt: number }>(() => {
    const fromHash = takeTokenFromHash(window.location, window.history);
    if (fromHash) saveToken(stores, fromHash, false);
    return { token: fromHash ?? loadToken(stores), attempt: 0 };
  });
  const state = useConsoleState((s) => s.boxes[servingBoxId]?.state);
  useEffect(() => {
    if (!login.token) return;
    links.connect({ id: servingBoxId, name: '', url: window.location.origin, token: login.token, embedded: false });
    return () => links.disconnect(servingBoxId);
  }, [login, links]);
  const refused = state === 'unauthorized';
  useEffect(() => {
    if (refused) forgetToken({ session: window.sessionStorage, local: window.localStorage });
  }, [refused]);
  return {
    needsLogin: !login.token || refused,
    refused,
    login: (token, remember) => {
      saveToken(stores, token, remember);
      setLogin((previous) => ({ token, attempt: previous.attempt + 1 }));
    },
  };
}

