import type { Message } from 'kafkajs';

const sizeOf = (m: Message) =>
  (typeof m.value === 'string' ? Buffer.byteLength(m.value) : (m.value?.length ?? 0)) +
  (typeof m.key === 'string' ? Buffer.byteLength(m.key) : (m.key?.length ?? 0));

/** Splits messages, in order, into runs whose keys and values add up to at most maxBytes (one oversized message stands alone). */
export function chunkBySize(messages: Message[], maxBytes: number): Message[][] {
  const chunks: Message[][] = [];
  let current: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = sizeOf(message);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
