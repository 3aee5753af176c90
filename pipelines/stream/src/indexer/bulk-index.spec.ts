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
