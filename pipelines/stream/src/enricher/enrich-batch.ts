import { rawItemSchema, type EnrichedItem, type Enrichment } from '@liaowang/contract';
import { parseMessage, type ConsumedMessage, type Rejected } from '@liaowang/platform';

export interface TextEnricher {
  enrich(text: string): Enrichment;
}

export interface EnrichBatchResult {
  /** Each with the message it came from, to dead-letter it if the topic refuses the result. */
  enriched: { key: string; value: EnrichedItem; source: ConsumedMessage }[];
  rejected: Rejected[];
}

/** Pure step of the enricher stage: raw messages in, enriched items and rejects out. */
export function enrichBatch(messages: ConsumedMessage[], enricher: TextEnricher, now = new Date()): EnrichBatchResult {
  const result: EnrichBatchResult = { enriched: [], rejected: [] };
  const enrichedAt = now.toISOString();
  for (const message of messages) {
    const parsed = parseMessage(message, rawItemSchema);
    if (!parsed.ok) {
      result.rejected.push(parsed);
      continue;
    }
    const item = parsed.value;
    try {
      result.enriched.push({ key: item.threadId, value: { ...item, enrichment: enricher.enrich(item.text), enrichedAt }, source: message });
    } catch (error) {
      // A text that breaks a detector is parked with the reason, never retried forever.
      result.rejected.push({ ok: false, message, reason: `enrichment failed: ${(error as Error).message}` });
    }
  }
  return result;
}
