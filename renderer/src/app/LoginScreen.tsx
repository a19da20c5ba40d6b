// Token entry when the console is opened in a browser from a box.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWellFormedToken } from '../shared/connection/socketUrls.ts';

export function LoginScreen({ refused, onSubmit }: { refused: boolean; onSubmit(token: string, remember: boolean): void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [malformed, setMalformed] = useState(false);
  return (
    <main className="login">
      <form
        className="login-card"
        data-testid="login"
        onSubmit={(event) => {
          event.preventDefault();
          const value = token.trim();
          if (!isWellFormedToken(value)) {
            setMalformed(true);
            return;
          }
          onSubmit(value, remember);
        }}
      >
        <h1>{t('app.title')}</h1>
        <h2>{t('login.title')}</h2>
        <p className="hint">{t('login.intro')}</p>
        <label>
          {t('login.token')}
          <input type="password" autoComplete="off" value={token} onChange={(event) => setToken(event.target.value)} data-testid="login-token" autoFocus />
        </label>
        <label className="switch">
          <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          {t('login.remember')}
        </label>
        {refused ? <p className="error">{t('login.refused')}</p> : null}
        {malformed ? <p className="error">{t('login.malformed')}</p> : null}
        <button type="submit" className="primary" data-testid="login-submit">
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
