/** Messages a group has yet to commit on one partition. */
export interface ConsumerLag {
  groupId: string;
  topic: string;
  partition: number;
  lag: number;
}

/** One partition's offsets as the admin API answers them (strings; -1 = nothing committed). */
export interface PartitionOffsets {
  partition: number;
  /** Offset of the next message to be written (the high watermark). */
  high: string;
  /** Oldest offset still retained. */
  low: string;
}

/**
 * Lag of a group on each partition of a topic: high watermark minus the committed offset (which is
 * the next offset to read). A partition with nothing committed yet starts from the oldest retained
 * message when the group reads from the beginning (everything retained is lag), else from the end
 * (no lag). A committed offset below the oldest retained one counts from there: the rest is gone.
 */
export function partitionLags(
  groupId: string,
  topic: string,
  offsets: readonly PartitionOffsets[],
  committed: readonly { partition: number; offset: string }[],
  fromBeginning: boolean,
): ConsumerLag[] {
  const committedOf = new Map(committed.map((c) => [c.partition, BigInt(c.offset)]));
  return offsets
    .map(({ partition, high, low }) => {
      const end = BigInt(high);
      const start = BigInt(low);
      const at = committedOf.get(partition) ?? -1n;
      const from = at < 0n ? (fromBeginning ? start : end) : at < start ? start : at;
      const lag = end > from ? Number(end - from) : 0;
      return { groupId, topic, partition, lag };
    })
    .sort((a, b) => a.partition - b.partition);
}
