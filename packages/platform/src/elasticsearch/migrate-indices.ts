import type { Client } from '@elastic/elasticsearch';
import type { IndexTemplateDefinition } from '@liaowang/contract';
import { ensureIndex, ensureIndexTemplate } from './elasticsearch.port';

/** One thing a migration did; an empty list means everything was already as defined. */
export interface MigrationChange {
  kind: 'template.created' | 'template.updated' | 'index.created' | 'alias.added' | 'fields.added';
  /** The template or index concerned. */
  name: string;
  detail: string;
}

const isTimeBased = (def: IndexTemplateDefinition) => def.indexPatterns.some((p) => p.includes('*'));

/**
 * Brings Elasticsearch to the templates of the contract (`liaowang migrate`, R-ENR-7): each
 * template installed or updated when its version differs, each single index created, every
 * existing index joined to its alias and given the fields added since it was made. Idempotent:
 * a second run returns no change.
 */
export async function migrateIndices(es: Client, templates: readonly IndexTemplateDefinition[]): Promise<MigrationChange[]> {
  const changes: MigrationChange[] = [];
  for (const def of templates) {
    const installed = await installedVersion(es, def.templateName);
    if (installed !== def.version) {
      await ensureIndexTemplate(es, def);
      changes.push(
        installed === undefined
          ? { kind: 'template.created', name: def.templateName, detail: `version ${def.version}` }
          : { kind: 'template.updated', name: def.templateName, detail: `version ${installed ?? 'none'} → ${def.version}` },
      );
    }
    if (!isTimeBased(def)) {
      for (const index of def.indexPatterns) {
        if (await es.indices.exists({ index })) continue;
        await ensureIndex(es, index);
        changes.push({ kind: 'index.created', name: index, detail: `alias ${def.alias}` });
      }
    }
    changes.push(...(await alignIndices(es, def)));
  }
  return changes;
}

async function installedVersion(es: Client, name: string): Promise<number | null | undefined> {
  const found = await es.indices.getIndexTemplate({ name }, { ignore: [404] });
  const template = found.index_templates?.find((t) => t.name === name);
  return template ? (template.index_template.version ?? null) : undefined;
}

/** Existing indices of the template without its alias or without some of its top-level fields. */
async function alignIndices(es: Client, def: IndexTemplateDefinition): Promise<MigrationChange[]> {
  const changes: MigrationChange[] = [];
  const indices = await es.indices.get({ index: def.indexPatterns.join(','), ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'open' });
  const wanted = (def.mappings as { properties?: Record<string, unknown> }).properties ?? {};
  for (const [index, state] of Object.entries(indices)) {
    if (!state.aliases || !(def.alias in state.aliases)) {
      await es.indices.putAlias({ index, name: def.alias });
      changes.push({ kind: 'alias.added', name: index, detail: def.alias });
    }
    const present = state.mappings?.properties ?? {};
    const missing = Object.keys(wanted).filter((field) => !(field in present));
    if (missing.length > 0) {
      await es.indices.putMapping({ index, properties: Object.fromEntries(missing.map((f) => [f, wanted[f]])) as never });
      changes.push({ kind: 'fields.added', name: index, detail: missing.join(', ') });
    }
  }
  return changes;
}
