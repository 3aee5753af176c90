import { Inject, Injectable } from '@nestjs/common';
import {
  ALERT_MOVES,
  itemsIndex,
  type Alert,
  type Case,
  type CaseAssessment,
  type CaseEvidence,
  type CaseListQuery,
  type CaseListResponse,
  type CaseTransition,
  type CreateCase,
  type SessionUser,
} from '@liaowang/contract';
import {
  ELASTICSEARCH,
  ProblemException,
  type AuditRequestContext,
  type ElasticsearchClient,
} from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { AlertHandlingService } from '../alerts/alert-handling.service';
import { AlertRepository } from '../alerts/alert.repository';
import { computeClocks } from './case-clocks';
import { CaseClockPolicyRepository } from './case-clock-policy.repository';
import { CaseMoveForbidden, CaseMoveRefused, moveCase } from './case-lifecycle';
import { CaseRepository } from './case.repository';
import { caseRuleBroken, CaseWriter } from './case-writer.service';

const PROMOTABLE: readonly string[] = ALERT_MOVES.promote.from;

/** Opening, finding, moving and grading cases (R-CASE-1, R-CASE-2). */
@Injectable()
export class CaseService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly writer: CaseWriter,
    private readonly policies: CaseClockPolicyRepository,
    private readonly alerts: AlertRepository,
    private readonly alertHandling: AlertHandlingService,
    @Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient,
  ) {}

  list(query: CaseListQuery): Promise<CaseListResponse> {
    return this.cases.list(query);
  }

  async get(id: string): Promise<Case> {
    return (await this.writer.load(id)).kase;
  }

  /** By hand, from an impostor report, or from an alert (its items and rule come along; the alert is promoted). */
  async open(user: SessionUser, input: CreateCase, context: AuditRequestContext): Promise<Case> {
    const source = input.source;
    if (source && 'alertId' in source) return (await this.openFromAlert(user, source.alertId, context, input)).kase;
    const now = new Date().toISOString();
    const kase = blankCase(user, input.title, now, input.summary);
    if (source && 'impostorReportId' in source) {
      const report = await this.findItem(source.impostorReportId);
      if (!report || report.kind !== 'impostor_report') {
        throw ProblemException.notFound(`No impostor report ${source.impostorReportId}`);
      }
      kase.source = { kind: 'impostor_report', itemId: source.impostorReportId };
      kase.links.itemIds = [source.impostorReportId];
      kase.evidence = [linkEvidence('item', source.impostorReportId, user.username, now)];
    }
    await this.cases.create(kase);
    await this.writer.created(user, kase, context);
    return kase;
  }

  /**
   * A case from an alert. The case is written first (the alert's timeline names its id), then the
   * alert is promoted if it is still new or acknowledged. `strict` (the promote route) refuses an
   * alert that cannot be promoted before any case is made.
   */
  async openFromAlert(
    user: SessionUser,
    alertId: string,
    context: AuditRequestContext,
    input: Partial<CreateCase> = {},
    strict = false,
    note?: string,
  ): Promise<{ kase: Case; alert: Alert }> {
    const found = await this.alerts.find(alertId);
    if (!found) throw ProblemException.notFound(`No alert ${alertId}`);
    const alert = found.alert;
    const promotable = PROMOTABLE.includes(alert.state);
    if (strict && !promotable)
      throw caseRuleBroken(
        'alert-promotable',
        `the alert is ${alert.state}; only a new or acknowledged alert is promoted`,
      );
    const now = new Date().toISOString();
    const title = input.title ?? `${alert.rule.name}：${alert.items[0]?.text.slice(0, 60) ?? ''}`;
    const kase = blankCase(user, title, now, input.summary);
    const itemIds = [...new Set(alert.items.map((item) => item.id))];
    kase.source = { kind: 'alert', alertId, ...(itemIds[0] ? { itemId: itemIds[0] } : {}) };
    kase.links = { alertIds: [alertId], itemIds, storyIds: [] };
    kase.evidence = [
      linkEvidence('alert', alertId, user.username, now),
      ...itemIds.map((id) => linkEvidence('item', id, user.username, now)),
    ];
    kase.timeline[0].detail = `from alert ${alertId} (rule ${alert.rule.name} v${alert.ruleVersion}, ${alert.count} matches)`;
    await this.cases.create(kase);
    await this.writer.created(user, kase, context);
    const promoted = promotable
      ? await this.alertHandling.move(
          user,
          alertId,
          'promote',
          context,
          undefined,
          [`case ${kase.id}`, note].filter(Boolean).join(': '),
        )
      : alert;
    return { kase, alert: promoted };
  }

  async transition(user: SessionUser, id: string, input: CaseTransition, context: AuditRequestContext): Promise<Case> {
    return this.writer.write(
      user,
      id,
      input.version,
      (kase) => {
        try {
          const moved = moveCase(kase, input.to, user, input.reason, new Date());
          return {
            kase: moved,
            audit: {
              action: 'cases.transition',
              before: { state: kase.state },
              after: { state: moved.state },
              detail: input.reason,
            },
          };
        } catch (error) {
          if (error instanceof CaseMoveRefused) throw caseRuleBroken(error.rule, error.message, 'to');
          if (error instanceof CaseMoveForbidden) throw ProblemException.forbidden(error.message);
          throw error;
        }
      },
      context,
    );
  }

  /** Grading sets the owner level and the clocks from the grade's row of the policy (snapshotted in the case). */
  async assess(user: SessionUser, id: string, input: CaseAssessment, context: AuditRequestContext): Promise<Case> {
    const policy = await this.policies.current();
    return this.writer.write(
      user,
      id,
      input.version,
      (kase) => {
        if (kase.state === 'archive')
          throw caseRuleBroken('not-archived', 'an archived case is reopened before it is graded again');
        const row = { ...policy.grades[input.grade], version: policy.version };
        const at = new Date().toISOString();
        const next: Case = {
          ...kase,
          grade: input.grade,
          owner: input.owner,
          ownerLevel: row.ownerLevel,
          clocks: computeClocks(kase, row),
          timeline: [
            ...kase.timeline,
            {
              at,
              by: user.username,
              type: 'assessed',
              ...(kase.grade ? { from: kase.grade } : {}),
              to: input.grade,
              detail: `owner ${input.owner} (${row.ownerLevel})`,
            },
          ],
          updatedAt: at,
        };
        return {
          kase: next,
          audit: {
            action: 'cases.assess',
            before: { grade: kase.grade, owner: kase.owner },
            after: {
              grade: next.grade,
              owner: next.owner,
              ownerLevel: next.ownerLevel,
              clocks: { ...next.clocks, policy: undefined },
            },
          },
        };
      },
      context,
    );
  }

  private async findItem(id: string): Promise<{ kind: string } | undefined> {
    const result = await this.es.search<{ kind: string }>({
      index: itemsIndex.alias,
      ignore_unavailable: true,
      size: 1,
      query: { ids: { values: [id] } },
      _source: ['kind'],
    });
    return result.hits.hits[0]?._source;
  }
}

function blankCase(user: SessionUser, title: string, now: string, summary?: string): Case {
  return {
    id: randomUUID(),
    version: 1,
    title,
    ...(summary ? { summary } : {}),
    state: 'receipt',
    source: { kind: 'manual' },
    links: { alertIds: [], itemIds: [], storyIds: [] },
    clocks: { breaches: [] },
    tasks: [],
    referrals: [],
    evidence: [],
    statements: [],
    timeline: [{ at: now, by: user.username, type: 'opened' }],
    openedAt: now,
    openedBy: user.username,
    updatedAt: now,
  };
}

function linkEvidence(kind: CaseEvidence['kind'], ref: string, by: string, at: string): CaseEvidence {
  return { id: randomUUID(), kind, ref, addedBy: by, addedAt: at };
}
