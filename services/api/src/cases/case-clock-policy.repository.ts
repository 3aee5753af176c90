import { Inject, Injectable } from '@nestjs/common';
import {
  CASE_CLOCK_POLICY_DOC_ID,
  CASE_CLOCK_POLICY_INDEX_NAME,
  DEFAULT_CASE_CLOCK_POLICY,
  type CaseClockPolicy,
} from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** The one policy document was saved by someone else since it was read. */
export class ClockPolicyVersionConflict extends Error {}

@Injectable()
export class CaseClockPolicyRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /** The saved table, or the shipped default (version 0) until an admin saves one. */
  async current(): Promise<CaseClockPolicy> {
    const doc = await this.es.get<CaseClockPolicy>(
      { index: CASE_CLOCK_POLICY_INDEX_NAME, id: CASE_CLOCK_POLICY_DOC_ID },
      { ignore: [404] },
    );
    return doc.found && doc._source ? doc._source : DEFAULT_CASE_CLOCK_POLICY;
  }

  /** The first save creates the document; later ones use external versioning, so a stale save fails. */
  async save(policy: CaseClockPolicy): Promise<void> {
    try {
      if (policy.version === 1) {
        await this.es.create({
          index: CASE_CLOCK_POLICY_INDEX_NAME,
          id: CASE_CLOCK_POLICY_DOC_ID,
          document: policy,
          refresh: 'wait_for',
        });
      } else {
        await this.es.index({
          index: CASE_CLOCK_POLICY_INDEX_NAME,
          id: CASE_CLOCK_POLICY_DOC_ID,
          document: policy,
          version: policy.version,
          version_type: 'external',
          refresh: 'wait_for',
        });
      }
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409)
        throw new ClockPolicyVersionConflict();
      throw error;
    }
  }
}
