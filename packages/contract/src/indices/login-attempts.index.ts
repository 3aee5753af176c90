import type { IndexTemplateDefinition } from './index-template';

// R-SEC-5: sign-in attempts per key (account at an address, and account alone), shared by every
// API instance. Short-lived counters, not a record.
export const loginAttemptsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-login-attempts',
  templateName: 'liaowang-login-attempts-v1',
  version: 1,
  indexPatterns: ['liaowang-login-attempts-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  ofRecord: false,
  mappings: {
    dynamic: 'strict',
    properties: {
      key: { type: 'keyword' },
      // Read and written whole by id, never searched.
      attempts: { type: 'object', enabled: false },
      updatedAt: { type: 'date' },
    },
  },
};

/** The concrete index behind the login-attempts alias. */
export const LOGIN_ATTEMPTS_INDEX_NAME = 'liaowang-login-attempts-v1';

export interface LoginAttempt {
  /** Random id of the reservation, so a success can hand back its own slot. */
  id: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface LoginAttemptsDocument {
  key: string;
  attempts: LoginAttempt[];
  updatedAt: string;
}
