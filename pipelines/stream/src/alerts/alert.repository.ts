import { ALERTS_INDEX_NAME, type Alert } from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';

/** An alert as read from the index, with the version that a conditional write must name. */
export interface StoredAlert {
  alert: Alert;
  seqNo: number;
  primaryTerm: number;
}

/** One write of an alert: `create` for a new one, or a replace conditional on the version read. */
export interface AlertWrite {
  alert: Alert;
  /** Absent: the alert is new and must not exist yet. */
  expected?: { seqNo: number; primaryTerm: number };
}

export type AlertWriteResult =
  | { status: 'written'; stored: StoredAlert }
  /** Someone else wrote it since it was read (an ack or dismiss), or it already exists. */
  | { status: 'conflict' }
  /** Throttled or a server error: worth trying again. */
  | { status: 'retryable'; reason: string }
  | { status: 'refused'; reason: string };

/** The alerts index of record, as the recorder needs it. */
export class AlertRepository {
  constructor(private readonly es: ElasticsearchClient) {}

  /** The newest alert of a group (highest cursor), read again by id so its state and version are current. */
  async latestOfGroup(groupKey: string): Promise<StoredAlert | undefined> {
    const response = await this.es.search<Alert>({
      index: ALERTS_INDEX_NAME,
      query: { term: { groupKey } },
      sort: [{ cursor: 'desc' }],
      size: 1,
      _source: false,
    });
    const id = response.hits.hits[0]?._id;
    return id ? this.get(id) : undefined;
  }

  /** A realtime get: sees a write the moment it was acknowledged, unlike a search. */
  async get(id: string): Promise<StoredAlert | undefined> {
    const response = await this.es.get<Alert>({ index: ALERTS_INDEX_NAME, id }, { ignore: [404] });
    if (!response.found || !response._source) return undefined;
    return { alert: response._source, seqNo: response._seq_no!, primaryTerm: response._primary_term! };
  }

  /**
   * Writes the alerts in one request, each with its id as the document id, and refreshes the
   * shard at once, so a client that catches up from the index after the event sees the alert.
   * `wait_for` would do the same but park each batch up to a refresh interval (1 s), and the
   * triggers behind it with it: alerts are few, so a refresh per batch is cheap (bench/alert-latency.js).
   */
  async write(writes: readonly AlertWrite[]): Promise<AlertWriteResult[]> {
    if (writes.length === 0) return [];
    const operations = writes.flatMap(({ alert, expected }) => [
      expected
        ? { index: { _index: ALERTS_INDEX_NAME, _id: alert.id, if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm } }
        : { create: { _index: ALERTS_INDEX_NAME, _id: alert.id } },
      alert,
    ]);
    const response = await this.es.bulk({ operations, refresh: true });
    return response.items.map((entry, i): AlertWriteResult => {
      const result = entry.index ?? entry.create!;
      if (!result.error) return { status: 'written', stored: { alert: writes[i].alert, seqNo: result._seq_no!, primaryTerm: result._primary_term! } };
      const reason = `${result.error.type}: ${result.error.reason ?? ''}`;
      if (result.status === 409) return { status: 'conflict' };
      if (result.status === 429 || result.status >= 500) return { status: 'retryable', reason };
      return { status: 'refused', reason };
    });
  }
}
