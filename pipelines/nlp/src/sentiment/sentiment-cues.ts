import type { SentimentLabel } from '@liaowang/contract';
import { detectInformationQuestion } from '../text/information-question';

// Plain cues the learned model under-weighs (issue 9): praise and complaint idioms of
// government-service posts (点赞, 给个好评, 差评, 无语, 寒心), negated praise (不满意, 没人管),
// rhetorical questions ("这就是为人民服务？") and, since nlp-1.6.0, changes for the better (方便多了)
// and plain requests for information (请问…几点开门？), which the model read as negative. Each cue
// adds log-odds to one class; the weights were set by hand once, from what the phrases mean, before
// the dev figures that include them were run.
// Patterns run on the normalised (simplified, half-width) text.

export type SentimentCueCode =
  | 'praise_idiom'
  | 'complaint_idiom'
  | 'degree_praise'
  | 'degree_complaint'
  | 'negated_praise'
  | 'negated_complaint'
  | 'improvement'
  | 'rhetorical_question'
  | 'information_question';

interface Cue {
  code: SentimentCueCode;
  label: SentimentLabel;
  /** The words of a normalised post that make the cue, if any. */
  find: (normalized: string) => string | undefined;
  logOdds: number;
  /** The cue does not count when a cue of this label came with it. */
  yieldsTo?: SentimentLabel;
}

const matching =
  (pattern: RegExp) =>
  (normalized: string): string | undefined =>
    pattern.exec(normalized)?.[0];

// A negation or "no one" right before a word of praise or service: 不满意, 不及时, 没人管, 没有回复.
const NEGATED_PRAISE = /(?:不|没有?|毫不|一点也不|一点都不|很不|太不)(?:满意|方便|及时|专业|负责|耐心|作为|靠谱|给力|公平|透明|合理|友好|热情)|没(?:有)?人(?:管|理|回|接)|(?:没有|没)(?:回复|回音|下文|解决|处理|人管)/;
// "不错", "不差", "没毛病", "一点都不乱", "不用排队": a negated complaint or a hassle gone reads as praise.
const NEGATED_COMPLAINT = /不错|不差|没毛病|没得说|无可挑剔|一点(?:也|都)不(?:乱|慢|堵|挤|难|麻烦|贵|累)|(?:不用|无需|不必|再也不用)再?(?:排队|跑|等|挤|发愁|操心)|一次都不用跑/;
// Words of service and of a place that read as praise after a degree word (很耐心, 太漂亮了).
const PRAISED_QUALITY =
  '(?:好(?![奇像久多少几])|棒|耐心|热情|细致|周到|周全|专业|负责|及时|方便|便捷|高效|给力|贴心|用心|认真|到位|温柔|漂亮|美(?![国元])|干净|整洁|舒服|舒适|实惠|好用|好吃|合理|精致|清楚|顺利|省心|开心)';

const CUES: readonly Cue[] = [
  {
    code: 'praise_idiom',
    label: 'positive',
    find: matching(
      /点赞|点个赞|赞一个|大大的赞|很赞|给个好评|给好评|五星好评|必须好评|好评如潮|(?<![求刷要骗])好评(?!率)|(?:为|给)[^，。！？,.!?]{0,8}点赞|辛苦了|暖心|心里暖|贴心|好样的|值得表扬|真心感谢|由衷感谢|非常感谢|真的很感谢|谢谢你们|感谢你们|井井有条|秩序井然|有条不紊|办了件实事|正能量|向[^，。！？,.!?]{0,8}致敬|太棒了|真棒/,
    ),
    logOdds: 1.5,
  },
  {
    code: 'complaint_idiom',
    label: 'negative',
    find: matching(/差评|无语|寒心|受够了|太失望|失望透顶|很失望|令人失望|踢皮球|敷衍了事|推诿|不作为|懒政|投诉无门|一肚子气|气死|恶心|糟心|闹心|坑人|忍无可忍/),
    logOdds: 1.5,
  },
  {
    // A degree word before praise of service, not negated: 态度特别好, 非常耐心, 太方便了 (not 不是很好, 很好奇).
    code: 'degree_praise',
    label: 'positive',
    find: matching(new RegExp(`(?<![不没]|不是|没那么)(?:很|特别|非常|超级?|太|真|挺|十分|相当)${PRAISED_QUALITY}`)),
    logOdds: 1,
  },
  {
    // A change for the better: 方便多了, 安全多了, 越来越干净 (not 麻烦多了, 越来越差).
    code: 'improvement',
    label: 'positive',
    find: matching(/(?:方便|快|好|安全|干净|整洁|清楚|清晰|宽敞|顺畅|省事|省心|便宜|漂亮|舒服|实惠|安心)多了|越来越(?:好|方便|美|干净|漂亮|规范|完善|贴心)/),
    logOdds: 1,
  },
  {
    code: 'degree_complaint',
    label: 'negative',
    find: matching(/(?<![不没]|不是|没那么)(?:很|特别|非常|超级?|太|真|十分|相当)(?:差|慢|烂|乱|脏|贵|麻烦|失望|过分|离谱|冷漠|敷衍)/),
    logOdds: 1,
  },
  { code: 'negated_praise', label: 'negative', find: matching(NEGATED_PRAISE), logOdds: 1 },
  { code: 'negated_complaint', label: 'positive', find: matching(NEGATED_COMPLAINT), logOdds: 0.5 },
  {
    // Questions that assert the opposite: 这就是…？, 难道…？, 凭什么…, 还有没有王法, 有人管吗？
    code: 'rhetorical_question',
    label: 'negative',
    find: matching(/(?:这就是|这叫|这也叫|这算)[^。！!]{1,20}[?？]|难道[^。！!]{1,20}[?？]|凭什么|还有没有(?:王法|天理|人管)|有(?:没有)?人管(?:吗|没)|管不管|谁来管/),
    logOdds: 1,
  },
  // A plain request for information (text/information-question.ts) reads as neutral, unless it complains.
  { code: 'information_question', label: 'neutral', find: detectInformationQuestion, logOdds: 1.5, yieldsTo: 'negative' },
];

export interface SentimentCue {
  code: SentimentCueCode;
  label: SentimentLabel;
  match: string;
}

/** The plain cues found in a normalised post ("不错" is a negated complaint, not negated praise). */
export function detectSentimentCues(normalized: string): SentimentCue[] {
  const hits: Array<{ cue: Cue; match: string }> = [];
  for (const cue of CUES) {
    const match = cue.find(normalized);
    if (match !== undefined) hits.push({ cue, match });
  }
  const found: SentimentCue[] = [];
  for (const { cue, match } of hits) {
    if (cue.yieldsTo && hits.some((hit) => hit.cue.label === cue.yieldsTo)) continue;
    found.push({ code: cue.code, label: cue.label, match });
  }
  return found;
}

/** Log-odds a cue adds to its class. */
export function cueLogOdds(code: SentimentCueCode): number {
  return CUES.find((cue) => cue.code === code)!.logOdds;
}
