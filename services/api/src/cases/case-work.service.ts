import { Injectable } from '@nestjs/common';
import type {
  Case,
  CaseEvidence,
  CaseEvidenceAdd,
  CaseEvidenceRemove,
  CaseReferral,
  CaseReferralCreate,
  CaseReferralReply,
  CaseTask,
  CaseTaskCreate,
  CaseTaskUpdate,
  EvidenceFileMediaType,
  SessionUser,
} from '@liaowang/contract';
import { ProblemException, type AuditRequestContext } from '@liaowang/platform';
import { createHash, randomUUID } from 'node:crypto';
import { checkEvidenceFile } from './case-evidence-file';
import { CaseRepository } from './case.repository';
import { caseRuleBroken, CaseWriter, staleCase } from './case-writer.service';

const notFound = (what: string, id: string) => ProblemException.notFound(`No ${what} ${id} in this case`);

function openForWork(kase: Case): void {
  if (kase.state === 'archive')
    throw caseRuleBroken('not-archived', 'an archived case is reopened before it is worked on');
}

/** Tasks, referrals and evidence of a case (R-CASE-3, R-CASE-5); each change one versioned write with its timeline entry. */
@Injectable()
export class CaseWorkService {
  constructor(
    private readonly writer: CaseWriter,
    private readonly cases: CaseRepository,
  ) {}

  addTask(user: SessionUser, id: string, input: CaseTaskCreate, context: AuditRequestContext): Promise<Case> {
    return this.writer.write(
      user,
      id,
      input.version,
      (kase) => {
        openForWork(kase);
        const at = new Date().toISOString();
        const task: CaseTask = {
          id: randomUUID(),
          title: input.title,
          assignee: input.assignee,
          dueAt: input.dueAt,
          state: 'open',
          createdBy: user.username,
          createdAt: at,
        };
        return {
          kase: {
            ...kase,
            tasks: [...kase.tasks, task],
            timeline: [
              ...kase.timeline,
              { at, by: user.username, type: 'task_added', to: task.assignee, detail: `${task.id}: ${task.title}` },
            ],
            updatedAt: at,
          },
          audit: { action: 'cases.task.add', after: { ...task } },
        };
      },
      context,
    );
  }

  updateTask(
    user: SessionUser,
    id: string,
    taskId: string,
    input: CaseTaskUpdate,
    context: AuditRequestContext,
  ): Promise<Case> {
    return this.writer.write(
      user,
      id,
      input.version,
      (kase) => {
        openForWork(kase);
        const task = kase.tasks.find((t) => t.id === taskId);
        if (!task) throw notFound('task', taskId);
        const at = new Date().toISOString();
        const entry = {
          at,
          by: user.username,
          type: 'task_updated' as const,
          from: task.state,
          to: input.state,
          detail: `${task.id}: ${task.title}`,
          ...(input.note ? { reason: input.note } : {}),
        };
        return {
          kase: {
            ...kase,
            tasks: kase.tasks.map((t) => (t.id === taskId ? { ...t, state: input.state, updatedAt: at } : t)),
            timeline: [...kase.timeline, entry],
            updatedAt: at,
          },
          audit: {
            action: 'cases.task.update',
            before: { taskId, state: task.state },
            after: { taskId, state: input.state },
          },
        };
      },
      context,
    );
  }

  addReferral(user: SessionUser, id: string, input: CaseReferralCreate, context: AuditRequestContext): Promise<Case> {
    return this.writer.write(
      user,
      id,
      input.version,
      (kase) => {
        openForWork(kase);
        const at = new Date().toISOString();
        const referral: CaseReferral = {
          id: randomUUID(),
          to: input.to,
          ...(input.department ? { department: input.department } : {}),
          sent: input.sent,
          sentAt: at,
          sentBy: user.username,
        };
        const entry = {
          at,
          by: user.username,
          type: 'referral_sent' as const,
          to: input.department ? `${input.to}:${input.department}` : input.to,
          detail: referral.id,
        };
        return {
          kase: {
            ...kase,
            referrals: [...kase.referrals, referral],
            timeline: [...kase.timeline, entry],
            updatedAt: at,
          },
          audit: { action: 'cases.referral.send', after: { ...referral } },
        };
      },
      context,
    );
  }

  replyReferral(
    user: SessionUser,
    id: string,
    referralId: string,
    input: CaseReferralReply,
    context: AuditRequestContext,
  ): Promise<Case> {
    return this.writer.write(
      user,
      id,
      input.version,
      (kase) => {
        const referral = kase.referrals.find((r) => r.id === referralId);
        if (!referral) throw notFound('referral', referralId);
        if (referral.reply)
          throw caseRuleBroken('reply-once', 'the reply to this referral is already recorded', 'reply');
        const at = new Date().toISOString();
        const replied: CaseReferral = { ...referral, reply: input.reply, repliedAt: at, repliedBy: user.username };
        return {
          kase: {
            ...kase,
            referrals: kase.referrals.map((r) => (r.id === referralId ? replied : r)),
            timeline: [
              ...kase.timeline,
              { at, by: user.username, type: 'referral_replied', from: referral.to, detail: referralId },
            ],
            updatedAt: at,
          },
          audit: { action: 'cases.referral.reply', after: { referralId, reply: input.reply } },
        };
      },
      context,
    );
  }

  async addEvidence(
    user: SessionUser,
    id: string,
    input: CaseEvidenceAdd,
    context: AuditRequestContext,
  ): Promise<Case> {
    if (input.kind === 'file') {
      const checked = checkEvidenceFile(input.contentBase64, input.mediaType);
      if (!checked.ok) throw caseRuleBroken(checked.rule, checked.detail, 'contentBase64');
      return this.addEvidenceFile(
        user,
        id,
        {
          name: input.name,
          mediaType: input.mediaType,
          bytes: checked.bytes,
          note: input.note,
          version: input.version,
        },
        context,
      );
    }
    const evidence: CaseEvidence = {
      id: randomUUID(),
      kind: input.kind,
      ref: input.ref,
      addedBy: user.username,
      addedAt: new Date().toISOString(),
      ...(input.note ? { note: input.note } : {}),
    };
    return this.appendEvidence(user, id, input.version, evidence, context);
  }

  /** A file whose type and size were checked: its bytes are kept first, then the case names it with its SHA-256. */
  async addEvidenceFile(
    user: SessionUser,
    id: string,
    file: { name: string; mediaType: EvidenceFileMediaType; bytes: Buffer; note?: string; version: number },
    context: AuditRequestContext,
  ): Promise<Case> {
    const current = await this.writer.load(id);
    // A stale upload is refused before its bytes are kept.
    if (current.kase.version !== file.version) throw staleCase(id, current.kase.version);
    openForWork(current.kase);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const evidence: CaseEvidence = {
      id: randomUUID(),
      kind: 'file',
      ref: sha256,
      sha256,
      size: file.bytes.length,
      mediaType: file.mediaType,
      name: file.name,
      addedBy: user.username,
      addedAt: new Date().toISOString(),
      ...(file.note ? { note: file.note } : {}),
    };
    // The bytes first: a case never names a file that is not kept.
    await this.cases.saveFile({
      caseId: id,
      evidenceId: evidence.id,
      sha256,
      size: file.bytes.length,
      mediaType: file.mediaType,
      name: file.name,
      content: file.bytes.toString('base64'),
      addedAt: evidence.addedAt,
    });
    return this.appendEvidence(user, id, file.version, evidence, context);
  }

  private appendEvidence(
    user: SessionUser,
    id: string,
    version: number,
    evidence: CaseEvidence,
    context: AuditRequestContext,
  ): Promise<Case> {
    const at = evidence.addedAt;
    return this.writer.write(
      user,
      id,
      version,
      (kase) => {
        openForWork(kase);
        const links = { ...kase.links };
        if (evidence.kind === 'item' && !links.itemIds.includes(evidence.ref))
          links.itemIds = [...links.itemIds, evidence.ref];
        if (evidence.kind === 'alert' && !links.alertIds.includes(evidence.ref))
          links.alertIds = [...links.alertIds, evidence.ref];
        if (evidence.kind === 'story' && !links.storyIds.includes(evidence.ref))
          links.storyIds = [...links.storyIds, evidence.ref];
        const detail =
          evidence.kind === 'file'
            ? `${evidence.id}: ${evidence.name} sha256 ${evidence.sha256}`
            : `${evidence.id}: ${evidence.kind} ${evidence.ref}`;
        return {
          kase: {
            ...kase,
            links,
            evidence: [...kase.evidence, evidence],
            timeline: [...kase.timeline, { at, by: user.username, type: 'evidence_added', detail }],
            updatedAt: at,
          },
          audit: { action: 'cases.evidence.add', after: { ...evidence } },
        };
      },
      context,
    );
  }

  /** Unlinking keeps the evidence with who, when and why, and says so in the timeline (never a silent removal). */
  removeEvidence(
    user: SessionUser,
    id: string,
    evidenceId: string,
    input: CaseEvidenceRemove,
    context: AuditRequestContext,
  ): Promise<Case> {
    return this.writer.write(
      user,
      id,
      input.version,
      (kase) => {
        const evidence = kase.evidence.find((e) => e.id === evidenceId);
        if (!evidence) throw notFound('evidence', evidenceId);
        if (evidence.removed) throw caseRuleBroken('unlink-once', 'this evidence is already unlinked', 'evidenceId');
        const at = new Date().toISOString();
        const removed = { by: user.username, at, reason: input.reason };
        return {
          kase: {
            ...kase,
            evidence: kase.evidence.map((e) => (e.id === evidenceId ? { ...e, removed } : e)),
            timeline: [
              ...kase.timeline,
              {
                at,
                by: user.username,
                type: 'evidence_removed',
                reason: input.reason,
                detail: `${evidence.id}: ${evidence.kind} ${evidence.ref}`,
              },
            ],
            updatedAt: at,
          },
          audit: {
            action: 'cases.evidence.unlink',
            before: { evidenceId, kind: evidence.kind, ref: evidence.ref },
            after: { removed },
            detail: input.reason,
          },
        };
      },
      context,
    );
  }
}
