import { compileRule, type CompiledRule } from '@liaowang/alerting';
import { ALERT_RULES_INDEX_NAME, alertRuleInputSchema, type AlertRule } from '@liaowang/contract';
import type { ElasticsearchClient, Logger } from '@liaowang/platform';
import { z } from 'zod';

/** The evaluator asked for rules before the first load succeeded: it must not judge items against none. */
export class RulesNotLoadedError extends Error {
  constructor() {
    super('alert rules not loaded yet');
    this.name = 'RulesNotLoadedError';
  }
}

/** What the rule book reads from: the enabled rules as stored. */
export type RuleSource = () => Promise<unknown[]>;

// A rule as stored: the editor's input plus what the API stamps on each save.
const storedFields = z.object({
  id: z.string().min(1),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

// Far more rules than a duty office writes; one search answers them all.
const MAX_RULES = 10_000;

/** Reads the enabled rules from the rules index (current version of each rule). */
export function elasticsearchRuleSource(es: ElasticsearchClient): RuleSource {
  return async () => {
    const response = await es.search<unknown>({
      index: ALERT_RULES_INDEX_NAME,
      query: { term: { enabled: true } },
      size: MAX_RULES,
    });
    return response.hits.hits.map((hit) => hit._source);
  };
}

/** Validates one stored rule; the reason names the failing field for the log. */
export function parseStoredRule(doc: unknown): { ok: true; rule: AlertRule } | { ok: false; reason: string } {
  const stamped = storedFields.safeParse(doc);
  if (!stamped.success) return { ok: false, reason: stamped.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const { id, version, createdAt, createdBy, updatedAt, updatedBy, ...input } = doc as Record<string, unknown>;
  const parsed = alertRuleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  return { ok: true, rule: { ...parsed.data, id: String(id), version: Number(version), createdAt: String(createdAt), createdBy: String(createdBy), updatedAt: String(updatedAt), updatedBy: String(updatedBy) } };
}

/** id@version of every stored rule, sorted: equal signatures mean nothing to recompile. */
export function ruleSignature(docs: readonly unknown[]): string {
  return docs
    .map((doc) => {
      const { id, version } = (doc ?? {}) as { id?: unknown; version?: unknown };
      return `${String(id)}@${String(version)}`;
    })
    .sort()
    .join(',');
}

/**
 * The enabled rules, compiled once and held in memory (no Elasticsearch round trip per item):
 * the rules index is polled and the rules recompiled only when their id@version set changed. A
 * rule that does not validate or compile is logged and skipped; while Elasticsearch cannot be
 * read, the last good rules stay in force.
 */
export class RuleBook {
  private compiled?: readonly CompiledRule[];
  private signature?: string;
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<boolean>;

  constructor(
    private readonly source: RuleSource,
    private readonly logger: Logger,
    private readonly onLoaded: (loaded: number, skipped: number) => void = () => undefined,
  ) {}

  /** The compiled enabled rules; throws RulesNotLoadedError until the first load succeeded. */
  rules(): readonly CompiledRule[] {
    if (!this.compiled) throw new RulesNotLoadedError();
    return this.compiled;
  }

  /** Reads the rules once; answers whether they changed. Never throws: a failed read keeps the last good rules. */
  reload(): Promise<boolean> {
    // One read at a time: a slow Elasticsearch must not stack up polls.
    this.reloading ??= this.readAndCompile().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  /** Loads now, then every `intervalMs`. */
  async start(intervalMs: number): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.reload(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async readAndCompile(): Promise<boolean> {
    let docs: unknown[];
    try {
      docs = await this.source();
    } catch (error) {
      this.logger.warn({ err: error, kept: this.compiled?.length ?? 0 }, 'alert rules could not be read; keeping the last good ones, retrying');
      return false;
    }
    const signature = ruleSignature(docs);
    if (this.compiled && signature === this.signature) return false;
    const compiled: CompiledRule[] = [];
    let skipped = 0;
    for (const doc of docs) {
      const parsed = parseStoredRule(doc);
      try {
        if (!parsed.ok) throw new Error(parsed.reason);
        compiled.push(compileRule(parsed.rule));
      } catch (error) {
        skipped++;
        this.logger.error({ rule: ruleSignature([doc]), reason: (error as Error).message }, 'alert rule skipped: it does not compile');
      }
    }
    this.compiled = compiled;
    this.signature = signature;
    this.onLoaded(compiled.length, skipped);
    this.logger.info({ rules: compiled.length, skipped }, 'alert rules loaded');
    return true;
  }
}
