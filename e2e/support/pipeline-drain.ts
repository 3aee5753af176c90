import { ALERT_EVALUATOR_GROUP, ALERT_RECORDER_GROUP, ENRICHER_GROUP, INDEXER_GROUP, STORIES_GROUP } from '@liaowang/stream';
import { Kafka, logLevel } from 'kafkajs';

const PIPELINE_GROUPS = [ENRICHER_GROUP, INDEXER_GROUP, ALERT_EVALUATOR_GROUP, ALERT_RECORDER_GROUP, STORIES_GROUP];

/** What each pipeline group has not committed yet, summed over its topics' partitions. */
async function pipelineLag(brokers: string[]): Promise<Record<string, number>> {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const lag: Record<string, number> = {};
    for (const groupId of PIPELINE_GROUPS) {
      lag[groupId] = 0;
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        const ends = await admin.fetchTopicOffsets(topic);
        // A partition with nothing committed (-1) is one the group has not read from yet: a group that
        // starts at the end never reads what came before it, so that is no backlog.
        for (const p of partitions.filter((p) => Number(p.offset) >= 0)) {
          lag[groupId] += Math.max(0, Number(ends.find((e) => e.partition === p.partition)?.high ?? 0) - Number(p.offset));
        }
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the running stages have worked off everything on their topics. A suite that puts
 * tens of thousands of items through calls it before it stops them: otherwise the backlog
 * (alerts of other suites' rules on those items) lands on the suites that run next, whose
 * few items then wait behind it.
 */
export async function untilPipelineDrained(brokers: string[], timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lag = await pipelineLag(brokers);
    if (Object.values(lag).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`the pipeline still has a backlog after ${timeoutMs} ms: ${JSON.stringify(lag)}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
