import { analyze } from '../text/analyze-text';
import { detectSentimentCues } from './sentiment-cues';
import { loadSentimentModel } from './sentiment-model';

// Plain posts of the kind a city's accounts get every hour, written for this test and checked
// by hand: each is plainly of its class to any reader.
const PLAIN_CASES: Record<'positive' | 'negative' | 'neutral', string[]> = {
  positive: [
    '公积金中心的工作人员讲解得很清楚，半小时就办完了，给个好评',
    '台风过后电力抢修连夜就恢复了，为一线工人点赞',
    '12345热线的接线员非常耐心，问题第二天就有人上门解决',
    '公园新装的路灯挺不错，晚上带孩子散步安心多了',
    // nlp-1.6.0: answered negative by nlp-1.5.0.
    '老街改造完太漂亮了，区里办了件实事',
    '现在办居住证比以前快多了，材料一次就齐，好评',
    '今天的献血点安排得井井有条，一点都不乱',
  ],
  negative: [
    '反映了半个月的噪音问题一直没人管，无语了',
    '排了两个小时队又让回去补材料，这就是一次办好？',
    '举报了三次都石沉大海，真让人寒心',
    '这家医院的挂号系统特别慢，差评',
  ],
  neutral: [
    '区政务服务中心国庆期间照常办公，办公时间为九点至十七点',
    '明天上午市气象台将发布本周天气趋势',
    // nlp-1.6.0: plain requests for information, answered negative by nlp-1.5.0.
    '请问周六出入境大厅几点开门？',
    '想问下医保卡丢了在哪里补办',
  ],
};

describe('detectSentimentCues', () => {
  it('finds praise and complaint idioms with the matched words', () => {
    expect(detectSentimentCues('服务很周到，给个好评')).toEqual(
      expect.arrayContaining([
        { code: 'praise_idiom', label: 'positive', match: '给个好评' },
        { code: 'degree_praise', label: 'positive', match: '很周到' },
      ]),
    );
    expect(detectSentimentCues('真是无语').map((cue) => cue.code)).toEqual(['complaint_idiom']);
  });

  it('reads negation: 不满意 and 没人管 as complaints, 不错 as praise, 不是很好 not as praise', () => {
    expect(detectSentimentCues('对处理结果很不满意').map((cue) => cue.code)).toEqual(['negated_praise']);
    expect(detectSentimentCues('打电话过去没人接').map((cue) => cue.code)).toEqual(['negated_praise']);
    expect(detectSentimentCues('这次活动办得不错').map((cue) => cue.code)).toEqual(['negated_complaint']);
    expect(detectSentimentCues('服务不是很好').map((cue) => cue.code)).not.toContain('degree_praise');
  });

  it('reads a rhetorical question as a complaint', () => {
    expect(detectSentimentCues('三天了还没人来修，这就是为民办实事？').map((cue) => cue.code)).toContain('rhetorical_question');
  });

  it('reads a change for the better and a hassle gone as praise (方便多了, 不用排队), not 麻烦多了', () => {
    expect(detectSentimentCues('地铁通了以后上班方便多了').map((cue) => cue.code)).toEqual(['improvement']);
    expect(detectSentimentCues('现在网上预约，不用排队了').map((cue) => cue.code)).toEqual(['negated_complaint']);
    expect(detectSentimentCues('改版以后比以前麻烦多了')).toEqual([]);
  });

  it('reads a plain request for information as neutral, unless it complains', () => {
    expect(detectSentimentCues('请问明天几点开门？')).toEqual([{ code: 'information_question', label: 'neutral', match: '请问' }]);
    expect(detectSentimentCues('请问为什么三个月了还没人管？').map((cue) => cue.code)).not.toContain('information_question');
    expect(detectSentimentCues('请问这就是你们的服务态度？').map((cue) => cue.code)).toEqual(['rhetorical_question']);
  });
});

describe('SentimentModel on plain posts', () => {
  const model = loadSentimentModel();

  it.each(Object.entries(PLAIN_CASES).flatMap(([label, texts]) => texts.map((text) => [label, text])))('%s: %s', (label, text) => {
    expect(model.predict(analyze(text)).label).toBe(label);
  });

  // Known limit (docs/NLP.md): a calm notice of roadworks reads as negative (封闭, 施工). Kept
  // here so that a fix shows, as this test then fails and moves up into PLAIN_CASES.
  it.failing('neutral: a roadworks notice (known limit, answered negative today)', () => {
    expect(model.predict(analyze('本周日上午八点至十二点，人民路部分路段封闭施工')).label).toBe('neutral');
  });
});
