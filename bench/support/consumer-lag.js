'use strict';
// Messages the given consumer groups have not yet committed, summed over every partition of their
// topics: what the benches wait on to know a stage has worked off its input.

/** groups: [[groupId, topic], …]; a partition a group never committed on counts from its low watermark. */
async function committedLag(admin, groups) {
  let total = 0;
  for (const [groupId, topic] of groups) {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const end of ends) {
      const c = committed?.partitions.find((p) => p.partition === end.partition);
      const at = c && Number(c.offset) >= 0 ? Number(c.offset) : Number(end.low);
      total += Math.max(0, Number(end.high) - at);
    }
  }
  return total;
}

module.exports = { committedLag };
