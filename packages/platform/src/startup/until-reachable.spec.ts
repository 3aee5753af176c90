import { errors } from '@elastic/elasticsearch';
import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';
import { createLogger } from '../logging/logger';
import { isServerUnavailable, untilReachable } from './until-reachable';

const logger = createLogger('until-reachable-spec', 'silent');

describe(untilReachable.name, () => {
  it('retries a step while its server is unavailable, then answers its result', async () => {
    let calls = 0;
    const result = await untilReachable(
      'Elasticsearch',
      async () => {
        if (++calls < 3) throw new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200');
        return 'templates installed';
      },
      logger,
      { delayMs: () => 1 },
    );
    expect(result).toBe('templates installed');
    expect(calls).toBe(3);
  });

  it('throws at once a failure that waiting would not mend', async () => {
    let calls = 0;
    const wrong = new Error('the indices of liaowang-items cannot take its mapping: mapper [text] cannot be changed');
    await expect(
      untilReachable('Elasticsearch', async () => {
        calls++;
        throw wrong;
      }, logger, { delayMs: () => 1 }),
    ).rejects.toBe(wrong);
    expect(calls).toBe(1);
  });
});

describe(isServerUnavailable.name, () => {
  it('knows a server down from a request refused, also when wrapped', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    const retriesExceeded = new KafkaJSNumberOfRetriesExceeded(refused, { retryCount: 5, retryTime: 3000 });
    expect(isServerUnavailable(retriesExceeded)).toBe(true);
    expect(isServerUnavailable(new Error('template failed', { cause: new errors.ConnectionError('socket hang up') }))).toBe(true);
    expect(isServerUnavailable(new Error('mapper [text] cannot be changed from type [text] to [keyword]'))).toBe(false);
    expect(isServerUnavailable(undefined)).toBe(false);
  });
});
