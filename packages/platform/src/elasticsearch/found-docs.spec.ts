import type { estypes as EsTypes } from '@elastic/elasticsearch';
import { foundDocs, foundIds } from './found-docs';

describe('foundDocs', () => {
  const found = { _index: 'i', _id: 'a', found: true, _source: { v: 1 }, _seq_no: 3, _primary_term: 1 };
  const missing = { _index: 'i', _id: 'b', found: false };
  const unread = { _index: 'i', _id: 'c', error: { type: 'no_shard_available_action_exception', reason: 'No shard available' } };

  it('answers the documents found, with what an optimistic write needs, and leaves out the missing', () => {
    expect(foundDocs([found, missing] as EsTypes.MgetResponseItem<{ v: number }>[], 'item')).toEqual([{ id: 'a', source: { v: 1 }, seqNo: 3, primaryTerm: 1 }]);
  });

  it('fails on a document that could not be read (a recovering shard), rather than taking it as missing', () => {
    expect(() => foundDocs([found, unread] as EsTypes.MgetResponseItem<{ v: number }>[], 'item')).toThrow('item c not read: no_shard_available_action_exception');
  });

  it('takes a document of an index that is gone (deleted by retention) as missing, so the stage does not retry for ever', () => {
    const gone = { _index: 'liaowang-items-2024.01', _id: 'd', error: { type: 'index_not_found_exception', reason: 'no such index' } };
    expect(foundDocs([gone, found] as EsTypes.MgetResponseItem<{ v: number }>[], 'item').map((d) => d.id)).toEqual(['a']);
  });

  it('answers the ids of documents found without their source (`_source: false`), with the same errors', () => {
    const withoutSource = { _index: 'i', _id: 'e', found: true };
    expect(foundIds([withoutSource, missing, found] as EsTypes.MgetResponseItem<unknown>[], 'spike')).toEqual(['e', 'a']);
    expect(() => foundIds([withoutSource, unread] as EsTypes.MgetResponseItem<unknown>[], 'spike')).toThrow('spike c not read');
  });
});
