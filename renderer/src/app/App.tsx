// The console's top level: finds its boxes (desktop: embedded + remembered; browser: the box that served it, after
// a token), keeps theme and language on the document, then shows the shell.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleState, useServices } from '../shared/services.ts';
import { ConsoleShell } from './ConsoleShell.tsx';
import { LoginScreen } from './LoginScreen.tsx';
import { watchPhonesGoingDown } from './offlineNotifier.ts';
import { useDesktopBoxes } from './useDesktopBoxes.ts';
import { useServingBox } from './useServingBox.ts';

function useThemeAndLanguage(): void {
  const { i18n } = useTranslation();
  const theme = useConsoleState((state) => state.theme);
  const language = useConsoleState((state) => state.language);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.title = i18n.t('app.title');
  }, [language, i18n]);
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
  return <ConsoleShell embedded={boxes.embedded} onAdd={boxes.add} />;
}

function BrowserConsole() {
  const serving = useServingBox();
  if (serving.needsLogin) return <LoginScreen refused={serving.refused} onSubmit={serving.login} />;
  return <ConsoleShell embedded={null} />;
}

export function App() {
  useThemeAndLanguage();
  const { desktop } = useServices();
  return desktop ? <DesktopConsole /> : <BrowserConsole />;
}
