import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_ESCALATION_POLICY, ESCALATION_POLICY_DOC_ID, ESCALATION_POLICY_INDEX_NAME, type EscalationPolicy } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** The one policy document was saved by someone else since it was read. */
export class PolicyVersionConflict extends Error {}

@Injectable()
export class EscalationPolicyRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /** The saved policy, or the shipped default (version 0) until an admin saves one. */
  async current(): Promise<EscalationPolicy> {
    const doc = await this.es.get<EscalationPolicy>({ index: ESCALATION_POLICY_INDEX_NAME, id: ESCALATION_POLICY_DOC_ID }, { ignore: [404] });
    return doc.found && doc._source ? doc._source : DEFAULT_ESCALATION_POLICY;
  }

  /**
   * Saves version `policy.version`; the document's own version is the guard: the first save
   * creates it (create fails if another admin saved first), later ones need the previous version.
   */
  async save(policy: EscalationPolicy): Promise<void> {
    try {
      if (policy.version === 1) {
        await this.es.create({ index: ESCALATION_POLICY_INDEX_NAME, id: ESCALATION_POLICY_DOC_ID, document: policy, refresh: 'wait_for' });
      } else {
        // External versioning: Elasticsearch refuses a version not above the stored one.
        await this.es.index({
          index: ESCALATION_POLICY_INDEX_NAME,
          id: ESCALATION_POLICY_DOC_ID,
          document: policy,
          version: policy.version,
          version_type: 'external',
          refresh: 'wait_for',
        });
      }
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409) throw new PolicyVersionConflict();
      throw error;
    }
  }
}
