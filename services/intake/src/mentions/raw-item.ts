import type { RawItem, ValidMentionIntake } from '@liaowang/contract';
import { itemIdFor } from './item-id';

/** A validated intake record as it goes onto the raw topic, with the payload kept as evidence. */
export function toRawItem(input: ValidMentionIntake, raw: unknown, receivedAt = new Date()): RawItem {
  return {
    id: itemIdFor(input),
    kind: input.kind,
    platform: input.platform,
    author: input.author,
    text: input.text,
    url: input.url,
    publishedAt: input.publishedAt,
    receivedAt: receivedAt.toISOString(),
    threadId: input.threadId ?? `${input.platform}:${input.author.id}`,
    region: input.region,
    raw,
  };
}
