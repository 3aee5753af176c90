import {
  ALERT_RULES_INDEX_NAME,
  ALERTS_INDEX_NAME,
  alertsTopic,
  alertTriggersTopic,
  itemsEnrichedTopic,
  type Alert,
  type AlertEvent,
  type AlertRule,
  type AlertTrigger,
} from '@liaowang/contract';
import { createElasticsearchClient, createLogger, KafkaPort } from '@liaowang/platform';
import { ALERT_RECORDER_GROUP, startStream, type StreamRuntime } from '@liaowang/stream';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { collectDeadLetters } from './support/dead-letters';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';
import { TopicTap } from './support/topic-tap';

// Issue 8 item 2: rules evaluated in the stream, alerts recorded into the index and announced on
// the alerts topic, on the real Kafka and Elasticsearch.
describe('alert evaluation: HTTP intake → enriched topic → evaluator → triggers → recorder → alerts index + topic', () => {
  let system: TestSystem;
  let stream: StreamRuntime | undefined;
  let events: TopicTap<AlertEvent>;
  let triggers: TopicTap<AlertTrigger>;
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  const startOwnStream = async () => {
    stream = await startStream(system.settings);
  };

  beforeAll(async () => {
    // The stream runs apart from the HTTP services, so a test can restart it.
    system = await startTestSystem({ stream: false, settings: { ALERT_RULES_RELOAD_SECONDS: '0.5' } });
    await startOwnStream();
    events = await TopicTap.open(system.settings.KAFKA_BROKERS, alertsTopic);
    triggers = await TopicTap.open(system.settings.KAFKA_BROKERS, alertTriggersTopic);
  });
  afterAll(async () => {
    await events?.close();
    await triggers?.close();
    await stream?.stop();
    await system?.stop();
    await es.close();
  });

  const marker = () => `标记${randomUUID().slice(0, 8)}`;

  async function saveRule(id: string, version: number, fields: Partial<AlertRule>): Promise<void> {
    const at = new Date().toISOString();
    const rule: AlertRule = {
      id,
      version,
      name: `测试规则${id.slice(-6)}`,
      severity: 'high',
      enabled: true,
      match: { keywords: '停水' },
      repeatMinutes: 30,
      createdAt: at,
      createdBy: 'duty',
      updatedAt: at,
      updatedBy: 'duty',
      ...fields,
    };
    await es.index({ index: ALERT_RULES_INDEX_NAME, id, document: rule, refresh: true });
  }

  /** Posts a mention; one author per test keeps its items on one partition, in order. */
  async function post(author: string, text: string): Promise<string> {
    const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify({ sourceId: randomUUID(), platform: 'weibo', author: { id: author, name: '告警测试' }, text, publishedAt: new Date().toISOString() }),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }

  async function alertsOf(ruleId: string): Promise<Alert[]> {
    const response = await es.search<Alert>({ index: ALERTS_INDEX_NAME, query: { term: { ruleId } }, sort: [{ cursor: 'asc' }], size: 100 });
    return response.hits.hits.map((hit) => hit._source!);
  }

  const alertWith = (ruleId: string, check: (alerts: Alert[]) => boolean, what: string) =>
    eventually(async () => {
      const alerts = await alertsOf(ruleId);
      return check(alerts) ? alerts : undefined;
    }, 60_000, what);

  const eventsOf = (ruleId: string) => events.where((e) => e.alert.ruleId === ruleId).map((m) => m.value);

  /**
   * Waits until the evaluator of this author's partition holds every rule saved so far: a rule
   * applies to items evaluated after it was loaded. A sentinel rule saved last is in force once
   * an item matching only it raises an alert, and the rules are read in one search.
   */
  async function rulesInForce(author: string): Promise<void> {
    const sentinelId = `rule-${randomUUID()}`;
    const word = marker();
    await saveRule(sentinelId, 1, { match: { keywords: word }, repeatMinutes: 0 });
    await eventually(async () => {
      if ((await alertsOf(sentinelId)).length > 0) return true;
      await post(author, `${word}哨兵`);
      return undefined;
    }, 60_000, 'the rules in force');
  }

  it('raises an alert for a matching item, announced as new after the index has it, with the trigger offset as cursor', async () => {
    const ruleId = `rule-${randomUUID()}`;
    const word = marker();
    await saveRule(ruleId, 1, { match: { keywords: `${word} AND 停水` } });
    const author = `a-${randomUUID()}`;
    await rulesInForce(author);
    const itemId = await post(author, `网传明天${word}片区全部停水，紧急扩散！`);

    const [alert] = await alertWith(ruleId, (alerts) => alerts.length === 1, 'the alert in the index');
    expect(alert).toMatchObject({ ruleVersion: 1, groupKey: `rule:${ruleId}`, state: 'new', count: 1, severity: 'high' });
    expect(alert.items.map((i) => i.id)).toEqual([itemId]);
    expect(alert.reasons).toEqual(expect.arrayContaining([word, '停水']));

    const trigger = await eventually(async () => triggers.where((t) => t.item.id === itemId && t.ruleId === ruleId)[0], 30_000, 'the trigger');
    expect(trigger.key).toBe(`rule:${ruleId}`);
    expect(alert.cursor).toBe(trigger.offset);
    expect(alert.id).toBe(`alert-${trigger.offset}`);

    const [event] = await eventually(async () => (eventsOf(ruleId).length > 0 ? eventsOf(ruleId) : undefined), 30_000, 'the new event');
    expect(event.event).toBe('new');
    expect(event.alert).toEqual(alert);
  });

  it('raises nothing for an item that does not match, and counts a second match within the repeat interval into the open alert', async () => {
    const ruleId = `rule-${randomUUID()}`;
    const word = marker();
    await saveRule(ruleId, 1, { match: { keywords: `${word} AND 停水` }, repeatMinutes: 30 });
    const author = `a-${randomUUID()}`;
    await rulesInForce(author);
    const first = await post(author, `${word}小区明天停水吗？`);
    await alertWith(ruleId, (alerts) => alerts.length === 1, 'the first alert');

    // Same author, so the same partition: once the later match is counted, the earlier non-match was judged.
    const unmatched = await post(author, `${word}小区今天天气很好`);
    const second = await post(author, `${word}小区停水三天是真的吗`);
    const [alert] = await alertWith(ruleId, (alerts) => alerts[0]?.count === 2, 'the second match counted in');
    expect((await alertsOf(ruleId)).length).toBe(1);
    expect(alert.items.map((i) => i.id)).toEqual([second, first]);
    expect(alert.items.map((i) => i.id)).not.toContain(unmatched);
    expect(triggers.where((t) => t.item.id === unmatched && t.ruleId === ruleId)).toEqual([]);

    const seen = await eventually(async () => (eventsOf(ruleId).length === 2 ? eventsOf(ruleId) : undefined), 30_000, 'two events');
    expect(seen.map((e) => [e.event, e.alert.count])).toEqual([
      ['new', 1],
      ['updated', 2],
    ]);
    expect(seen[1].alert.cursor).toBe(seen[0].alert.cursor);
  });

  it('picks up a changed rule and a disabled one without a restart', async () => {
    const ruleId = `rule-${randomUUID()}`;
    const before = marker();
    const after = marker();
    const author = `a-${randomUUID()}`;
    await saveRule(ruleId, 1, { match: { keywords: before }, repeatMinutes: 0 });
    await rulesInForce(author);
    await post(author, `${before}第一版`);
    await alertWith(ruleId, (alerts) => alerts.length === 1, 'an alert of version 1');

    await saveRule(ruleId, 2, { match: { keywords: after }, repeatMinutes: 0 });
    await rulesInForce(author);
    await post(author, `${before}旧关键词`);
    await post(author, `${after}第二版`);
    const alerts = await alertWith(ruleId, (found) => found.length === 2, 'an alert of version 2');
    expect(alerts.map((a) => [a.ruleVersion, a.items[0].text])).toEqual([
      [1, `${before}第一版`],
      [2, `${after}第二版`],
    ]);

    await saveRule(ruleId, 3, { match: { keywords: after }, repeatMinutes: 0, enabled: false });
    await rulesInForce(author);
    await post(author, `${after}已停用`);
    // The next sentinel item on the same partition shows the stream has passed the one before.
    await rulesInForce(author);
    expect((await alertsOf(ruleId)).length).toBe(2);
  });

  it('never overwrites a state move made meanwhile when it groups a match into the alert', async () => {
    const ruleId = `rule-${randomUUID()}`;
    const word = marker();
    await saveRule(ruleId, 1, { match: { keywords: word }, repeatMinutes: 30 });
    const author = `a-${randomUUID()}`;
    await rulesInForce(author);
    await post(author, `${word}第一条`);
    const [raised] = await alertWith(ruleId, (alerts) => alerts.length === 1, 'the alert');
    // What the API does on an ack, while the recorder still holds the alert as it wrote it.
    const acknowledged: Alert = { ...raised, state: 'acknowledged', timeline: [...raised.timeline, { at: new Date().toISOString(), type: 'acknowledged', by: 'duty' }] };
    await es.index({ index: ALERTS_INDEX_NAME, id: raised.id, document: acknowledged, refresh: true });

    await post(author, `${word}第二条`);
    const [alert] = await alertWith(ruleId, (alerts) => alerts[0]?.count === 2, 'the second match counted in');
    expect(alert.state).toBe('acknowledged');
    expect(alert.timeline.map((t) => t.type)).toEqual(['raised', 'acknowledged']);
  });

  it('dead-letters unreadable messages of both alert stages with the reason', async () => {
    const kafka = new KafkaPort(system.settings.KAFKA_BROKERS, 'alert-test', createLogger('test', 'silent'));
    const key = `alert-dlq-${randomUUID()}`;
    try {
      const letters = collectDeadLetters(system.settings.KAFKA_BROKERS, key, 3);
      await kafka.sendRaw(alertTriggersTopic.name, [{ key, value: JSON.stringify({ ruleId: 'x' }) }]);
      await kafka.sendRaw(itemsEnrichedTopic.name, [{ key, value: '{"id": ' }]);
      const byStage = Object.fromEntries((await letters).map((l) => [l.stage, l]));
      expect(Object.keys(byStage).sort()).toEqual(['alert-evaluator', 'alert-recorder', 'indexer']);
      expect(byStage['alert-recorder'].reason).toMatch(/^schema: .*groupKey/);
      expect(byStage['alert-recorder'].sourceTopic).toBe(alertTriggersTopic.name);
      expect(byStage['alert-evaluator'].reason).toMatch(/^invalid JSON/);
    } finally {
      await kafka.disconnect();
    }
  });

  it('loses no trigger and counts none twice across a restart of the recorder, even when triggers are read again', async () => {
    const ruleId = `rule-${randomUUID()}`;
    const word = marker();
    await saveRule(ruleId, 1, { match: { keywords: word } });
    const author = `a-${randomUUID()}`;
    await rulesInForce(author);
    await post(author, `${word}第一条`);
    const [first] = await alertWith(ruleId, (alerts) => alerts.length === 1, 'the first alert');

    await stream!.stop();
    stream = undefined;
    // While the stream is down, two more matches wait on the topics.
    await post(author, `${word}第二条`);
    await post(author, `${word}第三条`);
    // Rewind the recorder to the first trigger, as after a crash before its commit.
    const admin = new Kafka({ brokers: system.settings.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId: ALERT_RECORDER_GROUP, topic: alertTriggersTopic.name, partitions: [{ partition: 0, offset: String(first.cursor) }] });
    } finally {
      await admin.disconnect();
    }
    await startOwnStream();

    const [alert] = await alertWith(ruleId, (alerts) => alerts[0]?.count === 3, 'the two waiting matches counted in');
    expect(alert.id).toBe(first.id);
    // Let the rewound triggers pass once more before counting.
    await new Promise((r) => setTimeout(r, 3_000));
    const alerts = await alertsOf(ruleId);
    expect(alerts.map((a) => a.count)).toEqual([3]);
    expect(alerts[0].items.map((i) => i.text.slice(-3))).toEqual(['第三条', '第二条', '第一条']);
    expect(Math.max(...eventsOf(ruleId).map((e) => e.alert.count))).toBe(3);
  });
});
