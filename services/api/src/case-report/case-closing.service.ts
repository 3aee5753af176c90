import { Injectable } from '@nestjs/common';
import type { Case, CaseClosingInput, SessionUser } from '@liaowang/contract';
import type { AuditRequestContext } from '@liaowang/platform';
import { caseRuleBroken, CaseWriter } from '../cases/case-writer.service';

/** The closing summary, outcome and lessons (R-CASE-6), written before the case is archived. */
@Injectable()
export class CaseClosingService {
  constructor(private readonly writer: CaseWriter) {}

  write(user: SessionUser, caseId: string, input: CaseClosingInput, context: AuditRequestContext): Promise<Case> {
    return this.writer.write(
      user,
      caseId,
      input.version,
      (current) => {
        if (current.state === 'archive')
          throw caseRuleBroken('not-archived', 'an archived case is reopened before its closing is rewritten');
        const at = new Date().toISOString();
        const closing = {
          summary: input.summary,
          outcome: input.outcome,
          ...(input.lessons ? { lessons: input.lessons } : {}),
          by: user.username,
          at,
        };
        return {
          kase: {
            ...current,
            closing,
            timeline: [...current.timeline, { at, by: user.username, type: 'closing_written', to: input.outcome }],
            updatedAt: at,
          },
          audit: { action: 'cases.closing', before: { closing: current.closing ?? null }, after: { closing } },
        };
      },
      context,
    );
  }
}
