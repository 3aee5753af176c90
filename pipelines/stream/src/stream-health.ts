import {
  assessConsumerLiveness,
  isElasticsearchReady,
  type ConsumerHealth,
  type ConsumerLiveness,
  type ElasticsearchClient,
  type KafkaPort,
} from '@liaowang/platform';

// A probe that takes longer than this answers "no": orchestrators give up after a few seconds.
const PROBE_TIMEOUT_MS = 3_000;

export interface LivenessReport {
  live: boolean;
  consumers: ConsumerLiveness[];
}

export interface ReadinessReport {
  ready: boolean;
  checks: { kafka: boolean; elasticsearch: boolean; consumersJoined: boolean };
  /** Groups whose consumer is not (or not yet) a member with its partitions. */
  notJoined: string[];
}

/** Liveness of the process: every consumer's loop turns (see assessConsumerLiveness). */
export function livenessOf(consumers: readonly ConsumerHealth[], now: number): LivenessReport {
  const assessed = consumers.map((c) => assessConsumerLiveness(c, now));
  return { live: assessed.every((c) => c.live), consumers: assessed };
}

/** Readiness: Kafka and Elasticsearch answer, and every consumer has joined its group. */
export function readinessOf(consumers: readonly ConsumerHealth[], kafka: boolean, elasticsearch: boolean): ReadinessReport {
  const notJoined = consumers.filter((c) => !c.joined).map((c) => c.groupId);
  const checks = { kafka, elasticsearch, consumersJoined: notJoined.length === 0 };
  return { ready: Object.values(checks).every(Boolean), checks, notJoined };
}

/** What the stream process's /health/live and /health/ready answer (R-REL-1, R-OPS-4). */
export interface StreamHealth {
  live(): LivenessReport;
  ready(): Promise<ReadinessReport>;
}

/** `es` is absent for a process whose stages never touch Elasticsearch (the enricher): its readiness does not hang on it. */
export function streamHealth(kafka: KafkaPort, es: ElasticsearchClient | undefined): StreamHealth {
  return {
    live: () => livenessOf(kafka.consumerHealth(), Date.now()),
    ready: async () => {
      const [kafkaUp, esUp] = await Promise.all([
        withinTime(kafka.isReachable(), PROBE_TIMEOUT_MS),
        es ? withinTime(isElasticsearchReady(es), PROBE_TIMEOUT_MS) : Promise.resolve(true),
      ]);
      return readinessOf(kafka.consumerHealth(), kafkaUp, esUp);
    },
  };
}

function withinTime(probe: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([probe.catch(() => false), timeout]).finally(() => clearTimeout(timer));
}
