/**
 * One consumed record as the port hands it to a stage. It is our own type, so no kafkajs type
 * leaves the port (kafkajs is in maintenance: a change of client stays in this folder). kafkajs's
 * records have these fields, so a batch is handed over as it is, without a copy.
 */
export interface ConsumedMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Offset in its partition, as a decimal string (offsets can pass 2^53). */
  readonly offset: string;
  /** Milliseconds since the epoch (the producer's or the broker's), as a decimal string. */
  readonly timestamp: string;
}
