import { alertsTopic, alertTriggerSchema, alertTriggersTopic } from '@liaowang/contract';
import { parseMessage, type ConsumedMessage, type ElasticsearchClient, type KafkaPort, type Logger, type Metrics } from '@liaowang/platform';
import { AlertRecorder, type OffsetTrigger } from './alert-recorder';
import { AlertRepository } from './alert.repository';

export const ALERT_RECORDER_GROUP = 'liaowang-alert-recorder';

export class RetryableRecordError extends Error {}

/**
 * Triggers topic (one partition: one active recorder, one order) → alerts index → alerts topic.
 * An event is published only after the index took the alert, and the batch is committed after
 * that; a trigger read again (offset ≤ the alert's lastTriggerOffset) is not counted twice.
 */
export async function startAlertRecorderStage(kafka: KafkaPort, es: ElasticsearchClient, logger: Logger, metrics?: Metrics) {
  const recorder = new AlertRecorder(new AlertRepository(es));
  return kafka.consume({
    stage: 'alert-recorder',
    groupId: ALERT_RECORDER_GROUP,
    topic: alertTriggersTopic,
    handle: async (messages, context) => {
      const triggers: OffsetTrigger<ConsumedMessage>[] = [];
      for (const message of messages) {
        const parsed = parseMessage(message, alertTriggerSchema);
        if (parsed.ok) triggers.push({ trigger: parsed.value, offset: Number(message.offset), source: message });
        else await kafka.deadLetter('alert-recorder', context, message, parsed.reason);
      }
      const outcome = await recorder.record(triggers, new Date());
      // Even when part of the batch must be retried, what was written is announced now: on the
      // retry those triggers are duplicates and would announce nothing.
      await kafka.send(alertsTopic, outcome.events.map((event) => ({ key: event.alert.id, value: event })));
      for (const r of outcome.refused) await kafka.deadLetter('alert-recorder', context, r.source, r.reason);
      for (const [name, count] of Object.entries(outcome.counts)) metrics?.alertOutcomes.inc({ stage: 'alert-recorder', outcome: name }, count);
      logger.debug({ ...outcome.counts, events: outcome.events.length }, 'batch');
      if (outcome.retry) throw new RetryableRecordError(outcome.retry);
    },
  });
}
