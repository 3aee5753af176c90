import { errors, type Client } from '@elastic/elasticsearch';
import type { AuditEntry, IndexTemplateDefinition } from '@liaowang/contract';
import type { AuditTrail } from '../audit';
import { monthPrefixOf, planRetention } from './retention-policy';

export interface RetentionOutcome {
  created: string[];
  deleted: string[];
}

/**
 * The rollover and retention job of the time-based indices (R-ENR-7), for a server without ILM:
 * creates the current and next month index of each time-based template and deletes the months
 * past `keepMonths` (see planRetention). Every instance may run it: an index another instance
 * already created or deleted is skipped, and only what this run changed is audited.
 */
export async function applyRetention(
  es: Client,
  audit: Pick<AuditTrail, 'append'>,
  templates: readonly IndexTemplateDefinition[],
  keepMonths: number,
  now = new Date(),
  actor: AuditEntry['actor'] = { username: 'system', role: 'system' },
): Promise<RetentionOutcome> {
  const timeBased = templates.filter((t) => monthPrefixOf(t));
  const existing = Object.keys(
    await es.indices.get({ index: timeBased.flatMap((t) => t.indexPatterns).join(','), ignore_unavailable: true, allow_no_indices: true, expand_wildcards: ['open', 'closed'] }),
  );
  const plan = planRetention(existing, timeBased.map((t) => monthPrefixOf(t)!), now, keepMonths);
  const outcome: RetentionOutcome = { created: [], deleted: [] };
  for (const index of plan.create) {
    try {
      await es.indices.create({ index, wait_for_active_shards: 1 });
    } catch (error) {
      if (error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception') continue;
      throw error;
    }
    outcome.created.push(index);
    await audit.append({ actor, action: 'indices.rollover', target: { type: 'index', id: index }, after: { keepMonths }, outcome: 'success' });
  }
  for (const index of plan.delete) {
    const response = await es.indices.delete({ index }, { ignore: [404], meta: true });
    if (response.statusCode === 404) continue;
    outcome.deleted.push(index);
    await audit.append({
      actor,
      action: 'indices.retention.delete',
      target: { type: 'index', id: index },
      after: { keepMonths },
      outcome: 'success',
      detail: `older than ${keepMonths} month(s) before ${now.toISOString()}`,
    });
  }
  return outcome;
}
