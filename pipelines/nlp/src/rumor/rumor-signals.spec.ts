import { normalizeText } from '../text/normalize-text';
import { detectCredibilitySignals, detectNoClaimForm, detectRumorSignals, hasAuthoritativeSource, isDebunking, type RumorSignalCode } from './rumor-signals';

const codes = (text: string): RumorSignalCode[] => detectRumorSignals(normalizeText(text)).map((signal) => signal.code);

describe('detectRumorSignals', () => {
  // Each signal: a post that should raise it, and a sourced or official counterpart that should not.
  const cases: Array<{ code: RumorSignalCode; fires: string; quiet: string; match: string }> = [
    { code: 'hearsay', fires: '网传某小区有人跳楼了', quiet: '据市公安局通报，某小区一男子坠楼，警方已介入调查，网传"他杀"系谣言。', match: '网传' },
    { code: 'forward_bait', fires: '孩子走失了，大家转发扩散！', quiet: '【寻人】据市公安局通报，走失儿童已于今晨找到。', match: '转发扩散' },
    { code: 'urgency', fires: '紧急通知：今晚不要出门', quiet: '据市气象局发布，今晚有雷阵雨，紧急通知市民注意安全。', match: '紧急通知' },
    { code: 'unsourced_disaster', fires: '化工厂刚刚爆炸了，死了好多人', quiet: '据新华社报道，某化工厂发生爆炸，应急管理局已启动预案。', match: '爆炸' },
    { code: 'unsourced_epidemic', fires: '我们医院已经有确诊的了，大家小心', quiet: '据市卫健委通报，今日新增确诊病例2例。', match: '确诊' },
    { code: 'unsourced_police', fires: '有人贩子开车在学校门口偷孩子', quiet: '警方通报：学校门口"偷孩子"一事不实，已依法处理造谣者。', match: '人贩子' },
    { code: 'unsourced_official_decision', fires: '明天全市停课，消息可靠', quiet: '据市教育局官方微博发布，明天全市中小学停课一天。', match: '停课' },
  ];

  it.each(cases)('raises $code on an unsourced post', ({ code, fires, match }) => {
    const signals = detectRumorSignals(normalizeText(fires));
    expect(signals).toContainEqual({ code, match });
  });

  it.each(cases)('does not raise $code on a sourced or official post', ({ code, quiet }) => {
    expect(codes(quiet)).not.toContain(code);
  });

  it('reads traditional-script posts after normalisation', () => {
    expect(codes('網傳明天停課，請轉發擴散')).toEqual(expect.arrayContaining(['hearsay', 'forward_bait', 'unsourced_official_decision']));
  });

  it('does not count 紧急扩散 as urgency besides forward-bait', () => {
    expect(codes('紧急扩散')).toEqual(['forward_bait']);
  });

  it('finds nothing in empty, emoji-only or everyday posts', () => {
    expect(codes('')).toEqual([]);
    expect(codes('😂😂[哈哈]')).toEqual([]);
    expect(codes('今天天气真好，和朋友去公园散步')).toEqual([]);
  });
});

describe('hasAuthoritativeSource', () => {
  it('accepts attribution to a named authority, bylines and official reposts', () => {
    expect(hasAuthoritativeSource('据市卫健委通报,新增病例2例')).toBe(true);
    expect(hasAuthoritativeSource('记者 王伟 报道')).toBe(true);
    expect(hasAuthoritativeSource('转发 //@平安北京发布: 情况说明')).toBe(true);
  });

  it('rejects bare mentions and vague appeals to officials', () => {
    expect(hasAuthoritativeSource('@人民日报 快来看看')).toBe(false);
    expect(hasAuthoritativeSource('官方还没公布,但是已经确定了')).toBe(false);
  });
});

describe('isDebunking', () => {
  it('recognises a sourced rebuttal but not a rumor that calls itself true', () => {
    expect(isDebunking(normalizeText('据市公安局通报，网传"抢孩子"系谣言'))).toBe(true);
    expect(isDebunking(normalizeText('这不是谣言！网传是真的'))).toBe(false);
  });
});

describe('rumor-style signals added in nlp-1.1.0', () => {
  it('raises exclamation runs, conspiracy phrasing and health-cure claims', () => {
    expect(codes('切记！切记！消毒液见明火就会爆炸！！')).toContain('exclamation_run');
    expect(codes('官方不会告诉你的内幕，随时被删')).toContain('conspiracy');
    expect(codes('每天喝板蓝根就能预防新冠')).toContain('health_cure_claim');
    expect(codes('我朋友在医院上班，说已经有人感染了')).toContain('hearsay');
  });

  it('keeps the claim signals quiet in a sourced report', () => {
    expect(codes('据新华社报道，专家提醒：喝板蓝根不能预防新冠。')).not.toContain('health_cure_claim');
  });
});

describe('detectCredibilitySignals', () => {
  const markers = (text: string): string[] => detectCredibilitySignals(normalizeText(text)).map((signal) => signal.code);

  it('finds attribution, a headline lead, a dateline and counted figures in a news-style post', () => {
    const post = '【#上海新增3例境外输入#】据@上海发布，6月21日0—24时，通过口岸联防联控机制，报告3例境外输入性确诊病例，累计治愈出院120例。';
    expect(markers(post)).toEqual(['authority_attribution', 'news_headline', 'report_dateline', 'report_figures']);
  });

  it('finds none in a chain message', () => {
    expect(markers('网传明天全市停课，紧急扩散！！')).toEqual([]);
  });

  // nlp-1.4.0 (issue 9: official notices make no unverified claim). Posts written for this test.
  it('reads the set forms of an official notice, once beside an attribution, and not a chain message\'s 紧急通知', () => {
    expect(markers('【公告】本周六市图书馆闭馆一天进行设备检修，特此公告。')).toEqual(['official_notice']);
    expect(markers('区人社局发布今年社保缴费安排，市民可拨打12333咨询。')).toEqual(['official_notice']);
    expect(markers('据市教育局通报，期末考试安排详见官网。')).toEqual(['authority_attribution']);
    expect(markers('紧急通知！明天全市停水三天，赶紧储水')).toEqual([]);
    expect(markers('楼下新开的面馆味道不错，老板说明天发布新菜单')).toEqual([]);
  });
});

describe('detectNoClaimForm', () => {
  const form = (text: string) => detectNoClaimForm(normalizeText(text));
  const address = (text: string) => (form(text)?.code === 'personal_address' ? form(text)?.match : undefined);

  it('finds thanks, praise and appeals addressed to the office', () => {
    expect(address('公交线路调整后上班方便多了，谢谢交通局！')).toBe('谢谢交通局!');
    expect(address('社区医院的护士打针特别轻，还一直安慰孩子，真心感谢！')).toBe('真心感谢');
    expect(address('办事效率太高了，十分钟就办完了，点赞！')).toBe('点赞');
    expect(address('小区门口的垃圾堆了三天了有人管吗？')).toBe('有人管吗');
    expect(address('路灯坏了一个月，求街道尽快处理')).toBe('求街道尽快处理');
  });

  it('does not take the closing formulae of a chain message for one', () => {
    expect(form('紧急扩散！明天全市停水三天，谢谢转发！')).toBeUndefined();
    expect(form('网传某小学有人贩子抢孩子，求扩散！')).toBeUndefined();
  });

  it('finds an office\'s own notice, but not a chain message dressed as one', () => {
    expect(form('【停电公告】因线路检修，本周日9时至15时滨河路片区停电。')).toEqual({ code: 'notice_form', match: '【停电公告】' });
    expect(form('因管道抢修，东风街今晚临时断水，给您带来不便，敬请谅解。')?.code).toBe('notice_form');
    expect(form('区气象台发布大雾橙色预警，请市民注意行车安全。')?.code).toBe('notice_form');
    expect(form('【紧急通知】明天起全市停水三天，赶紧储水！')).toBeUndefined();
  });

  it('finds a plain request for information, but not a question that complains or asks if a claim is true', () => {
    expect(form('请问居住证续签需要带哪些材料？')).toEqual({ code: 'inquiry', match: '请问' });
    expect(form('周六户籍大厅几点开门？')?.code).toBe('inquiry');
    expect(form('请问为什么办个证要跑五趟？')).toBeUndefined();
    expect(form('听说明天全市停水，请问是真的吗？')).toBeUndefined();
  });
});
