import { spikesTopic, type Spike } from '@liaowang/contract';
import type { ElasticsearchClient, KafkaPort, Logger } from '@liaowang/platform';
import { judgeWindow, type SpikeDetectorSettings } from './spike-detector';
import { keywordSeries, NEGATIVE_SERIES, seriesName, SpikeCountsRepository, type WatchedSeries } from './spike-counts.repository';
import { SpikeRepository } from './spike.repository';
import { beijingLabel, DEFAULT_HISTORY, historyOf, judgedWindows, spikeId, type HistoryShape, type TimeWindow } from './spike-windows';
import { watchedKeywords } from './watched-keywords';

const TOP_ITEMS = 5;
const STRANDED_AFTER_MS = 60_000;

export interface SpikeStageOptions {
  detector: SpikeDetectorSettings;
  history?: HistoryShape;
  intervalMs: number;
  /** A spike written but not sent for this long is taken over (default: two ticks, at least a minute). */
  strandedAfterMs?: number;
}

/**
 * Every `intervalMs`: the running and the last closed 10-minute window of every series (negative
 * overall, each watched keyword, each story with enough items) judged against its history, each
 * new spike written to the spikes index (created once per series and window) and then published
 * on the spikes topic. One tick at a time; a failed tick is logged and the next one tries again.
 */
export class SpikeDetection {
  private readonly counts: SpikeCountsRepository;
  private readonly spikes: SpikeRepository;
  private readonly history: HistoryShape;

  constructor(
    es: ElasticsearchClient,
    private readonly kafka: Pick<KafkaPort, 'send'>,
    private readonly logger: Logger,
    private readonly options: SpikeStageOptions,
  ) {
    this.counts = new SpikeCountsRepository(es);
    this.spikes = new SpikeRepository(es);
    this.history = options.history ?? DEFAULT_HISTORY;
  }

  /**
   * Judges the windows around `at` (now; a test or a replay names another moment); answers the
   * spikes it announced, first those a crash left written but not sent.
   */
  async tick(at = new Date()): Promise<Spike[]> {
    // Another instance may be between its write and its send: only spikes left for a while are taken over.
    const stranded = new Date(Date.now() - (this.options.strandedAfterMs ?? Math.max(2 * this.options.intervalMs, STRANDED_AFTER_MS)));
    const announced = await this.announce(await this.spikes.unannounced(stranded));
    const keywords = watchedKeywords(await this.counts.keywordQueries()).map(keywordSeries);
    const found: Spike[] = [];
    for (const window of judgedWindows(at.getTime())) {
      const series = [NEGATIVE_SERIES, ...keywords, ...(await this.counts.storiesAtLeast(window, this.options.detector.minCount))];
      found.push(...(await this.judge(series, window)));
    }
    // Written, then sent, each in one request however many: a busy hour (hundreds of new stories) stays one tick.
    announced.push(...(await this.announce(await this.spikes.createAll(found))));
    return announced;
  }

  private async judge(series: WatchedSeries[], window: TimeWindow): Promise<Spike[]> {
    const { seasonal, recent } = historyOf(window, this.history);
    const windows = [window, ...seasonal, ...recent];
    const counts = await this.counts.counts(series, windows);
    const spiking: { id: string; s: WatchedSeries; verdict: ReturnType<typeof judgeWindow> }[] = [];
    for (const s of series) {
      const [current, ...past] = counts.get(seriesName(s)) ?? [];
      const verdict = judgeWindow({ current: current ?? 0, seasonal: past.slice(0, seasonal.length), recent: past.slice(seasonal.length) }, this.options.detector, {
        needsHistory: s.kind === 'negative',
      });
      if (verdict.spike) spiking.push({ id: spikeId(s.kind, s.key, window), s, verdict });
    }
    // A window stays a spike for every tick until it closes: its top items are read once, for the tick that records it.
    const windowFrom = new Date(window.from).toISOString();
    const recorded = await this.spikes.recorded(spiking.map(({ id }) => ({ id, windowFrom })));
    const fresh = spiking.filter(({ id }) => !recorded.has(id));
    const topItems = await this.counts.topItems(
      fresh.map(({ s }) => s),
      window,
      TOP_ITEMS,
    );
    return fresh.map(({ id, s, verdict }, i) => ({
      id,
      kind: s.kind,
      key: s.key,
      label: s.label,
      window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
      windowBeijing: beijingLabel(window),
      count: verdict.count,
      baseline: verdict.baseline,
      scale: verdict.scale,
      z: verdict.z,
      basis: verdict.basis,
      detectedAt: new Date().toISOString(),
      topItems: topItems[i] ?? [],
    }));
  }

  private async announce(spikes: Spike[]): Promise<Spike[]> {
    await this.kafka.send(
      spikesTopic,
      spikes.map((spike) => ({ key: `${spike.kind}:${spike.key}`, value: spike })),
    );
    await this.spikes.markAnnounced(spikes);
    for (const spike of spikes) this.logger.info({ spike: spike.id, count: spike.count, baseline: spike.baseline, z: spike.z }, 'spike');
    return spikes;
  }
}

export function startSpikesStage(es: ElasticsearchClient, kafka: KafkaPort, logger: Logger, options: SpikeStageOptions): { stop(): void } {
  const detection = new SpikeDetection(es, kafka, logger, options);
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    // One tick at a time: a slow Elasticsearch must not stack up judgements.
    running ??= detection
      .tick()
      .catch((error: unknown) => logger.warn({ err: error }, 'spike detection tick failed; trying again at the next'))
      .finally(() => (running = undefined));
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
