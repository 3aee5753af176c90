import type { AlertRule, SimulatorScenario, Spike, SpikeListResponse, ValidMentionIntake } from '@liaowang/contract';
import { itemsIndex, spikesIndex, spikesTopic } from '@liaowang/contract';
import { ScenarioGenerator } from '@liaowang/intake';
import { createElasticsearchClient, createLogger, KafkaPort } from '@liaowang/platform';
import { DEFAULT_SPIKE_DETECTOR, SpikeDetection } from '@liaowang/stream';
import { randomInt, randomUUID } from 'node:crypto';
import { claimOfThisRun } from './support/claims';
import { callApi, createRule, waitForAlerts } from './support/alert-flow';
import { TopicTap } from './support/topic-tap';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

const MINUTE = 60_000;
const WINDOW = 10 * MINUTE;
const DAY = 24 * 60 * MINUTE;
// Background posts a minute (shaped by the hour): enough for negative volume to pass the minimum count.
const PER_MINUTE = 6;
const SLICE = 250;

/**
 * Issue 10 part 2 on the real stack: the scenarios' posts go through intake, the enricher, the
 * indexer and the stories stage with publishedAt times of a day of their own (a day's history in
 * seconds), then the spike detector judges that moment on the real Elasticsearch and Kafka.
 * Each run takes a moment in June 2025 that no earlier run used, so its windows hold only its posts.
 */
describe('spikes: detected in rumor-outbreak, not in quiet-day', () => {
  let system: TestSystem | undefined;
  let tap: TopicTap<Spike> | undefined;
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  const logger = createLogger('spikes-test', 'warn');
  let kafka: KafkaPort | undefined;
  const rules: AlertRule[] = [];
  afterAll(async () => {
    // The rules of this run stop watching once it is over (a keyword rule is also a watched keyword).
    if (system) {
      const admin = (await system.login('admin')).token;
      for (const rule of rules) {
        const input = { name: rule.name, severity: rule.severity, match: rule.match, repeatMinutes: rule.repeatMinutes };
        await callApi(system.apiUrl, admin, 'PUT', `/api/v1/alert-rules/${rule.id}`, { ...input, enabled: false, version: rule.version });
      }
    }
    await tap?.close();
    await kafka?.disconnect();
    await system?.stop();
    await es.close();
  });

  /** The ranges the detector reads when judging `at`: the running and the last window, their same time on 7 days, their last hour. */
  const rangesRead = (at: number) => {
    const current = Math.floor(at / WINDOW) * WINDOW;
    const ranges: { from: number; to: number }[] = [];
    for (let day = 0; day <= 7; day++) ranges.push({ from: current - day * DAY - WINDOW - (day === 0 ? 6 * WINDOW : 0), to: day === 0 ? at : current - day * DAY + WINDOW });
    return ranges;
  };
  const postsIn = async (ranges: { from: number; to: number }[]) => {
    const response = await es.count({
      index: itemsIndex.alias,
      query: { bool: { should: ranges.map((r) => ({ range: { publishedAt: { gte: new Date(r.from).toISOString(), lt: new Date(r.to).toISOString() } } })), minimum_should_match: 1 } },
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    return response.count;
  };
  /** A moment of a June 2025 day between 08:10 and 22:00 Beijing time (it and the window before it busy), 7 minutes into a window, whose windows hold no post yet. */
  const unusedMoment = async () => {
    for (;;) {
      const day = Date.parse('2025-06-09T00:00:00+08:00') + randomInt(0, 19) * DAY;
      const at = day + 8 * 60 * MINUTE + randomInt(1, 14 * 6) * WINDOW + 7 * MINUTE;
      if ((await postsIn(rangesRead(at))) === 0) return at;
    }
  };
  const post = async (item: ValidMentionIntake) => {
    const response = await fetch(`${system!.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system!.intakeKey },
      body: JSON.stringify(item),
    });
    if (response.status !== 202) throw new Error(`intake ${response.status}: ${await response.text()}`);
  };
  /** Posts the scenario's history and present around `at` through intake and waits until each has its story. */
  const play = async (scenario: SimulatorScenario, at: number, onset: number) => {
    const ranges = rangesRead(at);
    const posts = new ScenarioGenerator(scenario, new Date(onset), randomInt(1, 1e9)).timeline(ranges, PER_MINUTE);
    const placed = () =>
      es.count({ index: itemsIndex.alias, query: { bool: { filter: [{ exists: { field: 'storyId' } }], should: ranges.map((r) => ({ range: { publishedAt: { gte: new Date(r.from).toISOString(), lt: new Date(r.to).toISOString() } } })), minimum_should_match: 1 } } });
    // In slices, each placed in its story before the next: the pipeline's pace, not a burst.
    for (let slice = 0; slice < posts.length; slice += SLICE) {
      const upTo = Math.min(posts.length, slice + SLICE);
      for (let i = slice; i < upTo; i += 16) await Promise.all(posts.slice(i, Math.min(upTo, i + 16)).map(post));
      await eventually(async () => ((await placed()).count >= upTo ? true : undefined), 120_000, `${upTo} of ${posts.length} ${scenario} posts indexed with their story`);
    }
    return posts;
  };

  it('finds no spike in a quiet day, and the rumor story, its keyword and only once in an outbreak, announced on the topic, listed by the API, raising a spike rule alert', async () => {
    system = await startTestSystem({ settings: { ALERT_RULES_RELOAD_SECONDS: '1', SPIKE_EVALUATE_SECONDS: '3600' } });
    kafka = new KafkaPort(system.settings.KAFKA_BROKERS, 'spikes-test', logger);
    tap = await TopicTap.open(system.settings.KAFKA_BROKERS, spikesTopic);
    const duty = (await system.login('duty')).token;
    const rule = await createRule(system, duty, { name: '话题突增', severity: 'high', match: { spike: { kinds: ['story'], zAtLeast: 4 } } });
    // The watch list: the terms of enabled keyword rules.
    rules.push(rule, await createRule(system, duty, { name: '化工厂爆炸', severity: 'medium', match: { keywords: '化工厂 AND 爆炸' } }));
    const detection = new SpikeDetection(es, kafka, logger, { detector: DEFAULT_SPIKE_DETECTOR, intervalMs: 3_600_000 });

    const quietAt = await unusedMoment();
    const quiet = await play('quiet-day', quietAt, quietAt);
    // Busy enough that the minimum volume alone does not keep it quiet: the baseline does.
    const lastWindow = Math.floor(quietAt / WINDOW) * WINDOW - WINDOW;
    expect(quiet.filter((p) => Date.parse(p.publishedAt) >= lastWindow && Date.parse(p.publishedAt) < lastWindow + WINDOW).length).toBeGreaterThanOrEqual(2 * DEFAULT_SPIKE_DETECTOR.minCount);
    expect(await detection.tick(new Date(quietAt))).toEqual([]);

    const outbreakAt = await unusedMoment();
    await play('rumor-outbreak', outbreakAt, outbreakAt - 25 * MINUTE);
    const found = await detection.tick(new Date(outbreakAt));
    const story = found.find((s) => s.kind === 'story');
    expect(story).toMatchObject({ label: expect.stringContaining('化工厂昨晚发生爆炸') });
    expect(story!.count).toBeGreaterThanOrEqual(DEFAULT_SPIKE_DETECTOR.minCount);
    expect(story!.z).toBeGreaterThanOrEqual(DEFAULT_SPIKE_DETECTOR.zAtLeast);
    expect(story!.windowBeijing).toMatch(/^2025-06-\d\d \d\d:\d0–\d\d:\d0$/);
    expect(story!.topItems.length).toBeGreaterThan(0);
    // The watched terms of the rumor (other rules' terms may spike too, e.g. the city's name).
    expect(found.filter((s) => s.kind === 'keyword').map((s) => s.key)).toEqual(expect.arrayContaining(['化工厂', '爆炸']));
    for (const spike of found) expect(Date.parse(spike.window.from)).toBeGreaterThanOrEqual(outbreakAt - 2 * WINDOW);

    // A second judgement of the same windows announces nothing again.
    expect(await detection.tick(new Date(outbreakAt + MINUTE))).toEqual([]);
    const ids = found.map((s) => s.id);
    await eventually(async () => (ids.every((id) => tap!.where((s) => s.id === id).length > 0) ? true : undefined), 30_000, 'the spikes on the topic');
    await new Promise((r) => setTimeout(r, 1_000));
    for (const id of ids) expect(tap.where((s) => s.id === id)).toHaveLength(1);
    await es.indices.refresh({ index: spikesIndex.alias });
    const stored = await es.search({ index: spikesIndex.alias, query: { ids: { values: ids } }, size: 100 });
    expect(stored.hits.hits.map((h) => h._id).sort()).toEqual([...ids].sort());

    // Through the API, newest first, filtered by kind and time.
    const since = new Date(outbreakAt - 3 * WINDOW).toISOString();
    const until = new Date(outbreakAt + WINDOW).toISOString();
    const listed = await callApi(system.apiUrl, duty, 'GET', `/api/v1/spikes?kind=story&since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as SpikeListResponse;
    const newestFirst = found
      .filter((s) => s.kind === 'story')
      .sort((a, b) => Date.parse(b.window.from) - Date.parse(a.window.from) || b.z - a.z || a.id.localeCompare(b.id));
    expect(body.spikes.map((s) => s.id)).toEqual(newestFirst.map((s) => s.id));
    expect(body.total).toBe(newestFirst.length);
    expect(JSON.stringify(body)).not.toContain('announced');
    const bad = await callApi(system.apiUrl, duty, 'GET', '/api/v1/spikes?kind=sudden');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('kind');
    const screen = (await system.login('screen')).token;
    expect((await callApi(system.apiUrl, screen, 'GET', '/api/v1/spikes?size=1')).status).toBe(200);

    // The spike rule raised an alert on the story spike.
    // One alert per story (the copies of a claim may form more than one), grouped across its windows.
    const storySpikes = found.filter((s) => s.kind === 'story');
    const storyKeys = [...new Set(storySpikes.map((s) => s.key))];
    const alerts = await waitForAlerts(system, duty, rule.id, storyKeys.length);
    expect(alerts.map((a) => a.groupKey).sort()).toEqual(storyKeys.map((key) => `rule:${rule.id}:spike:story:${key}`).sort());
    const first = alerts.find((a) => a.groupKey.endsWith(`:${story!.key}`))!;
    expect(first.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^window:2025-06-/), 'spike:story']));
  }, 900_000);

  it('finds the negative spike of policy-backlash', async () => {
    system ??= await startTestSystem({ settings: { SPIKE_EVALUATE_SECONDS: '3600' } });
    kafka ??= new KafkaPort(system.settings.KAFKA_BROKERS, 'spikes-test', logger);
    tap ??= await TopicTap.open(system.settings.KAFKA_BROKERS, spikesTopic);
    const at = await unusedMoment();
    await play('policy-backlash', at, at - 25 * MINUTE);
    // Kafka fails between the write and the send: the spikes are recorded, not announced.
    const settings = { detector: DEFAULT_SPIKE_DETECTOR, intervalMs: 3_600_000 };
    const down = { send: (_topic: unknown, messages: unknown[]) => (messages.length === 0 ? Promise.resolve() : Promise.reject(new Error('Kafka is down'))) };
    const failing = new SpikeDetection(es, down, logger, { ...settings, strandedAfterMs: 10 * 365 * DAY });
    await expect(failing.tick(new Date(at))).rejects.toThrow('Kafka is down');
    // The next tick takes them over (its own judgement finds them recorded) and announces each once.
    const negative = (await new SpikeDetection(es, kafka, logger, { ...settings, strandedAfterMs: 0 }).tick(new Date(at))).filter((s) => s.kind === 'negative');
    expect(negative.length).toBeGreaterThan(0);
    await eventually(async () => (negative.every((spike) => tap!.where((s) => s.id === spike.id).length === 1) ? true : undefined), 30_000, 'the taken-over spikes on the topic');
    for (const spike of negative) {
      expect(spike.z).toBeGreaterThanOrEqual(DEFAULT_SPIKE_DETECTOR.zAtLeast);
      expect(spike.topItems.every((item) => item.sentiment.label === 'negative')).toBe(true);
    }
  }, 600_000);

  it('runs in the stream on its own clock: a story posted 25 times now is announced once within a few ticks', async () => {
    await system?.stop();
    system = await startTestSystem({ settings: { SPIKE_EVALUATE_SECONDS: '1' } });
    tap ??= await TopicTap.open(system.settings.KAFKA_BROKERS, spikesTopic);
    const marker = randomUUID().replace(/-/g, '').slice(0, 10);
    const claim = claimOfThisRun(marker);
    for (let i = 0; i < 25; i++) {
      await post({ sourceId: randomUUID(), kind: 'mention', platform: 'weibo', author: { id: `u-spike-${i}`, name: `u-spike-${i}` }, text: i % 2 ? `#扩散# ${claim}` : claim, publishedAt: new Date().toISOString() });
    }
    const mine = () => tap!.where((s) => s.kind === 'story' && s.label.includes(marker));
    const [spike] = await eventually(async () => (mine().length > 0 ? mine() : undefined), 90_000, 'the story spike on the topic');
    expect(spike.value.count).toBeGreaterThanOrEqual(DEFAULT_SPIKE_DETECTOR.minCount);
    // A few more ticks of the same window announce nothing again.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(mine().filter((s) => s.value.id === spike.value.id)).toHaveLength(1);

    // The editor's backtest of a spike rule counts the spikes of the last week it would fire on.
    const duty = (await system.login('duty')).token;
    const preview = await callApi(system.apiUrl, duty, 'POST', '/api/v1/alert-rules/preview', { name: '这个话题', severity: 'low', match: { spike: { keys: [spike.value.key] } } });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ matchedItems: 1, alerts: 1 });
  }, 300_000);
});
