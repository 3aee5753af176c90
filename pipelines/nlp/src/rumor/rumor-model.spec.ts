import { analyze } from '../text/analyze-text';
import { loadRumorModel } from './rumor-model';

describe('loadRumorModel', () => {
  it('loads the shipped artifact once and reuses it', () => {
    expect(loadRumorModel()).toBe(loadRumorModel());
  });

  it('scores an unsourced forward-bait rumor above a sourced official notice, with reasons', () => {
    const model = loadRumorModel();
    const rumor = model.score(analyze('网传明天全市停课，紧急扩散！'));
    const notice = model.score(analyze('据市教育局官方通报，明天起中小学正常上课。'));
    expect(rumor.score).toBeGreaterThan(0.8);
    expect(notice.score).toBeLessThan(0.5);
    expect(rumor.score).toBeGreaterThan(notice.score);
    expect(rumor.reasons).toEqual(expect.arrayContaining(['hearsay:网传', 'forward_bait:紧急扩散', 'unsourced_official_decision:停课']));
    expect(notice.reasons).toEqual([]);
    expect(notice.lowering).toEqual(expect.arrayContaining([expect.stringMatching(/^authority_attribution:/)]));
  });

  it('scores a news-style report below the same claim passed on as hearsay', () => {
    const model = loadRumorModel();
    const report = model.score(analyze('【本市新增2例确诊病例】据市卫健委通报，3月5日0—24时，新增确诊病例2例，累计治愈出院156例。'));
    const hearsay = model.score(analyze('听说我们市又新增确诊了，医院都住满了，赶紧转发给家人！！'));
    expect(report.score).toBeLessThan(hearsay.score);
    expect(report.lowering.map((reason) => reason.split(':')[0])).toEqual(expect.arrayContaining(['news_headline', 'report_dateline', 'report_figures']));
  });

  it('raises a repeated refuted claim to at least the rebuttal floor', () => {
    const result = loadRumorModel().score(analyze('双黄连可以抑制新冠病毒'));
    expect(result.score).toBeGreaterThanOrEqual(0.9);
    expect(result.reasons).toContain('rebuttal_contradiction:shuanghuanglian-covid-2020');
  });

  it('returns a score in [0, 1] for empty and very long input', () => {
    for (const text of ['', '网传'.repeat(20_000)]) {
      const { score } = loadRumorModel().score(analyze(text));
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});
