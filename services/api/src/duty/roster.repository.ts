import { Inject, Injectable } from '@nestjs/common';
import { ROSTER_HEAD_ID, ROSTER_INDEX_NAME, type Shift } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** The roster's version with its optimistic-concurrency position; version 0 before the first save. */
export interface RosterHead {
  version: number;
  position?: { seqNo: number; primaryTerm: number };
}

/** Someone saved the roster since its head was read. */
export class RosterVersionConflict extends Error {}

// A quarter of three shifts a day is under 300 shifts; one page holds any range we allow.
const MAX_SHIFTS = 2_000;

type ShiftDocument = Shift & { kind: 'shift' };

/** Shifts of record and the roster head (roster index). */
@Injectable()
export class RosterRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async head(): Promise<RosterHead> {
    const doc = await this.es.get<{ rosterVersion: number }>({ index: ROSTER_INDEX_NAME, id: ROSTER_HEAD_ID }, { ignore: [404] });
    if (!doc.found || !doc._source || doc._seq_no === undefined || doc._primary_term === undefined) return { version: 0 };
    return { version: doc._source.rosterVersion, position: { seqNo: doc._seq_no, primaryTerm: doc._primary_term } };
  }

  /** Shifts sharing any instant with [from, to), by start. */
  async overlapping(from: string, to: string): Promise<Shift[]> {
    return this.find([{ range: { startsAt: { lt: to } } }, { range: { endsAt: { gt: from } } }], 'asc', MAX_SHIFTS);
  }

  /** The first shift starting after `at`. */
  async nextAfter(at: string): Promise<Shift | undefined> {
    return (await this.find([{ range: { startsAt: { gt: at } } }], 'asc', 1))[0];
  }

  /**
   * Moves the head from `from` to `version`, only if nobody moved it meanwhile: the one write that
   * decides between two admins saving at once.
   */
  async claim(from: RosterHead, version: number, by: string): Promise<void> {
    const document = { kind: 'head', rosterVersion: version, updatedAt: new Date().toISOString(), updatedBy: by };
    try {
      if (from.position) {
        await this.es.index({
          index: ROSTER_INDEX_NAME,
          id: ROSTER_HEAD_ID,
          document,
          if_seq_no: from.position.seqNo,
          if_primary_term: from.position.primaryTerm,
          refresh: 'wait_for',
        });
      } else {
        await this.es.create({ index: ROSTER_INDEX_NAME, id: ROSTER_HEAD_ID, document, refresh: 'wait_for' });
      }
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409) throw new RosterVersionConflict();
      throw error;
    }
  }

  /** Deletes `removed` and writes `shifts` in one bulk request, visible to searches when it returns. */
  async replace(removed: readonly string[], shifts: readonly Shift[]): Promise<void> {
    const written = new Set(shifts.map((s) => s.id));
    const operations = [
      ...removed.filter((id) => !written.has(id)).map((id) => ({ delete: { _index: ROSTER_INDEX_NAME, _id: id } })),
      ...shifts.flatMap((shift) => [{ index: { _index: ROSTER_INDEX_NAME, _id: shift.id } }, { kind: 'shift', ...shift } satisfies ShiftDocument]),
    ];
    if (operations.length === 0) return;
    const result = await this.es.bulk({ operations, refresh: 'wait_for' });
    const failed = result.items.find((item) => {
      const outcome = item.delete ?? item.index;
      return outcome?.error && outcome.status !== 404;
    });
    if (failed) throw new Error(`roster write failed: ${JSON.stringify(failed)}`);
  }

  /** The latest shift that ended at or before `at`. */
  async lastEndedBy(at: string): Promise<Shift | undefined> {
    return (await this.find([{ range: { endsAt: { lte: at } } }], 'desc', 1))[0];
  }

  private async find(filter: object[], order: 'asc' | 'desc', size: number): Promise<Shift[]> {
    const result = await this.es.search<ShiftDocument>({
      index: ROSTER_INDEX_NAME,
      size,
      query: { bool: { filter: [{ term: { kind: 'shift' } }, ...filter] } },
      sort: [{ startsAt: order }, { id: 'asc' }],
    });
    return result.hits.hits.flatMap((hit) => {
      if (!hit._source) return [];
      const { kind: _kind, ...shift } = hit._source;
      return [shift];
    });
  }
}
