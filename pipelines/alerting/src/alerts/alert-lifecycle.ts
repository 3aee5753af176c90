import { ALERT_MOVES, type Alert, type AlertMove, type AlertTimelineEvent } from '@liaowang/contract';

/** A move the table does not allow from the alert's state (the API answers 422 naming the rule). */
export class AlertMoveRefused extends Error {
  constructor(
    readonly move: AlertMove,
    readonly state: Alert['state'],
  ) {
    super(`cannot ${move} an alert that is ${state}: allowed from ${ALERT_MOVES[move].from.join(', ')}`);
    this.name = 'AlertMoveRefused';
  }
}

const TIMELINE_TYPE: Record<AlertMove, AlertTimelineEvent['type']> = {
  ack: 'acknowledged',
  dismiss: 'dismissed',
  promote: 'promoted',
};

/** Applies one move of the table (STYLE habit 6) and appends its timeline entry. */
export function moveAlert(alert: Alert, move: AlertMove, by: string, now: Date, detail?: string): Alert {
  const allowed: readonly string[] = ALERT_MOVES[move].from;
  if (!allowed.includes(alert.state)) throw new AlertMoveRefused(move, alert.state);
  const at = now.toISOString();
  return {
    ...alert,
    state: ALERT_MOVES[move].to,
    dismissReason: move === 'dismiss' ? detail : alert.dismissReason,
    timeline: [...alert.timeline, { at, type: TIMELINE_TYPE[move], by, ...(detail ? { detail } : {}) }],
    updatedAt: at,
  };
}
