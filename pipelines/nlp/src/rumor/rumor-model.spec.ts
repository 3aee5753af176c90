import { DEFAULT_RUMOR_ALERT_THRESHOLD } from '@liaowang/contract';
import { analyze } from '../text/analyze-text';
import { loadRumorModel } from './rumor-model';
import { RUMOR_MEDIUM_FROM } from './rumor-level';

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

  // Plain posts that make no claim of fact (praise, complaints, questions), written for this test
  // and checked by hand, against plain unsourced claims of an event, a danger, a decision, a cure.
  const CHATTER = [
    '社区卫生服务中心的医生看病很仔细，还教我怎么用药，谢谢！',
    '今天地铁又挤又热，空调像没开一样，太难受了',
    '请问周末去市民中心办居住证需要预约吗？',
    '新开的口袋公园真好看，晚上好多人在跳广场舞',
    '等了一个小时外卖还没到，饿死了！！',
    // Added for nlp-1.4.0 (issue 9), same kind: thanks, a complaint with "！！", a question, an official notice.
    '大雪天环卫工人一早就把路扫干净了，辛苦了，谢谢你们！',
    '医保报销跑了三趟还没办好，材料要求每次都不一样，真让人头疼！！',
    '市图书馆周末开到几点？想带孩子去借书',
    '区政务服务中心国庆期间照常办公，办公时间为九点至十七点',
  ];
  const CLAIMS = [
    '紧急扩散！听说今晚开始全市封城，超市都要关门，赶紧去囤菜！！',
    '网传城南化工厂发生爆炸，已经死了好多人，官方还没公布，速转！',
    '朋友在医院上班说，喝盐水能预防这次的流感，大家转给家人',
    '内部消息：下周起全区中小学停课两周，不敢公开，看到请转发',
    // Added for nlp-1.4.0 (issue 9), same kind: a danger and a shortage passed on as true.
    '听说自来水厂被污染了，这几天千万别喝自来水，赶紧告诉家人！',
    '网传明天起全市加油站暂停营业，大家快去加满油，转发扩散',
  ];

  it('keeps plain chatter below the alert threshold and says it makes no claim', () => {
    const model = loadRumorModel();
    // Failing posts are listed with their scores.
    const alarms = CHATTER.map((text) => ({ text, score: model.score(analyze(text)).score })).filter(({ score }) => score >= DEFAULT_RUMOR_ALERT_THRESHOLD);
    expect(alarms).toEqual([]);
    expect(model.score(analyze(CHATTER[0])).lowering).toEqual(expect.arrayContaining([expect.stringMatching(/^no_claim:/)]));
  });

  it('scores plain unsourced claims at or above the alert threshold, with their reasons', () => {
    const model = loadRumorModel();
    const misses = CLAIMS.map((text) => ({ text, score: model.score(analyze(text)).score })).filter(({ score }) => score < DEFAULT_RUMOR_ALERT_THRESHOLD);
    expect(misses).toEqual([]);
    for (const text of CLAIMS) {
      const result = model.score(analyze(text));
      expect(result.reasons.length).toBeGreaterThan(0);
      expect(result.lowering).not.toEqual(expect.arrayContaining([expect.stringMatching(/^no_claim:/)]));
    }
  });

  it('names the thanks that lowered a plain thank-you', () => {
    const result = loadRumorModel().score(analyze('社区医院的护士打针特别轻，还一直安慰孩子，真心感谢！'));
    expect(result.lowering).toContain('personal_address:真心感谢');
    expect(result.score).toBeLessThan(0.15);
  });

  it('keeps an office\'s own notice and a plain question below the alert threshold, naming the form', () => {
    const model = loadRumorModel();
    const notice = model.score(analyze('【停电通知】因线路改造，本周日8:00-16:00人民路片区停电，请市民提前做好准备。'));
    expect(notice.lowering).toContain('notice_form:【停电通知】');
    expect(notice.score).toBeLessThan(DEFAULT_RUMOR_ALERT_THRESHOLD);
    const question = model.score(analyze('请问下周一户籍大厅几点开门？'));
    expect(question.lowering).toContain('inquiry:请问');
    expect(question.score).toBeLessThan(RUMOR_MEDIUM_FROM);
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
