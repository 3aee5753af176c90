import { itemsEnrichedTopic } from '@liaowang/contract';
import { classifyBulkResponse, RetryableIndexError } from './bulk-index';

const item = (id: string) => ({ ...itemsEnrichedTopic.example, id });
const ok = { index: { _index: 'i', _id: 'x', status: 201 } };
const failed = (status: number, type: string) => ({
  index: { _index: 'i', _id: 'x', status, error: { type, reason: `${type} happened` } },
});

describe(classifyBulkResponse.name, () => {
  it('takes a response without errors as all written', () => {
    const items = [item('a'), item('b')];
    expect(classifyBulkResponse(items, { errors: false, took: 1, items: [ok, ok] } as never)).toEqual({ indexed: items, refused: [] });
  });

  it('separates items refused for good, with the reason', () => {
    const outcome = classifyBulkResponse([item('a'), item('b')], {
      errors: true,
      took: 1,
      items: [ok, failed(400, 'mapper_parsing_exception')],
    } as never);
    expect(outcome.indexed.map((i) => i.id)).toEqual(['a']);
    expect(outcome.refused).toEqual([{ item: item('b'), reason: 'mapper_parsing_exception: mapper_parsing_exception happened' }]);
  });

  it.each([429, 503])('throws a retryable error on %i, so the batch is retried and not dead-lettered', (status) => {
    expect(() =>
      classifyBulkResponse([item('a'), item('b')], { errors: true, took: 1, items: [ok, failed(status, 'busy')] } as never),
    ).toThrow(RetryableIndexError);
  });
});

describe('classifyBulkResponse with stray copies deleted after the writes', () => {
  it('takes a stray already gone (404) as done and ignores the deletes when matching items', () => {
    const gone = { delete: { _index: 'i', _id: 'a', status: 404, result: 'not_found' } };
    const outcome = classifyBulkResponse([item('a')], { errors: true, took: 1, items: [ok, gone] } as never);
    expect(outcome).toEqual({ indexed: [item('a')], refused: [] });
  });

  it('retries the batch when a stray cannot be deleted', () => {
    const busy = { delete: { _index: 'i', _id: 'a', status: 503, error: { type: 'busy', reason: 'busy' } } };
    expect(() => classifyBulkResponse([item('a')], { errors: true, took: 1, items: [ok, busy] } as never)).toThrow(RetryableIndexError);
  });
});
