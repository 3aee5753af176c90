import { Inject, Injectable } from '@nestjs/common';
import { USERS_INDEX_NAME, type UserDocument } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

@Injectable()
export class UserRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async find(username: string): Promise<UserDocument | null> {
    try {
      const doc = await this.es.get<UserDocument>({ index: USERS_INDEX_NAME, id: username });
      return doc._source ?? null;
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 404) return null;
      throw error;
    }
  }

  /** Creates the user unless one with that name exists; returns whether it was created. */
  async createIfAbsent(user: UserDocument): Promise<boolean> {
    try {
      await this.es.create({ index: USERS_INDEX_NAME, id: user.username, document: user, refresh: 'wait_for' });
      return true;
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409) return false;
      throw error;
    }
  }
}
