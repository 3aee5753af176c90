import { loadRebuttalRecords, matchRebuttals } from './rebuttal-records';

describe('matchRebuttals', () => {
  const records = loadRebuttalRecords();

  it('loads the shipped records with unique ids', () => {
    const ids = records.map((record) => record.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('matches a post repeating a refuted claim only when every term group matches', () => {
    expect(matchRebuttals('双黄连可以抑制新冠病毒,赶紧去买', records)).toEqual(['shuanghuanglian-covid-2020']);
    expect(matchRebuttals('双黄连口服液降价了', records)).toEqual([]);
  });
});
