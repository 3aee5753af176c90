import { storedItemIds, type ElasticsearchClient } from '@liaowang/platform';

/** Answers which of some item ids are already stored. */
export type StoredIdLookup = (ids: string[]) => Promise<Set<string>>;

/** Looks ids up in the items alias; an unreachable Elasticsearch stops the import (exit 2). */
export function storedIdsIn(es: ElasticsearchClient): StoredIdLookup {
  return (ids) => storedItemIds(es, ids);
}
