import type { SimulatorScenario, ValidMentionIntake } from '@liaowang/contract';
import seedrandom from 'seedrandom';
import { MentionGenerator } from './mention-generator';
import { dayCurve, incidentShare, SCENARIOS, type Incident } from './scenarios';

const PLATFORMS = ['weibo', 'wechat', 'douyin', 'toutiao', 'forum'];
const MINUTE_MS = 60_000;

/**
 * The posts of a named scenario: the ordinary background (MentionGenerator) and, from the onset,
 * the scenario's incident growing on top of it. Seeded, so a seed replays the same stream.
 */
export class ScenarioGenerator {
  private readonly background: MentionGenerator;
  private readonly incident: Incident | undefined;
  private readonly next: () => number;
  private counter = 0;

  constructor(
    readonly scenario: SimulatorScenario,
    private readonly onset: Date,
    seed = Date.now(),
    private readonly runId = seed.toString(36),
  ) {
    this.background = new MentionGenerator(seed, runId);
    this.incident = SCENARIOS[scenario];
    this.next = seedrandom(`${scenario}:${seed}`);
  }

  /** Incident posts per background post at `at`. */
  shareAt(at: Date): number {
    return incidentShare(this.incident, (at.getTime() - this.onset.getTime()) / MINUTE_MS);
  }

  /** One post published about `at`: from the incident with its share of the stream then, else the background. */
  generate(at = new Date()): ValidMentionIntake {
    const share = this.shareAt(at);
    if (!this.incident || this.next() >= share / (1 + share)) return this.background.generate(at);
    const pick = <T>(list: readonly T[]) => list[Math.floor(this.next() * list.length)];
    const post = this.incident.post(pick);
    const platform = pick(PLATFORMS);
    const author = Math.floor(this.next() * 5_000);
    const sourceId = `sim-${this.runId}-${this.scenario}-${++this.counter}`;
    return {
      sourceId,
      kind: post.kind,
      platform,
      author: { id: `${platform}-s${author}`, name: `网友${author}` },
      text: post.text,
      url: `https://${platform}.example/${sourceId}`,
      publishedAt: new Date(at.getTime() - Math.floor(this.next() * 30_000)).toISOString(),
      region: post.region,
    };
  }

  /**
   * Every post of the given time ranges, at `perMinute` background posts a minute shaped by the
   * day's curve (Beijing hour) plus the incident: a day's history in seconds, with publishedAt
   * where the day would have put them. For tests and benches that need a baseline.
   */
  timeline(ranges: readonly { from: number; to: number }[], perMinute: number): ValidMentionIntake[] {
    const posts: ValidMentionIntake[] = [];
    for (const { from, to } of ranges) {
      let carry = 0;
      for (let minute = from; minute < to; minute += MINUTE_MS) {
        const at = new Date(minute);
        carry += perMinute * dayCurve(at) * (1 + this.shareAt(at));
        for (; carry >= 1; carry--) {
          const post = this.generate(at);
          posts.push({ ...post, publishedAt: new Date(minute + Math.floor(this.next() * Math.min(MINUTE_MS, to - minute))).toISOString() });
        }
      }
    }
    return posts;
  }
}
