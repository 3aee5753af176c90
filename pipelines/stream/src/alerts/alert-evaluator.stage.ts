import { alertTriggersTopic, enrichedItemSchema, itemsEnrichedTopic, spikeSchema, spikesTopic, type EnrichedItem, type Spike } from '@liaowang/contract';
import { parseMessage, type KafkaPort, type Logger, type Metrics } from '@liaowang/platform';
import { evaluateItems } from './evaluate-items';
import { evaluateSpikes } from './evaluate-spikes';
import type { RuleBook } from './rule-book';

export const ALERT_EVALUATOR_GROUP = 'liaowang-alert-evaluator';
export const SPIKE_EVALUATOR_GROUP = 'liaowang-alert-evaluator-spikes';

/**
 * Enriched topic → every enabled rule, in process → triggers topic (keyed by group). The batch
 * is committed only after its triggers were produced, so a crash re-evaluates rather than loses.
 */
export async function startAlertEvaluatorStage(kafka: KafkaPort, ruleBook: RuleBook, logger: Logger, metrics?: Metrics) {
  await startSpikeEvaluator(kafka, ruleBook, logger, metrics);
  return kafka.consume({
    stage: 'alert-evaluator',
    groupId: ALERT_EVALUATOR_GROUP,
    topic: itemsEnrichedTopic,
    handle: async (messages, context) => {
      // Throws until the rules were read once: the batch waits instead of passing unjudged.
      const rules = ruleBook.rules();
      const items: EnrichedItem[] = [];
      for (const message of messages) {
        const parsed = parseMessage(message, enrichedItemSchema);
        if (parsed.ok) items.push(parsed.value);
        else await kafka.deadLetter('alert-evaluator', context, message, parsed.reason);
      }
      const triggers = evaluateItems(items, rules, new Date());
      await kafka.send(alertTriggersTopic, triggers.map((trigger) => ({ key: trigger.groupKey, value: trigger })));
      metrics?.alertOutcomes.inc({ stage: 'alert-evaluator', outcome: 'triggered' }, triggers.length);
      logger.debug({ partition: context.partition, items: items.length, rules: rules.length, triggers: triggers.length }, 'batch');
    },
  });
}

/** Spikes topic → the spike rules → triggers topic, the same way as items (issue 10 part 2). */
async function startSpikeEvaluator(kafka: KafkaPort, ruleBook: RuleBook, logger: Logger, metrics?: Metrics) {
  return kafka.consume({
    stage: 'alert-evaluator',
    groupId: SPIKE_EVALUATOR_GROUP,
    topic: spikesTopic,
    handle: async (messages, context) => {
      const rules = ruleBook.rules();
      const spikes: Spike[] = [];
      for (const message of messages) {
        const parsed = parseMessage(message, spikeSchema);
        if (parsed.ok) spikes.push(parsed.value);
        else await kafka.deadLetter('alert-evaluator', context, message, parsed.reason);
      }
      const triggers = evaluateSpikes(spikes, rules, new Date());
      await kafka.send(alertTriggersTopic, triggers.map((trigger) => ({ key: trigger.groupKey, value: trigger })));
      metrics?.alertOutcomes.inc({ stage: 'alert-evaluator', outcome: 'triggered' }, triggers.length);
      logger.debug({ spikes: spikes.length, triggers: triggers.length }, 'spike batch');
    },
  });
}
