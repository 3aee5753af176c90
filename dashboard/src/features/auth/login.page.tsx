import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../../api/api-client';
import { useAuth } from '../../app/auth-context';
import { LanguageSwitch } from '../../i18n/language-switch';
import { describeLoginError } from './login-error';

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn, notice } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  // The error object, not its text, so the message follows a language switch.
  const [error, setError] = useState<'invalid' | { failure: unknown } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('invalid');
      return;
    }
    setPending(true);
    setError(null);
    try {
      signIn(await login({ username: username.trim(), password }));
    } catch (failure) {
      setError({ failure });
      setPassword('');
      setPending(false);
    }
  }

  const errorText =
    error === 'invalid' ? t('auth.error.invalid') : error ? describeLoginError(error.failure, t) : null;

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch className="button button--ghost-dark" />
      </div>
      <main className="login__card">
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true">瞭</span>
          <div>
            <div className="login__name">{t('app.name')}</div>
            <div className="login__tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 className="login__title">{t('auth.title')}</h1>
        <p className="login__intro">{t('auth.intro')}</p>
        {notice && !errorText && (
          <p className="notice notice--info" role="status">
            {t(`auth.notice.${notice}`)}
          </p>
        )}
        {errorText && (
          <p className="notice notice--error" role="alert" data-testid="login-error">
            {errorText}
          </p>
        )}
        <form className="login__form" onSubmit={onSubmit} noValidate>
          <label className="field">
            <span className="field__label">{t('auth.username')}</span>
            <input
              className="field__input"
              data-testid="login-username"
              name="username"
              autoComplete="username"
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('auth.password')}</span>
            <input
              className="field__input"
              data-testid="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button className="button button--primary button--block" data-testid="login-submit" type="submit" disabled={pending}>
            {pending ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
