import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../../api/api-error';

/** A failed duty call as one line: the server's detail (it names the field and rule), else the status. */
export function describeDutyError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 409) return t('duty.error.stale');
    return error.problem?.detail ?? t('error.http', { status: error.status });
  }
  return error instanceof NetworkError ? t('error.network') : String(error);
}
