import { Inject, Injectable } from '@nestjs/common';
import { compileMatch, KeywordQueryError } from '@liaowang/alerting';
import type { AlertRule, AlertRuleMatch, SessionUser, ValidAlertRuleInput } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { AlertRuleRepository, RuleVersionConflict } from './alert-rule.repository';

/**
 * Rule editing (R-ALR-1, action `alerts.rules.manage`): a rule is saved only if it compiles, each
 * save is a new version written with optimistic concurrency, and audited with before/after.
 */
@Injectable()
export class AlertRuleService {
  constructor(
    private readonly rules: AlertRuleRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  list(): Promise<AlertRule[]> {
    return this.rules.list();
  }

  async versions(id: string): Promise<AlertRule[]> {
    const versions = await this.rules.versions(id);
    if (versions.length === 0) throw notFound(id);
    return versions;
  }

  async create(editor: SessionUser, input: ValidAlertRuleInput, context: AuditRequestContext): Promise<AlertRule> {
    assertCompiles(input.match);
    const now = new Date().toISOString();
    const rule: AlertRule = { ...input, id: `rule-${randomUUID()}`, version: 1, createdAt: now, createdBy: editor.username, updatedAt: now, updatedBy: editor.username };
    await this.rules.create(rule);
    await this.record(editor, 'alert-rules.create', rule, context, undefined);
    return rule;
  }

  async update(editor: SessionUser, id: string, input: ValidAlertRuleInput & { version: number }, context: AuditRequestContext): Promise<AlertRule> {
    assertCompiles(input.match);
    const current = await this.rules.find(id);
    if (!current) throw notFound(id);
    if (current.rule.version !== input.version) throw stale(id, current.rule.version);
    const { version: _from, ...fields } = input;
    const rule: AlertRule = {
      ...fields,
      id,
      version: current.rule.version + 1,
      createdAt: current.rule.createdAt,
      createdBy: current.rule.createdBy,
      updatedAt: new Date().toISOString(),
      updatedBy: editor.username,
    };
    try {
      await this.rules.replace(current, rule);
    } catch (error) {
      if (error instanceof RuleVersionConflict) throw stale(id, current.rule.version);
      throw error;
    }
    await this.record(editor, 'alert-rules.update', rule, context, current.rule);
    return rule;
  }

  private async record(editor: SessionUser, action: string, after: AlertRule, context: AuditRequestContext, before?: AlertRule): Promise<void> {
    await this.audit.append({
      actor: { username: editor.username, role: editor.role },
      action,
      target: { type: 'alert-rule', id: after.id },
      ...(before ? { before: { ...before } } : {}),
      after: { ...after },
      outcome: 'success',
      ...context,
    });
  }
}

/** A keyword query that does not parse is refused with where and why (400 naming match.keywords). */
export function assertCompiles(match: AlertRuleMatch): void {
  try {
    compileMatch(match);
  } catch (error) {
    if (!(error instanceof KeywordQueryError)) throw error;
    const message = `at position ${error.offset}: ${error.message}`;
    throw new ProblemException({
      type: 'urn:liaowang:problem:validation',
      title: 'Invalid request',
      status: 400,
      detail: `match.keywords: ${message}`,
      errors: [{ field: 'match.keywords', message }],
    });
  }
}

function notFound(id: string): ProblemException {
  return ProblemException.notFound(`No alert rule ${id}`);
}

function stale(id: string, current: number): ProblemException {
  return new ProblemException({
    type: 'urn:liaowang:problem:conflict',
    title: 'Conflict',
    status: 409,
    detail: `Alert rule ${id} is at version ${current} now: someone saved it meanwhile; reload and try again`,
  });
}
