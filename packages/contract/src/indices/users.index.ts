import type { Role } from '../roles';
import type { IndexTemplateDefinition } from './index-template';

// Users are data of record kept in Elasticsearch like cases and accounts ("Where the data of
// record lives"); one small index, no time split.
export const usersIndex: IndexTemplateDefinition = {
  alias: 'liaowang-users',
  templateName: 'liaowang-users-v1',
  version: 1,
  indexPatterns: ['liaowang-users-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  ofRecord: true,
  mappings: {
    dynamic: 'strict',
    properties: {
      username: { type: 'keyword' },
      displayName: { type: 'keyword' },
      role: { type: 'keyword' },
      passwordHash: { type: 'keyword', index: false },
      disabled: { type: 'boolean' },
      createdAt: { type: 'date' },
    },
  },
};

/** The concrete index behind the users alias. */
export const USERS_INDEX_NAME = 'liaowang-users-v1';

export interface UserDocument {
  username: string;
  displayName: string;
  role: Role;
  /** argon2id (R-SEC-5). */
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}
