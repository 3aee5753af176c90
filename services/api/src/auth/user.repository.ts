import { Inject, Injectable } from '@nestjs/common';
import { USERS_INDEX_NAME, type UserDocument } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** A user document with its optimistic-concurrency position (if_seq_no / if_primary_term). */
export interface VersionedUser {
  user: UserDocument;
  seqNo: number;
  primaryTerm: number;
}

/** Thrown when the document changed since it was read: someone else saved first. */
export class UserVersionConflict extends Error {}

@Injectable()
export class UserRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async find(username: string): Promise<UserDocument | null> {
    return (await this.findVersioned(username))?.user ?? null;
  }

  async findVersioned(username: string): Promise<VersionedUser | null> {
    const doc = await this.es.get<UserDocument>({ index: USERS_INDEX_NAME, id: username }, { ignore: [404] });
    if (!doc.found || !doc._source || doc._seq_no === undefined || doc._primary_term === undefined) return null;
    return { user: doc._source, seqNo: doc._seq_no, primaryTerm: doc._primary_term };
  }

  async list(): Promise<VersionedUser[]> {
    const result = await this.es.search<UserDocument>({
      index: USERS_INDEX_NAME,
      size: 1000,
      seq_no_primary_term: true,
      sort: [{ username: 'asc' }],
    });
    return result.hits.hits.flatMap((hit) =>
      hit._source && hit._seq_no !== undefined && hit._primary_term !== undefined
        ? [{ user: hit._source, seqNo: hit._seq_no, primaryTerm: hit._primary_term }]
        : [],
    );
  }

  /** Creates the user unless one with that name exists; returns whether it was created. */
  async createIfAbsent(user: UserDocument): Promise<boolean> {
    try {
      await this.es.create({ index: USERS_INDEX_NAME, id: user.username, document: user, refresh: 'wait_for' });
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  /** Saves a changed user only if nobody saved it since `from` was read. */
  async replace(from: VersionedUser, user: UserDocument): Promise<VersionedUser> {
    try {
      const result = await this.es.index({
        index: USERS_INDEX_NAME,
        id: user.username,
        document: user,
        if_seq_no: from.seqNo,
        if_primary_term: from.primaryTerm,
        refresh: 'wait_for',
      });
      return { user, seqNo: result._seq_no ?? from.seqNo + 1, primaryTerm: result._primary_term ?? from.primaryTerm };
    } catch (error) {
      if (statusOf(error) === 409) throw new UserVersionConflict(user.username);
      throw error;
    }
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}
