import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../../api/api-error';

/** A failed case call as one line: the server's detail names the rule (422) or the role (403). */
export function describeCaseError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    // An evidence file refused for its content or size: said in the reader's language, with the type found.
    if (error.problem?.type === 'urn:liaowang:problem:file-type-not-allowed') {
      const found = error.problem.errors?.[0]?.message.replace(/^content is /, '') ?? '';
      return t('cases.evidence.typeRefused', { type: found });
    }
    if (error.status === 413) return t('cases.evidence.tooLarge');
    const detail = error.problem?.detail ?? error.problem?.title ?? t('error.http', { status: error.status });
    return t('cases.error.generic', { detail });
  }
  return error instanceof NetworkError ? t('error.network') : String(error);
}

export const isStaleError = (error: unknown) => error instanceof ApiError && error.status === 409;
