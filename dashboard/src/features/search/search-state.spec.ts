import { chipsOf, EMPTY_SEARCH, fromSavedQuery, searchStateFromParams, searchStateToParams, toggleFilter, toSavedQuery, toSearchParams } from './search-state';

describe('search state', () => {
  it('toggles a facet value on and off, dropping an emptied facet', () => {
    const on = toggleFilter(EMPTY_SEARCH, 'platform', 'weibo');
    expect(on.filters).toEqual({ platform: ['weibo'] });
    expect(toggleFilter(on, 'platform', 'weibo').filters).toEqual({});
  });

  it('writes each facet as a comma list beside the words and extra parameters', () => {
    const state = toggleFilter(toggleFilter({ ...EMPTY_SEARCH, q: ' 停水 NOT 演练 ' }, 'platform', 'weibo'), 'platform', 'douyin');
    expect(toSearchParams(state, { sort: 'risk', cursor: undefined }).toString()).toBe(
      new URLSearchParams({ q: '停水 NOT 演练', platform: 'weibo,douyin', sort: 'risk' }).toString(),
    );
  });

  it('lists the chips in facet order', () => {
    const state = toggleFilter(toggleFilter(EMPTY_SEARCH, 'region', '湖北'), 'kind', 'mention');
    expect(chipsOf(state)).toEqual([
      { facet: 'kind', value: 'mention' },
      { facet: 'region', value: '湖北' },
    ]);
  });

  it('round-trips through a saved query', () => {
    const state = { q: '停水', filters: { sentiment: ['negative'] }, sort: 'relevance' as const };
    expect(fromSavedQuery(toSavedQuery(state))).toEqual(state);
  });

  it('round-trips a search through the page address, leaving the default sort out', () => {
    const state = { ...toggleFilter(toggleFilter(EMPTY_SEARCH, 'platform', 'weibo'), 'sentiment', 'negative'), q: '停水', sort: 'risk' as const };
    const params = searchStateToParams(state);
    expect(params.toString()).toBe(new URLSearchParams({ q: '停水', platform: 'weibo', sentiment: 'negative', sort: 'risk' }).toString());
    expect(searchStateFromParams(params)).toEqual(state);
    expect(searchStateToParams(EMPTY_SEARCH).toString()).toBe('');
    expect(searchStateFromParams(new URLSearchParams())).toEqual(EMPTY_SEARCH);
  });

  it('ignores an unknown sort and empty facet values in an address', () => {
    expect(searchStateFromParams(new URLSearchParams('sort=oldest&region=,&q=x'))).toEqual({ ...EMPTY_SEARCH, q: 'x' });
  });
});
