import { Inject, Injectable } from '@nestjs/common';
import {
  currentVersion,
  type Case,
  type CaseStatement,
  type CaseTimelineEvent,
  type DraftCheckResult,
  type SessionUser,
  type StatementDiff,
  type StatementDiffQuery,
  type StatementDraft,
  type StatementReleaseInput,
  type StatementRevise,
  type StatementSignOffInput,
  type StatementWriteResponse,
} from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { refreshClocks } from '../cases/case-clocks';
import { caseRuleBroken, CaseWriter } from '../cases/case-writer.service';
import { createDraftChecker, type DraftChecker } from './draft-checks';
import { diffStatementTexts } from './statement-diff';
import {
  effectiveTier,
  judgeSignOff,
  stateAfterSignOffs,
  type SignOffVerdict,
} from './statement-tiers';

/** Thrown inside a case write to leave it unwritten; the service audits the refusal and answers 403. */
class SignOffRefused extends Error {
  constructor(readonly verdict: Extract<SignOffVerdict, { ok: false }>) {
    super(verdict.message);
  }
}

const notFound = (what: string, id: string) => ProblemException.notFound(`No ${what} ${id} in this case`);

function statementRule(rule: string, detail: string, field = 'version'): ProblemException {
  return new ProblemException({
    type: `urn:liaowang:problem:${rule}`,
    title: 'Not allowed by the sign-off rules',
    status: 422,
    detail: `${detail} (rule ${rule})`,
    errors: [{ field, message: `rule ${rule}: ${detail}` }],
  });
}

function openForWork(kase: Case): void {
  if (kase.state === 'archive')
    throw caseRuleBroken('not-archived', 'an archived case is reopened before it is worked on');
}

/**
 * Statements and rumor rebuttals of a case (R-CASE-3): drafted and revised with the pre-sign-off
 * checks, signed off step by step by tier (003 Art. 18), released as the agreed line (004 Art. 12).
 * Each change is one versioned case write with its timeline entry, audited and pushed.
 */
@Injectable()
export class StatementService {
  private checker?: DraftChecker;

  constructor(
    private readonly writer: CaseWriter,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async draft(
    user: SessionUser,
    caseId: string,
    input: StatementDraft,
    context: AuditRequestContext,
  ): Promise<StatementWriteResponse> {
    const statementId = `st-${randomUUID()}`;
    const kase = await this.writer.write(
      user,
      caseId,
      input.version,
      (current) => {
        openForWork(current);
        const at = new Date().toISOString();
        const tier = effectiveTier(input.tier, current.grade);
        const statement: CaseStatement = {
          id: statementId,
          kind: input.kind,
          tier,
          versions: [{ n: 1, text: input.text, by: user.username, at }],
          signOffs: [],
          state: 'draft',
          checks: this.check(input.text, 1, at),
        };
        const raised = tier !== input.tier ? `; tier raised from ${input.tier} by grade ${current.grade}` : '';
        const entry: CaseTimelineEvent = {
          at,
          by: user.username,
          type: 'statement_drafted',
          to: tier,
          detail: `${statementId} (${input.kind})${raised}`,
        };
        return {
          kase: {
            ...current,
            statements: [...current.statements, statement],
            timeline: [...current.timeline, entry],
            updatedAt: at,
          },
          audit: {
            action: 'statements.draft',
            after: { statementId, kind: input.kind, tier, findings: statement.checks?.findings.length ?? 0 },
          },
        };
      },
      context,
    );
    return answer(kase, statementId);
  }

  async revise(
    user: SessionUser,
    caseId: string,
    statementId: string,
    input: StatementRevise,
    context: AuditRequestContext,
  ): Promise<StatementWriteResponse> {
    const kase = await this.writer.write(
      user,
      caseId,
      input.version,
      (current) => {
        openForWork(current);
        const statement = findStatement(current, statementId);
        if (statement.state === 'released')
          throw statementRule(
            'statement-released',
            'a released statement is not changed: draft a new one for an update',
            'text',
          );
        const at = new Date().toISOString();
        const n = currentVersion(statement) + 1;
        // A new text needs every sign-off again: the earlier ones stay as record, on their version.
        const revised: CaseStatement = {
          ...statement,
          versions: [...statement.versions, { n, text: input.text, by: user.username, at }],
          state: 'draft',
          checks: this.check(input.text, n, at),
        };
        const entry: CaseTimelineEvent = {
          at,
          by: user.username,
          type: 'statement_revised',
          to: `v${n}`,
          detail: statementId,
        };
        return {
          kase: {
            ...current,
            statements: replaceStatement(current, revised),
            timeline: [...current.timeline, entry],
            updatedAt: at,
          },
          audit: {
            action: 'statements.revise',
            before: { statementId, versionN: n - 1, state: statement.state },
            after: { statementId, versionN: n },
          },
        };
      },
      context,
    );
    return answer(kase, statementId);
  }

  async signOff(
    user: SessionUser,
    caseId: string,
    statementId: string,
    input: StatementSignOffInput,
    context: AuditRequestContext,
  ): Promise<StatementWriteResponse> {
    try {
      const kase = await this.writer.write(
        user,
        caseId,
        input.version,
        (current) => {
          openForWork(current);
          const statement = findStatement(current, statementId);
          const verdict = judgeSignOff(statement, user);
          if (!verdict.ok && verdict.status === 403) throw new SignOffRefused(verdict);
          if (!verdict.ok) throw statementRule(verdict.rule, verdict.message, 'decision');
          const at = new Date().toISOString();
          const versionN = currentVersion(statement);
          const given = {
            by: user.username,
            role: user.role,
            at,
            step: verdict.step.step,
            versionN,
            decision: input.decision,
            ...(input.note ? { note: input.note } : {}),
          };
          const withSignOff: CaseStatement = {
            ...statement,
            signOffs: [...statement.signOffs, given],
            // The checks ran on every draft; a text signed off without them would be a gap.
            checks:
              statement.checks?.versionN === versionN
                ? statement.checks
                : this.check(statement.versions.at(-1)!.text, versionN, at),
          };
          const signed: CaseStatement = { ...withSignOff, state: stateAfterSignOffs(withSignOff) };
          const entry: CaseTimelineEvent = {
            at,
            by: user.username,
            type: 'statement_signed_off',
            from: statement.state,
            to: signed.state,
            detail: `${statementId} v${versionN} ${verdict.step.step}: ${input.decision}`,
            ...(input.note ? { reason: input.note } : {}),
          };
          return {
            kase: {
              ...current,
              statements: replaceStatement(current, signed),
              timeline: [...current.timeline, entry],
              updatedAt: at,
            },
            audit: {
              action: 'statements.signoff',
              before: { statementId, state: statement.state },
              after: { statementId, state: signed.state, step: verdict.step.step, decision: input.decision, versionN },
            },
          };
        },
        context,
      );
      return answer(kase, statementId);
    } catch (error) {
      if (!(error instanceof SignOffRefused)) throw error;
      // R-SEC-2: a refused sign-off is on the record, though the case is left as it was.
      await this.audit.append({
        actor: { username: user.username, role: user.role },
        action: 'statements.signoff',
        target: { type: 'case', id: caseId },
        detail: `${statementId} ${error.verdict.step?.step ?? ''}: ${error.verdict.message}`,
        outcome: 'failure',
        ...context,
      });
      throw new ProblemException({
        type: 'urn:liaowang:problem:forbidden',
        title: 'Forbidden',
        status: 403,
        detail: `${error.verdict.message} (rule ${error.verdict.rule})`,
      });
    }
  }

  async release(
    user: SessionUser,
    caseId: string,
    statementId: string,
    input: StatementReleaseInput,
    context: AuditRequestContext,
  ): Promise<StatementWriteResponse> {
    const kase = await this.writer.write(
      user,
      caseId,
      input.version,
      (current) => {
        openForWork(current);
        const statement = findStatement(current, statementId);
        if (statement.state !== 'signed_off') {
          throw statementRule(
            'statement-not-signed-off',
            `only a fully signed-off statement is released (this one is ${statement.state})`,
          );
        }
        const at = new Date().toISOString();
        const text = statement.versions.at(-1)!.text;
        const released: CaseStatement = { ...statement, state: 'released', releasedAt: at };
        const entry: CaseTimelineEvent = {
          at,
          by: user.username,
          type: 'statement_released',
          detail: `${statementId} v${currentVersion(statement)}`,
        };
        // 统一口径: the newest released statement is what every officer answers with; the
        // next-update clock restarts from it.
        const next = refreshClocks({
          ...current,
          statements: replaceStatement(current, released),
          agreedLine: { statementId, text, releasedAt: at },
          timeline: [...current.timeline, entry],
          updatedAt: at,
        });
        return {
          kase: next,
          audit: {
            action: 'statements.release',
            before: { agreedLine: current.agreedLine?.statementId ?? null },
            after: { statementId, versionN: currentVersion(statement), releasedAt: at },
          },
        };
      },
      context,
    );
    return answer(kase, statementId);
  }

  async diff(caseId: string, statementId: string, query: StatementDiffQuery): Promise<StatementDiff> {
    const { kase } = await this.writer.load(caseId);
    const statement = findStatement(kase, statementId);
    const to = query.to ?? currentVersion(statement);
    const from = query.from ?? Math.max(1, to - 1);
    const older = statement.versions.find((v) => v.n === from);
    const newer = statement.versions.find((v) => v.n === to);
    if (!older) throw notFound('version', String(from));
    if (!newer) throw notFound('version', String(to));
    return diffStatementTexts(older, newer);
  }

  private check(text: string, versionN: number, at: string): DraftCheckResult {
    this.checker ??= createDraftChecker();
    const findings = this.checker.check(text);
    return { versionN, checkedAt: at, findings, clean: findings.length === 0 };
  }
}

function findStatement(kase: Case, statementId: string): CaseStatement {
  const statement = kase.statements.find((s) => s.id === statementId);
  if (!statement) throw notFound('statement', statementId);
  return statement;
}

function replaceStatement(kase: Case, statement: CaseStatement): CaseStatement[] {
  return kase.statements.map((s) => (s.id === statement.id ? statement : s));
}

function answer(kase: Case, statementId: string): StatementWriteResponse {
  return { case: kase, statement: findStatement(kase, statementId) };
}
