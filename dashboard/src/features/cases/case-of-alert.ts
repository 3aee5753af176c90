import type { Alert } from '@liaowang/contract';

/**
 * The case a promoted alert opened: promotion writes `case <id>` (then the note, if any) into
 * the alert's 'promoted' timeline entry. Undefined for an alert not promoted to a case.
 */
export function caseIdOfAlert(alert: Pick<Alert, 'timeline'>): string | undefined {
  const promoted = [...alert.timeline].reverse().find((event) => event.type === 'promoted');
  return promoted?.detail?.match(/^case ([^\s:]+)/)?.[1];
}
