import { Inject, Injectable } from '@nestjs/common';
import { AlertMoveRefused, moveAlert } from '@liaowang/alerting';
import {
  ALERT_MOVES,
  alertsTopic,
  type Alert,
  type AlertListQuery,
  type AlertListResponse,
  type AlertMove,
  type SessionUser,
} from '@liaowang/contract';
import { AUDIT_TRAIL, KAFKA, LOGGER, ProblemException, type AuditRequestContext, type AuditTrail, type KafkaPort, type Logger } from '@liaowang/platform';
import { AlertRepository, AlertVersionConflict } from './alert.repository';

/**
 * The duty officer's moves on an alert (R-ALR-3, action `alerts.ack`): one move of the table,
 * written with optimistic concurrency, audited with the state before and after, then published
 * on the alerts topic so every API instance pushes `alerts:updated`.
 */
@Injectable()
export class AlertHandlingService {
  constructor(
    private readonly alerts: AlertRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(query: AlertListQuery): Promise<AlertListResponse> {
    const alerts = await this.alerts.list(query);
    return alerts.length === query.size ? { alerts, nextCursor: alerts[alerts.length - 1].cursor } : { alerts };
  }

  async get(id: string): Promise<Alert> {
    const found = await this.alerts.find(id);
    if (!found) throw notFound(id);
    return found.alert;
  }

  /**
   * `detail` is the dismiss reason (kept as `dismissReason`, a keyword to filter on); `note` the
   * officer's free text, kept in the timeline entry.
   */
  async move(officer: SessionUser, id: string, move: AlertMove, context: AuditRequestContext, detail?: string, note?: string): Promise<Alert> {
    const current = await this.alerts.find(id);
    if (!current) throw notFound(id);
    let moved: Alert;
    try {
      moved = withNote(moveAlert(current.alert, move, officer.username, new Date(), detail), note);
    } catch (error) {
      if (error instanceof AlertMoveRefused) throw refused(current.alert, error);
      throw error;
    }
    try {
      await this.alerts.replace(current, moved);
    } catch (error) {
      if (error instanceof AlertVersionConflict) {
        throw new ProblemException({
          type: 'urn:liaowang:problem:conflict',
          title: 'Conflict',
          status: 409,
          detail: `Alert ${id} changed meanwhile (another move or a new match); reload and try again`,
        });
      }
      throw error;
    }
    await this.audit.append({
      actor: { username: officer.username, role: officer.role },
      action: `alerts.${move}`,
      target: { type: 'alert', id },
      before: { state: current.alert.state },
      after: { state: moved.state, ...(moved.dismissReason ? { dismissReason: moved.dismissReason } : {}) },
      ...(moved.timeline.at(-1)?.detail ? { detail: moved.timeline.at(-1)?.detail } : {}),
      outcome: 'success',
      ...context,
    });
    await this.publish(moved);
    return moved;
  }

  // The index holds the move already; a dashboard that misses this push sees it on its next list.
  private async publish(alert: Alert): Promise<void> {
    try {
      await this.kafka.send(alertsTopic, [{ key: alert.id, value: { event: 'updated', alert } }]);
    } catch (error) {
      this.logger.warn({ err: error, alertId: alert.id }, 'alert move saved but not published');
    }
  }
}

function withNote(alert: Alert, note: string | undefined): Alert {
  if (!note) return alert;
  const last = alert.timeline[alert.timeline.length - 1];
  const detail = last.detail ? `${last.detail}: ${note}` : note;
  return { ...alert, timeline: [...alert.timeline.slice(0, -1), { ...last, detail }] };
}

function refused(alert: Alert, error: AlertMoveRefused): ProblemException {
  const allowed = ALERT_MOVES[error.move].from.join(', ');
  return new ProblemException({
    type: 'urn:liaowang:problem:alert-move-refused',
    title: 'Move not allowed',
    status: 422,
    detail: `${error.message} (alert ${alert.id} of rule "${alert.rule.name}")`,
    errors: [{ field: 'state', message: `${error.move} is allowed only from ${allowed}; the alert is ${error.state}` }],
  });
}

function notFound(id: string): ProblemException {
  return ProblemException.notFound(`No alert ${id}`);
}
