/** An Elasticsearch index template described as data, applied at start-up (STYLE habit 4). */
export interface IndexTemplateDefinition {
  /** Alias that readers and writers use; the concrete indices are time-based behind it (R-PERF-5). */
  alias: string;
  templateName: string;
  version: number;
  indexPatterns: string[];
  settings: Record<string, unknown>;
  mappings: Record<string, unknown>;
  /**
   * Data of record (users, audit, cases, …): snapshotted by `liaowang backup` and brought back by
   * restore (R-REL-5). Derived or short-lived data (items, sessions) is not.
   */
  ofRecord?: boolean;
}
