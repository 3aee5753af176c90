import type { SimulatorScenario, ValidMentionIntake } from '@liaowang/contract';

// The incidents the named scenarios tell on top of an ordinary day (issue 11), about the same
// fictional city as the background posts. Each grows from its onset: a share of the background
// rate at first, doubling every few minutes, up to a cap.

type PickFrom = <T>(list: readonly T[]) => T;

export interface Incident {
  /** Incident posts per background post at the onset, its doubling time and its cap. */
  start: number;
  doublingMinutes: number;
  cap: number;
  post(pick: PickFrom): IncidentPost;
}
type IncidentPost = Pick<ValidMentionIntake, 'kind' | 'text'> & { region?: string };

// A local incident rumor: one claim copied with small edits (a repost with a line of comment,
// hashtags, an @mention, a changed last word), so it forms one story that grows. A whole added
// clause is no small edit on a claim this short: copies ending "，家里有孩子的别出门了" or
// "，转发让更多人知道" lay more than the story threshold apart and split the story.
const RUMOR_CLAIM = '网传江城高新区化工厂昨晚发生爆炸，死了好几个人，官方一直在封锁消息';
const RUMOR_ENDINGS = ['！', '，求证！', '。', '！！'];
const RUMOR_COMMENTS = ['', '', '太吓人了//@江城观察:', '真的假的？//@热心市民王先生:', '@江城观察 ', '#江城爆炸# ', '天哪，'];

// An impostor of the organisation's own account, reported and talked about.
const IMPOSTOR_POSTS = [
  '有个叫“江城市发布”的抖音号在直播卖课，头像和官方一模一样，是不是假冒的？',
  '举报：冒充江城市发布的账号让人扫码缴费办理证件，已经有人被骗了',
  '大家注意，那个“江城发布官方”不是官方账号，让转账的都是骗子',
  '江城市发布是不是被人冒充了？私信让我交押金',
];

// A policy that draws anger: many different complaints, mostly negative.
const BACKLASH_POSTS = [
  '江城市停车收费一下涨三倍，上班族还活不活了？太离谱了[怒]',
  '停车费涨价听证会就是走过场，根本不听老百姓的意见，非常失望',
  '新的停车收费标准太坑了，小区门口停一晚上要四十块，抗议！',
  '江城市交通运输局出来解释一下，停车费凭什么涨这么多？',
  '又涨价，停车收费调整没有一点征求意见，气死了',
  '反对停车费上涨！工资不涨，收费年年涨，寒心',
];

export const SCENARIOS: Record<SimulatorScenario, Incident | undefined> = {
  'quiet-day': undefined,
  'rumor-outbreak': {
    start: 0.1,
    doublingMinutes: 4,
    cap: 1.5,
    post: (pick) => ({ kind: 'mention', text: `${pick(RUMOR_COMMENTS)}${RUMOR_CLAIM}${pick(RUMOR_ENDINGS)}`, region: '湖北' }),
  },
  'impostor-account': {
    start: 0.05,
    doublingMinutes: 6,
    cap: 0.6,
    post: (pick) => ({ kind: pick(['impostor_report', 'impostor_report', 'mention'] as const), text: pick(IMPOSTOR_POSTS) }),
  },
  // Complaints come to twice the everyday traffic: after a busy hour, when the recent windows
  // already run high, a smaller backlash stayed under the negative-volume threshold in about one
  // run in twenty.
  'policy-backlash': {
    start: 0.2,
    doublingMinutes: 4,
    cap: 2,
    post: (pick) => ({ kind: pick(['mention', 'comment'] as const), text: pick(BACKLASH_POSTS) }),
  },
};

/** Incident posts per background post, `minutes` after the incident's onset (0 before it). */
export function incidentShare(incident: Incident | undefined, minutes: number): number {
  if (!incident || minutes < 0) return 0;
  return Math.min(incident.cap, incident.start * 2 ** (minutes / incident.doublingMinutes));
}

/**
 * How busy an ordinary day is at this hour of Beijing time, relative to its average: quiet at
 * night, a morning rush, an evening peak.
 */
export function dayCurve(at: Date): number {
  const hour = (at.getUTCHours() + 8) % 24;
  if (hour < 6) return 0.2;
  if (hour < 8) return 0.6;
  if (hour < 10) return 1.5;
  if (hour < 18) return 1.0;
  if (hour < 23) return 1.3;
  return 0.5;
}
