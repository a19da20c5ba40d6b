// Renderer entry: builds the services, i18n and preferences of the console from its feature list, then mounts it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { z } from 'zod';
import { App } from './app/App.tsx';
import { consoleFeatures } from './app/consoleFeatures.ts';
import { createConsoleServices } from './app/createConsoleServices.ts';
import { createI18n } from './app/createI18n.ts';
import { desktopApi } from './app/desktopApi.ts';
import { ConsoleServicesContext } from './shared/services.ts';
import { loadPreferences, savePreferences } from './shared/state/preferences.ts';
import { WallStats } from './shared/video/wallStats.ts';
import './app/console.css';

export function mountConsole(container: HTMLElement): void {
  // The CSP forbids eval; zod then validates without its generated fast paths instead of probing with `new Function`.
  z.config({ jitless: true });
  const stats = new URLSearchParams(window.location.search).has('stats') ? new WallStats(() => performance.now()) : null;
  if (stats) Object.assign(window, { phonewallStats: stats });
  const services = createConsoleServices({ features: consoleFeatures, preferences: loadPreferences(window.localStorage, window.location.search), desktop: desktopApi(), stats });
  const { store } = services;
  store.subscribe((state, previous) => {
    if (state.theme !== previous.theme || state.language !== previous.language || state.tileWidth !== previous.tileWidth) savePreferences(window.localStorage, state);
  });
  const i18n = createI18n(store.getState().language, consoleFeatures);
  window.addEventListener('pagehide', () => services.links.stopAll());
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ConsoleServicesContext.Provider value={services}>
          <App />
        </ConsoleServicesContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) mountConsole(root);
