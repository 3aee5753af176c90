import { Client } from '@elastic/elasticsearch';
import type { IndexTemplateDefinition } from '@liaowang/contract';

export type { Client as ElasticsearchClient };

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
