import { Inject, Injectable } from '@nestjs/common';
import { ALERT_RULE_VERSIONS_INDEX_NAME, ALERT_RULES_INDEX_NAME, type AlertRule } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** A current rule with its optimistic-concurrency position (if_seq_no / if_primary_term). */
export interface VersionedRule {
  rule: AlertRule;
  seqNo: number;
  primaryTerm: number;
}

/** The rule changed since it was read, or a rule with that id exists already. */
export class RuleVersionConflict extends Error {}

// A duty office keeps dozens of rules, not thousands: one page lists them all.
const MAX_RULES = 10_000;

/**
 * Rules of record (R-ALR-1): the current version under the rule id, and every version under
 * `<id>@<version>` so an alert's rule version can always be read back.
 */
@Injectable()
export class AlertRuleRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async list(): Promise<AlertRule[]> {
    const result = await this.es.search<AlertRule>({
      index: ALERT_RULES_INDEX_NAME,
      size: MAX_RULES,
      sort: [{ 'name.raw': 'asc' }, { id: 'asc' }],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  async find(id: string): Promise<VersionedRule | null> {
    const doc = await this.es.get<AlertRule>({ index: ALERT_RULES_INDEX_NAME, id }, { ignore: [404] });
    if (!doc.found || !doc._source || doc._seq_no === undefined || doc._primary_term === undefined) return null;
    return { rule: doc._source, seqNo: doc._seq_no, primaryTerm: doc._primary_term };
  }

  async versions(id: string): Promise<AlertRule[]> {
    const result = await this.es.search<AlertRule>({
      index: ALERT_RULE_VERSIONS_INDEX_NAME,
      size: MAX_RULES,
      query: { term: { id } },
      sort: [{ version: 'desc' }],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  async create(rule: AlertRule): Promise<void> {
    try {
      await this.es.create({ index: ALERT_RULES_INDEX_NAME, id: rule.id, document: rule, refresh: 'wait_for' });
    } catch (error) {
      if (statusOf(error) === 409) throw new RuleVersionConflict(rule.id);
      throw error;
    }
    await this.keepVersion(rule);
  }

  /** Saves the next version only if nobody saved the rule since `from` was read. */
  async replace(from: VersionedRule, rule: AlertRule): Promise<void> {
    try {
      await this.es.index({
        index: ALERT_RULES_INDEX_NAME,
        id: rule.id,
        document: rule,
        if_seq_no: from.seqNo,
        if_primary_term: from.primaryTerm,
        refresh: 'wait_for',
      });
    } catch (error) {
      if (statusOf(error) === 409) throw new RuleVersionConflict(rule.id);
      throw error;
    }
    await this.keepVersion(rule);
  }

  // After the guarded write of the current doc, so a save that lost the race leaves no version
  // behind; written by id, so a retried save rewrites the same document.
  private async keepVersion(rule: AlertRule): Promise<void> {
    await this.es.index({ index: ALERT_RULE_VERSIONS_INDEX_NAME, id: `${rule.id}@${rule.version}`, document: rule, refresh: 'wait_for' });
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}
