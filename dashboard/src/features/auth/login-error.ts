import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../../api/api-error';

/** Turns a failed sign-in into a sentence the officer can act on. */
export function describeLoginError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('auth.error.network');
  if (error instanceof ApiError) {
    if (error.status === 401) return t('auth.error.badCredentials');
    if (error.status === 429) {
      return error.retryAfterSeconds
        ? t('auth.error.rateLimitedRetry', { seconds: error.retryAfterSeconds })
        : t('auth.error.rateLimited');
    }
    if (error.status === 400) return t('auth.error.invalid');
    return t('auth.error.server', { status: error.status });
  }
  return t('auth.error.network');
}
