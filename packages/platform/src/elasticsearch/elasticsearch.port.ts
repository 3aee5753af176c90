import { Client, errors } from '@elastic/elasticsearch';
import type { IndexTemplateDefinition } from '@liaowang/contract';

export type { Client as ElasticsearchClient };
// Request and response shapes, for code that builds queries without importing the library.
export type { estypes as EsTypes } from '@elastic/elasticsearch';

export function createElasticsearchClient(url: string): Client {
  return new Client({ node: url, requestTimeout: 30_000, maxRetries: 2 });
}

/**
 * Installs an index template whose indices all join the read alias, so time-based indices
 * (R-PERF-5) appear to readers as one. Idempotent: safe at every start.
 */
export async function ensureIndexTemplate(client: Client, def: IndexTemplateDefinition): Promise<void> {
  await client.indices.putIndexTemplate({
    name: def.templateName,
    index_patterns: def.indexPatterns,
    version: def.version,
    priority: 100,
    template: {
      settings: def.settings,
      mappings: def.mappings as never,
      aliases: { [def.alias]: {} },
    },
  });
  // Indices made from an earlier version of the template get the fields added since: a template
  // applies only to indices created after it, and a strict mapping would refuse every write that
  // carries a new field (adding fields to a live index is allowed; a changed type fails here, at
  // start, naming the index, instead of on each write).
  const mappings = def.mappings as { properties?: Record<string, unknown> };
  if (!mappings.properties) return;
  try {
    await client.indices.putMapping({
      index: def.indexPatterns.join(','),
      allow_no_indices: true,
      ignore_unavailable: true,
      expand_wildcards: 'open',
      properties: mappings.properties as never,
    });
  } catch (error) {
    throw new Error(`the indices of ${def.templateName} cannot take its mapping: ${(error as Error).message}`, { cause: error });
  }
}

/** Readiness: the test-zip distribution has no `GET /`, so cluster health is the probe. */
export async function isElasticsearchReady(client: Client): Promise<boolean> {
  try {
    const health = await client.cluster.health({ timeout: '2s' });
    return health.status === 'green' || health.status === 'yellow';
  } catch {
    return false;
  }
}

/**
 * Creates the index if it does not exist yet (its template applies) and waits until its primary
 * shard is active, so readers of the alias never meet a shard that is still starting.
 */
export async function ensureIndex(client: Client, index: string): Promise<void> {
  if (await client.indices.exists({ index })) return;
  await client.indices.create({ index, wait_for_active_shards: 1 }).catch((error: unknown) => {
    if (!(error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception')) throw error;
  });
  await client.cluster.health({ index, wait_for_status: 'yellow', timeout: '30s' });
}

/** Errors worth answering with 503 + Retry-After: the node is down, busy, or a shard is not ready. */
export function isTransientElasticsearchError(error: unknown): boolean {
  if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError || error instanceof errors.NoLivingConnectionsError) {
    return true;
  }
  return error instanceof errors.ResponseError && [429, 502, 503, 504].includes(error.meta.statusCode ?? 0);
}
