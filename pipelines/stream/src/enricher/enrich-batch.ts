import { rawItemSchema, type EnrichedItem, type Enrichment } from '@liaowang/contract';
import type { KafkaMessage } from 'kafkajs';
import { parseMessage, type Rejected } from '@liaowang/platform';

export interface TextEnricher {
  enrich(text: string): Enrichment;
}

export interface EnrichBatchResult {
  enriched: { key: string; value: EnrichedItem }[];
  rejected: Rejected[];
}

/** Pure step of the enricher stage: raw messages in, enriched items and rejects out. */
export function enrichBatch(messages: KafkaMessage[], enricher: TextEnricher, now = new Date()): EnrichBatchResult {
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
      result.enriched.push({ key: item.threadId, value: { ...item, enrichment: enricher.enrich(item.text), enrichedAt } });
    } catch (error) {
      // A text that breaks a detector is parked with the reason, never retried forever.
      result.rejected.push({ ok: false, message, reason: `enrichment failed: ${(error as Error).message}` });
    }
  }
  return result;
}
