import { groupTrigger } from '@liaowang/alerting';
import type { Alert, AlertEvent, AlertTrigger } from '@liaowang/contract';
import type { AlertRepository, StoredAlert } from './alert.repository';

/** A trigger with its offset on the one-partition triggers topic, and what to dead-letter if it fails. */
export interface OffsetTrigger<S> {
  trigger: AlertTrigger;
  offset: number;
  source: S;
}

export interface RecordOutcome<S> {
  /** To publish on the alerts topic, in this order, now that the index took them. */
  events: AlertEvent[];
  /** Triggers whose alert Elasticsearch refused for good, with the reason. */
  refused: { source: S; reason: string }[];
  /** Set when some alerts must be tried again (a concurrent state move, a busy node): retry the batch. */
  retry?: string;
  counts: { new: number; grouped: number; duplicate: number };
}

// Groups remembered; a forgotten one is read from the index again (stories will make many groups).
const GROUPS_KEPT = 10_000;

interface Known extends StoredAlert {
  // Whether this process published the state it holds; not so for one read back after a restart.
  published: boolean;
}

interface Pending<S> {
  alert: Alert;
  base?: Known;
  created: boolean;
  sources: S[];
}

/**
 * Records triggers into alerts (R-ALR-3), one batch at a time and in offset order: the newest
 * alert of each group comes from memory, or from the index after a restart; `groupTrigger`
 * decides new, grouped or already counted. Each touched alert is written once per batch, a
 * grouped one only if nobody moved it since it was read (if_seq_no), so a grouping never
 * overwrites an ack or a dismissal; on such a conflict the group is read again and the batch
 * retried, and the triggers already counted come back as duplicates.
 */
export class AlertRecorder {
  private readonly latest = new Map<string, Known>();

  constructor(private readonly repository: Pick<AlertRepository, 'latestOfGroup' | 'write'>) {}

  async record<S>(triggers: readonly OffsetTrigger<S>[], now: Date): Promise<RecordOutcome<S>> {
    const counts = { new: 0, grouped: 0, duplicate: 0 };
    const republished: AlertEvent[] = [];
    const pending = new Map<string, Pending<S>>();
    const inBatch = new Map<string, { alert: Alert; known?: Known; pending?: Pending<S> }>();

    for (const { trigger, offset, source } of triggers) {
      const { groupKey } = trigger;
      let current = inBatch.get(groupKey);
      if (!current) {
        const known = await this.knownLatest(groupKey);
        current = known ? { alert: known.alert, known } : undefined;
      }
      const outcome = groupTrigger(current?.alert, trigger, offset, now);
      if (outcome.outcome === 'duplicate') {
        counts.duplicate++;
        // Written before a crash, perhaps never published, and which event was lost is not
        // known: announce it as new (consumers drop a cursor they have) and, if it was grouped
        // into since, its state as updated, rather than lose either.
        const known = current?.known;
        if (known && !known.published && offset === known.alert.lastTriggerOffset) {
          republished.push({ event: 'new', alert: known.alert });
          if (known.alert.lastTriggerOffset !== known.alert.cursor) republished.push({ event: 'updated', alert: known.alert });
          known.published = true;
        }
        continue;
      }
      counts[outcome.outcome]++;
      let write = outcome.outcome === 'grouped' ? current?.pending : undefined;
      if (write) {
        write.alert = outcome.alert;
        write.sources.push(source);
      } else {
        write = { alert: outcome.alert, base: outcome.outcome === 'grouped' ? current?.known : undefined, created: outcome.outcome === 'new', sources: [source] };
        pending.set(outcome.alert.id, write);
      }
      inBatch.set(groupKey, { alert: outcome.alert, pending: write });
    }

    const writes = [...pending.values()];
    const results = await this.repository.write(
      writes.map((w) => ({ alert: w.alert, expected: w.base ? { seqNo: w.base.seqNo, primaryTerm: w.base.primaryTerm } : undefined })),
    );
    const events: AlertEvent[] = [...republished];
    const refused: RecordOutcome<S>['refused'] = [];
    const retry: string[] = [];
    results.forEach((result, i) => {
      const { alert, created, sources } = writes[i];
      if (result.status === 'written') {
        this.remember(alert.groupKey, { ...result.stored, published: true });
        events.push({ event: created ? 'new' : 'updated', alert });
        return;
      }
      // Whatever happened, the next look at this group reads the index again.
      this.latest.delete(alert.groupKey);
      if (result.status === 'conflict') retry.push(`${alert.id} changed since it was read`);
      else if (result.status === 'retryable') retry.push(`${alert.id}: ${result.reason}`);
      else refused.push(...sources.map((source) => ({ source, reason: `alert ${alert.id} refused by Elasticsearch: ${result.reason}` })));
    });
    return { events, refused, counts, ...(retry.length > 0 ? { retry: retry.join('; ') } : {}) };
  }

  private async knownLatest(groupKey: string): Promise<Known | undefined> {
    const cached = this.latest.get(groupKey);
    if (cached) return cached;
    const stored = await this.repository.latestOfGroup(groupKey);
    if (!stored) return undefined;
    const known = { ...stored, published: false };
    this.remember(groupKey, known);
    return known;
  }

  private remember(groupKey: string, known: Known): void {
    // Re-inserted, so the map's order is least recently written first.
    this.latest.delete(groupKey);
    this.latest.set(groupKey, known);
    if (this.latest.size > GROUPS_KEPT) this.latest.delete(this.latest.keys().next().value!);
  }
}
