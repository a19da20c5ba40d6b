// The console's top level: finds its boxes (desktop: embedded + remembered; browser: the box that served it,
// after a token), then shows the wall, the control bar and the focus view.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmbeddedBoxStatus } from '../../../preload/contract/desktopApi.ts';
import { forgetToken, loadToken, saveToken, takeTokenFromHash } from '../shared/connection/tokenStorage.ts';
import { watchPhonesGoingDown } from './offlineNotifier.ts';
import { useAppState, useServices } from '../shared/services.ts';
import { BoxStrip } from './BoxStrip.tsx';
import { ControlBar } from '../features/wall/ControlBar.tsx';
import { FocusView } from '../features/wall/FocusView.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { TopBar } from './TopBar.tsx';
import { WallGrid } from '../features/wall/WallGrid.tsx';
import { PostingProvider } from '../features/posting/PostingProvider.tsx';
import { PostingScreen } from '../features/posting/PostingScreen.tsx';

const servingBoxId = 'box';
const embeddedBoxId = 'embedded';

function useThemeAndLanguage(): void {
  const { i18n } = useTranslation();
  const theme = useAppState((state) => state.theme);
  const language = useAppState((state) => state.language);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.title = i18n.t('app.title');
  }, [language, i18n]);
}

/** Browser mode: the box that served this page, with a token from the login screen or storage. */
function useServingBox(): { needsLogin: boolean; refused: boolean; login(token: string, remember: boolean): void } {
  const { links } = useServices();
  const stores = { session: window.sessionStorage, local: window.localStorage };
  // `attempt` makes a re-entered identical token reconnect too.
  const [login, setLogin] = useState<{ token: string | null; attempt: number }>(() => {
    const fromHash = takeTokenFromHash(window.location, window.history);
    if (fromHash) saveToken(stores, fromHash, false);
    return { token: fromHash ?? loadToken(stores), attempt: 0 };
  });
  const state = useAppState((s) => s.boxes[servingBoxId]?.state);
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

/** Desktop mode: the embedded box once it runs (reconnecting when it restarts elsewhere) and remembered boxes. */
function useDesktopBoxes(): { embedded: EmbeddedBoxStatus | null; add(input: { name: string; url: string; token: string }): void } {
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

function Wall({ embedded, onAdd }: { embedded: EmbeddedBoxStatus | null; onAdd?: (input: { name: string; url: string; token: string }) => void }) {
  const onWall = useAppState((state) => state.view === 'wall');
  return (
    <PostingProvider>
      <div className="console">
        <TopBar />
        <BoxStrip embedded={embedded} onAdd={onAdd} />
        {onWall ? (
          <>
            <ControlBar />
            <WallGrid />
            <FocusView />
          </>
        ) : (
          <PostingScreen />
        )}
      </div>
    </PostingProvider>
  );
}

function DesktopConsole() {
  const boxes = useDesktopBoxes();
  const { store, desktop } = useServices();
  const { t } = useTranslation();
  useEffect(() => {
    if (!desktop) return;
    return watchPhonesGoingDown(store, desktop, (device) => ({
      title: t('notify.phoneDownTitle', { name: device.model || device.serial }),
      body: t('notify.phoneDownBody', { state: t(`state.${device.state}`), serial: device.serial }),
    }));
  }, [store, desktop, t]);
  return <Wall embedded={boxes.embedded} onAdd={boxes.add} />;
}

function BrowserConsole() {
  const serving = useServingBox();
  if (serving.needsLogin) return <LoginScreen refused={serving.refused} onSubmit={serving.login} />;
  return <Wall embedded={null} />;
}

export function App() {
  useThemeAndLanguage();
  const { desktop } = useServices();
  return desktop ? <DesktopConsole /> : <BrowserConsole />;
}
