// R-ENR-3: interpretable rumor signals. Each rule yields a reason `<code>:<matched text>`;
// the codes are stable (alerts and dashboards key on them), the matched text explains.
// Patterns run on the normalised (simplified, half-width) text.

import { detectInformationQuestion } from '../text/information-question';

export type RumorSignalCode =
  | 'hearsay'
  | 'forward_bait'
  | 'urgency'
  | 'unsourced_disaster'
  | 'unsourced_epidemic'
  | 'unsourced_police'
  | 'unsourced_official_decision'
  | 'exclamation_run'
  | 'conspiracy'
  | 'health_cure_claim';

/**
 * Marks of the news/official reporting style that LOWER the risk (domain knowledge, not fitted
 * to any evaluation set): attribution to an authority, a `【headline】` lead, a dateline, figures
 * with units. Rumors imitate them too, which is why each only shifts the score a little.
 */
export type CredibilitySignalCode = 'authority_attribution' | 'official_notice' | 'news_headline' | 'report_dateline' | 'report_figures';

export interface CredibilitySignal {
  code: CredibilitySignalCode;
  match: string;
}

export interface RumorSignal {
  code: RumorSignalCode;
  match: string;
}

interface Rule {
  code: RumorSignalCode;
  pattern: RegExp;
  /** Claims (disaster, epidemic…) only count when the post names no authoritative source. */
  unsourcedOnly: boolean;
}

const RULES: readonly Rule[] = [
  {
    code: 'hearsay',
    pattern: /网传|据说|听说|传言|据传|传闻|有消息称|有网友称|据网友|网友爆料|朋友圈(?:都在)?(?:传|说)|群里(?:都在)?(?:传|说)|小道消息|内部消息|内部人士|知情人士|有人说|听朋友说|朋友说|(?:我|我的)(?:一个)?(?:朋友|亲戚|同学|同事|表哥|表姐|老乡)(?:在|是|说|告诉)/,
    unsourcedOnly: false,
  },
  {
    code: 'forward_bait',
    pattern: /转发扩散|扩散周知|紧急扩散|求扩散|求转发|请转发|请大家转发|帮忙转发|速转|转起来|互相转告|告诉身边|让更多人知道|不转不是|看到请转|转给(?:家人|朋友|亲人|身边)|请扩散|大家扩散|扩散出去|扩散一下|转发周知|转发给/,
    unsourcedOnly: false,
  },
  {
    code: 'urgency',
    pattern: /紧急通知|紧急提醒|紧急(?!扩散)|十万火急|速看|赶紧|千万(?:不要|别)|重要提醒|注意了|马上删|快看|刚刚发生|刻不容缓|震惊/,
    unsourcedOnly: true,
  },
  {
    code: 'unsourced_disaster',
    pattern: /地震|海啸|爆炸|坍塌|塌方|洪水|决堤|溃坝|泄漏|核辐射|辐射|火灾|大火|空难|坠机|沉船|翻船|踩踏|(?:死亡|遇难|身亡)\d*人?/,
    unsourcedOnly: true,
  },
  {
    code: 'unsourced_epidemic',
    pattern: /疫情|病毒|感染|确诊|传染|肺炎|非典|SARS|禽流感|H7N9|鼠疫|霍乱|人传人|疫苗|病例|隔离/i,
    unsourcedOnly: true,
  },
  {
    code: 'unsourced_police',
    pattern: /警察|警方|公安|抓捕|逮捕|拘留|通缉|枪击|砍人|杀人|绑架|拐卖|偷孩子|人贩子|抢孩子|抢劫|击毙|特警|戒严/,
    unsourcedOnly: true,
  },
  {
    code: 'unsourced_official_decision',
    pattern: /停课|停工|停产|封城|封路|封村|限行|延迟开学|推迟开学|取消考试|全面禁止|即日起|明天起|明日起|新规|出台规定|上调|下调|征收|统一放假|放假通知/,
    unsourcedOnly: true,
  },
  {
    // Runs of exclamation marks and repeated warnings ("切记！切记！") are a chain-message style.
    code: 'exclamation_run',
    pattern: /[!！]{2,}|(?:切记|注意|重要)[!！][^。]{0,4}(?:切记|注意|重要)[!！]/,
    unsourcedOnly: false,
  },
  {
    code: 'conspiracy',
    pattern: /(?:不敢|不让|不会)(?:说|报道?|告诉你|公开)|(?:随时|马上|很快)(?:会)?被删|删前|赶紧看|被封杀|封锁消息|内幕|真相是|背后的真相|不为人知|细思极恐|看完(?:你就)?(?:明白|懂)了/,
    unsourcedOnly: true,
  },
  {
    // "喝…能预防/治愈": home remedies and miracle cures, a staple of health rumors.
    code: 'health_cure_claim',
    pattern: /(?:喝|吃|服用|熏|泡|涂|含|喷|戴)[^。！？!?，,]{0,12}(?:能|可以|可|就能|就可以|就会|有效)[^。！？!?]{0,4}(?:预防|治愈|治好|杀死|杀灭|杀菌|抵抗|防止|抑制|根治|防癌|抗癌|防病毒)|偏方|秘方|神药|特效药|包治/,
    unsourcedOnly: true,
  },
];

// Attribution to an authority: a named official body or outlet with a reporting verb, an
// account of one, or a newsroom byline. Rumors say "官方还没公布" too, so bare "官方" is not enough.
const AUTHORITY = '(?:新华社|新华网|人民日报|人民网|央视|中新网|中新社|中国新闻网|澎湃新闻|财新|国务院|卫健委|卫生健康委|疾控中心|疾控|公安局|公安部|警方|派出所|应急管理局|教育局|教育部|气象局|地震局|地震台网|市政府|区政府|省政府|县政府|指挥部|网信办|发布厅|纪委|监委|世卫组织|世界卫生组织|外交部|发言人|新闻办|国新办|法院|检察院|海关|交警|消防|通讯社|电视台)';
const SOURCE_PATTERNS: readonly RegExp[] = [
  new RegExp(`(?:据|根据|经)[^。！？!?]{0,12}${AUTHORITY}[^。！？!?]{0,10}(?:通报|消息|发布|报道|介绍|证实|通知|公告|回应|官网|官方微博)`),
  new RegExp(`${AUTHORITY}[^。！？!?]{0,10}(?:通报|发布|公告|官方微博|官网|新闻发布会|情况通报|答记者问|证实)`),
  /(?:警情通报|情况通报|官方通报|权威发布|新闻发布会)/,
  /(?:记者|通讯员)\s?[\u4e00-\u9fa5]{2,4}\s?(?:报道|摄|采访|获悉|了解到)/,
  /(?:来源|来自|转自|信息来源)[:：]\s?\S/,
  // Reposting an official account's post (`//@XX发布:`); a bare @mention is attention-seeking, not a source.
  /\/\/@\S{0,12}(?:发布|日报|新闻|公安|警方|卫健委|疾控|政府|网信|辟谣)[:：]/,
  // "据@上海发布" / "据@人民日报": attribution to an official or news account by its handle.
  /(?:据|根据|来自)\s?@\S{0,12}(?:发布|日报|新闻|晚报|早报|电视台|公安|警方|卫健委|疾控|政府|网信|辟谣|央视|新华)/,
];

export function hasAuthoritativeSource(normalized: string): boolean {
  return SOURCE_PATTERNS.some((pattern) => pattern.test(normalized));
}

// A post that itself debunks ("网传…经核实系谣言") quotes the rumor's words without spreading it.
const DEBUNKING = /辟谣|不实信息|系谣言|是谣言|属谣言|为谣言|纯属谣言|造谣|谣言止于|假消息|虚假信息|不属实|并不属实|经核实|澄清/;

export function isDebunking(normalized: string): boolean {
  return DEBUNKING.test(normalized) && hasAuthoritativeSource(normalized);
}

// The set forms of an official notice (issue 9: notices make no unverified claim): a notice tag as
// the lead (【通报】, 【公告】), a body publishing its arrangements (…发布…安排/通知/办法), and the closing
// formulae (情况说明, 特此公告, 详见官方…, 可拨打12345咨询). Chain messages imitate "紧急通知", which is
// not among them.
const OFFICIAL_NOTICE =
  /^【(?:通报|公告|通告|通知|公示|声明|提示|情况说明)】|(?:市|区|县|省|局|委|办|厅|署|中心|政府|街道|学院|大学)[^。！？!?，,]{0,4}发布[^。！？!?]{0,16}(?:安排|通知|公告|通告|办法|方案|指南|细则)|情况说明|特此(?:通知|公告|通告|说明|声明)|详见(?:官方|官网|公众号|附件)|(?:可|请)?拨打\d{3,}(?:热线)?咨询|咨询电话[:：]?\d/;
// A lead `【…】` of 4–60 characters (optionally after #topics#) followed by a body: the news style.
const NEWS_HEADLINE = /^(?:#[^#]{1,40}#\s?)*【[^】]{4,60}】[^【]{20,}/;
// Dates and times as reports give them.
const REPORT_DATELINE = /\d{1,2}月\d{1,2}日|当地时间|\d{1,2}日\s?0?[-—–~至]\s?24时|截至\d|\d{4}年\d{1,2}月/;
// Counted figures with units; two or more in one post.
const REPORT_FIGURE = /\d+(?:\.\d+)?\s?(?:例|万元|亿元|万人|余人|名|人次|%|万|亿|家|所|起)/g;

/** Credibility markers of a normalised post (lower the risk; see CredibilitySignalCode). */
export function detectCredibilitySignals(normalized: string, sourced = hasAuthoritativeSource(normalized)): CredibilitySignal[] {
  const found: CredibilitySignal[] = [];
  if (sourced) {
    const match = SOURCE_PATTERNS.map((pattern) => pattern.exec(normalized)).find((m) => m);
    found.push({ code: 'authority_attribution', match: match ? match[0] : '' });
  }
  // Counted once with an attribution: both say "an authority speaks".
  const notice = sourced ? null : OFFICIAL_NOTICE.exec(normalized);
  if (notice) found.push({ code: 'official_notice', match: notice[0] });
  const headline = NEWS_HEADLINE.exec(normalized);
  if (headline) found.push({ code: 'news_headline', match: headline[0].slice(0, headline[0].indexOf('】') + 1) });
  const dateline = REPORT_DATELINE.exec(normalized);
  if (dateline) found.push({ code: 'report_dateline', match: dateline[0] });
  const figures = normalized.match(REPORT_FIGURE);
  if (figures && figures.length >= 2) found.push({ code: 'report_figures', match: figures.slice(0, 2).join(' ') });
  return found;
}

// A post that thanks, praises or appeals to the office in the first person (真心感谢, 给个好评, 辛苦了,
// 有人管吗, 求…回复/处理) speaks for its author and asks for an answer; it passes on no claim as true.
// Chain messages end with "谢谢转发" or "求扩散", which are not among these forms.
const PERSONAL_ADDRESS =
  /真心感谢|非常感谢|由衷感谢|特别感谢|感谢你们|谢谢你们|谢谢(?:[\u4e00-\u9fa5]{1,6}(?:局|委|办|所|中心|政府|街道|社区|医院|师傅|同志|民警))[！!。]?|点赞|点个赞|赞一个|给个好评|五星好评|辛苦了|有人管吗|(?:求|请)[^，。！？,.!?]{0,10}(?:回复|答复|处理一下|尽快处理|给个说法)/;

// The set forms of an office's own notice, broader than OFFICIAL_NOTICE (a learned feature, left as
// trained): any notice tag as the lead but 【紧急…】 (【停水公告】, 【温馨提示】, 【招聘】), the apology for
// roadworks (敬请谅解), an address to the public (请广大市民…, 欢迎广大市民…, 请市民…留意), a published warning.
const NOTICE_FORM =
  /^【(?!紧急)[^】]{0,8}(?:通报|公告|通告|通知|公示|声明|提示|提醒|说明|预警|招聘|须知)】|敬请谅解|不便之处|给您带来不便|(?:请|欢迎)广大市民|请市民(?:朋友)?[^，。！？!?]{0,6}(?:留意|注意|提前|合理安排|绕行|减少外出|防范|参加)|发布[^。！？!?]{0,8}预警/;

/**
 * Forms of a post that passes on no claim as true (nlp-1.6.0, issue 9): thanks, praise or an appeal in
 * the author's own voice, an office's own notice, a plain request for information. Not features of the
 * learned model: the score lowers them by hand only when no claim signal lifted the chatter gate.
 */
export type NoClaimFormCode = 'personal_address' | 'notice_form' | 'inquiry';

export interface NoClaimForm {
  code: NoClaimFormCode;
  match: string;
}

/** The first form of a normalised post that marks it as making no claim, if any (see NoClaimFormCode). */
export function detectNoClaimForm(normalized: string): NoClaimForm | undefined {
  const address = PERSONAL_ADDRESS.exec(normalized);
  if (address) return { code: 'personal_address', match: address[0] };
  const notice = NOTICE_FORM.exec(normalized);
  if (notice) return { code: 'notice_form', match: notice[0] };
  const question = detectInformationQuestion(normalized);
  return question ? { code: 'inquiry', match: question } : undefined;
}

/** Signals found in a normalised post; empty for a sourced debunking post. */
export function detectRumorSignals(normalized: string): RumorSignal[] {
  return assessRumorSignals(normalized).signals;
}

/** The signals and whether the post names an authority (computed once for both uses). */
export function assessRumorSignals(normalized: string): { signals: RumorSignal[]; sourced: boolean; credibility: CredibilitySignal[] } {
  if (!normalized) return { signals: [], sourced: false, credibility: [] };
  const sourced = hasAuthoritativeSource(normalized);
  const credibility = detectCredibilitySignals(normalized, sourced);
  if (sourced && DEBUNKING.test(normalized)) return { signals: [], sourced, credibility };
  const signals: RumorSignal[] = [];
  for (const rule of RULES) {
    if (rule.unsourcedOnly && sourced) continue;
    const match = rule.pattern.exec(normalized);
    if (match) signals.push({ code: rule.code, match: match[0] });
  }
  return { signals, sourced, credibility };
}
