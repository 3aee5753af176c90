import type { ItemKind, ValidMentionIntake } from '@liaowang/contract';
import seedrandom from 'seedrandom';

// Realistic, invented posts about a fictional city and its offices, for demos and load tests
// (R-ING-2). A seeded generator keeps test runs repeatable.

const PLACES = ['江城市', '江城市教育局', '江城市卫健委', '江城高新区', '江城职业技术学院', '江城市交通运输局'];
const TOPICS = ['地铁三号线', '老旧小区改造', '中考招生', '医保报销', '暴雨积水', '校园食堂', '公交线路调整', '停车收费'];
const REGIONS = ['湖北', '湖南', '广东', '北京', '上海', '四川', '浙江', '江苏', '河南', '陕西'];
const PLATFORMS = ['weibo', 'wechat', 'douyin', 'toutiao', 'forum'];
const NAMES = ['江城观察', '晴天小雨', '老李说事', '城市生活家', '热心市民王先生', '江城吃货', '一杯清茶', '路过的风'];

const TEMPLATES: Array<(place: string, topic: string) => string> = [
  (p, t) => `${p}的${t}终于有进展了，办事效率点赞👍`,
  (p, t) => `${t}拖了大半年还没解决，${p}到底管不管？打了好几次热线都没人回[怒]`,
  (p, t) => `网传${p}${t}要全面暂停，有没有知道内情的？转发扩散！`,
  (p, t) => `【通报】${p}关于${t}的情况说明已发布，详见官方公众号。`,
  (p, t) => `据说${t}出事了，现场好多警车，${p}还没出来说明[吃惊]`,
  (p, t) => `今天去${p}咨询${t}，工作人员很耐心，流程也清楚，给个好评。`,
  (p, t) => `${p}发布${t}最新安排，市民可拨打12345咨询。`,
  (p, t) => `${t}的事情有人管吗？我家门口已经三天了，联系电话13812345678，求${p}回复`,
  (p, t) => `紧急！${p}附近${t}发生事故，大家绕行，赶紧告诉身边的人！`,
  (p, t) => `对${p}在${t}上的处理很失望，说好的公开透明呢？`,
];

const IMPOSTOR_TEMPLATES: Array<(place: string) => string> = [
  (p) => `发现一个自称“${p}发布”的抖音号在卖课收费，头像和官方一模一样，请核实是不是假冒的`,
  (p) => `有个微信公众号叫“${p}官方服务”，让人转账办理证件，是不是冒充的？`,
];

export class MentionGenerator {
  private readonly next: () => number;
  private counter = 0;

  constructor(
    seed = Date.now(),
    private readonly runId = seed.toString(36),
  ) {
    // Seeded, so a seed replays the same stream.
    this.next = seedrandom(String(seed));
  }

  // Already in the validated shape, so the simulator's hot path skips the schema.
  generate(now = new Date()): ValidMentionIntake {
    const pick = <T>(list: readonly T[]) => list[Math.floor(this.next() * list.length)];
    const place = pick(PLACES);
    const roll = this.next();
    const kind: ItemKind = roll < 0.05 ? 'impostor_report' : roll < 0.3 ? 'comment' : 'mention';
    const text = kind === 'impostor_report' ? pick(IMPOSTOR_TEMPLATES)(place) : pick(TEMPLATES)(place, pick(TOPICS));
    const platform = pick(PLATFORMS);
    const authorIndex = Math.floor(this.next() * 500);
    const sourceId = `sim-${this.runId}-${++this.counter}`;
    return {
      sourceId,
      kind,
      platform,
      author: { id: `${platform}-u${authorIndex}`, name: `${pick(NAMES)}${authorIndex}` },
      text,
      url: `https://${platform}.example/${sourceId}`,
      publishedAt: new Date(now.getTime() - Math.floor(this.next() * 60_000)).toISOString(),
      region: pick(REGIONS),
    };
  }
}
