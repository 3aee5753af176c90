import { KafkaJSBrokerNotFound, KafkaJSConnectionError, KafkaJSRequestTimeoutError } from 'kafkajs';

/**
 * Whether a kafkajs failure says the brokers cannot be reached (down, starting, unreachable).
 * kafkajs wraps it in "number of retries exceeded"; callers walk `cause` (until-reachable.ts).
 * The port keeps kafkajs' error types to itself.
 */
export function isKafkaUnavailable(error: unknown): boolean {
  return error instanceof KafkaJSConnectionError || error instanceof KafkaJSRequestTimeoutError || error instanceof KafkaJSBrokerNotFound;
}
