import { Inject, Injectable } from '@nestjs/common';
import { CASE_FILES_INDEX_NAME, CASES_INDEX_NAME, type Case, type CaseListQuery } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** A case with its optimistic-concurrency position (if_seq_no / if_primary_term). */
export interface VersionedCase {
  kase: Case;
  seqNo: number;
  primaryTerm: number;
}

/** The case changed since it was read (another write won). */
export class CaseVersionConflict extends Error {}

export interface StoredCaseFile {
  caseId: string;
  evidenceId: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  content: string;
  addedAt: string;
}

/** Cases of record (document id = case id) and the bytes of their uploaded evidence. */
@Injectable()
export class CaseRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async create(kase: Case): Promise<void> {
    await this.es.create({ index: CASES_INDEX_NAME, id: kase.id, document: kase, refresh: true });
  }

  async find(id: string): Promise<VersionedCase | null> {
    const doc = await this.es.get<Case>({ index: CASES_INDEX_NAME, id }, { ignore: [404] });
    if (!doc.found || !doc._source || doc._seq_no === undefined || doc._primary_term === undefined) return null;
    return { kase: doc._source, seqNo: doc._seq_no, primaryTerm: doc._primary_term };
  }

  /** Saves `kase` only if nobody wrote the case since `from` was read. */
  async replace(from: VersionedCase, kase: Case): Promise<void> {
    try {
      await this.es.index({
        index: CASES_INDEX_NAME,
        id: kase.id,
        document: kase,
        if_seq_no: from.seqNo,
        if_primary_term: from.primaryTerm,
        // The board lists right after a change; it must see it.
        refresh: true,
      });
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409)
        throw new CaseVersionConflict(kase.id);
      throw error;
    }
  }

  /** Newest first; archived cases are found like the others (full text, grade, owner, time, outcome). */
  async list(query: CaseListQuery): Promise<{ cases: Case[]; total: number }> {
    const filter = [
      ...(query.state ? [{ term: { state: query.state } }] : []),
      ...(query.grade ? [{ term: { grade: query.grade } }] : []),
      ...(query.owner ? [{ term: { owner: query.owner } }] : []),
      ...(query.outcome ? [{ term: { 'closing.outcome': query.outcome } }] : []),
      ...(query.from || query.to
        ? [
            {
              range: {
                openedAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) },
              },
            },
          ]
        : []),
    ];
    const must = query.q
      ? [
          {
            multi_match: {
              query: query.q,
              fields: ['title^3', 'summary', 'closing.summary', 'closing.lessons'],
              operator: 'and' as const,
            },
          },
        ]
      : [];
    const result = await this.es.search<Case>({
      index: CASES_INDEX_NAME,
      ignore_unavailable: true,
      size: query.size,
      track_total_hits: true,
      query: { bool: { filter, must } },
      sort: [{ openedAt: 'desc' }],
    });
    const total = typeof result.hits.total === 'number' ? result.hits.total : (result.hits.total?.value ?? 0);
    return { cases: result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : [])), total };
  }

  /** Cases whose clocks run (not archived) with a deadline at or before `now`: the breach check's candidates. */
  async withDeadlinesBefore(now: Date, size: number): Promise<Case[]> {
    const at = now.toISOString();
    const result = await this.es.search<Case>({
      index: CASES_INDEX_NAME,
      ignore_unavailable: true,
      size,
      query: {
        bool: {
          must_not: [{ term: { state: 'archive' } }],
          should: [
            { range: { 'clocks.firstReleaseDueAt': { lte: at } } },
            { range: { 'clocks.nextUpdateDueAt': { lte: at } } },
            { range: { 'clocks.closeDueAt': { lte: at } } },
          ],
          minimum_should_match: 1,
        },
      },
      sort: [{ updatedAt: 'asc' }],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  /** Cases whose notice claim is older than `before`: an instance recorded breaches and stopped before noting their notice. */
  async withNoticeClaimsBefore(before: Date, size: number): Promise<Case[]> {
    const result = await this.es.search<Case>({
      index: CASES_INDEX_NAME,
      ignore_unavailable: true,
      size,
      query: { range: { 'clocks.noticeClaim.at': { lte: before.toISOString() } } },
      sort: [{ updatedAt: 'asc' }],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  async saveFile(file: StoredCaseFile): Promise<void> {
    await this.es.create({
      index: CASE_FILES_INDEX_NAME,
      id: `${file.caseId}:${file.evidenceId}`,
      document: file,
      refresh: 'wait_for',
    });
  }

  async findFile(caseId: string, evidenceId: string): Promise<StoredCaseFile | null> {
    const doc = await this.es.get<StoredCaseFile>(
      { index: CASE_FILES_INDEX_NAME, id: `${caseId}:${evidenceId}` },
      { ignore: [404] },
    );
    return doc.found && doc._source ? doc._source : null;
  }
}
