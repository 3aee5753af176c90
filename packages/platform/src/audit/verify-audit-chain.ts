import type { SortResults } from '@elastic/elasticsearch/lib/api/types';
import { AUDIT_INDEX_NAME, type AuditChainVerdict, type AuditRecord } from '@liaowang/contract';
import type { ElasticsearchClient } from '../elasticsearch/elasticsearch.port';
import { AuditChainChecker } from './audit-chain';

const PAGE = 1000;

/**
 * Walks every audit record in seq order (a point in time, search_after, pages of 1000),
 * recomputes each hash and link and checks that seq runs 1, 2, 3, … (R-SEC-6).
 */
export async function verifyAuditChain(es: ElasticsearchClient, index = AUDIT_INDEX_NAME): Promise<AuditChainVerdict> {
  if (!(await es.indices.exists({ index }))) return { ok: true, records: 0 };
  // Search sees only refreshed documents; the newest appends may not be yet.
  await es.indices.refresh({ index });
  const checker = new AuditChainChecker();
  const pit = await es.openPointInTime({ index, keep_alive: '1m' });
  try {
    let after: SortResults | undefined;
    for (;;) {
      const page = await es.search<AuditRecord>({
        size: PAGE,
        pit: { id: pit.id, keep_alive: '1m' },
        sort: [{ seq: 'asc' }, { _shard_doc: 'asc' }],
        search_after: after,
        track_total_hits: false,
      });
      const hits = page.hits.hits;
      for (const hit of hits) {
        const broken = checker.push(hit._source as AuditRecord, hit._id);
        if (broken) return { ok: false, records: checker.records, ...broken };
      }
      if (hits.length < PAGE) break;
      after = hits[hits.length - 1].sort;
    }
  } finally {
    await es.closePointInTime({ id: pit.id }).catch(() => undefined);
  }
  return { ok: true, records: checker.records };
}
