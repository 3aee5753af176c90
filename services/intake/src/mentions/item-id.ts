import { createHash } from 'node:crypto';
import type { MentionIntake } from '@liaowang/contract';

type IdInput = Pick<MentionIntake, 'sourceId' | 'platform' | 'kind' | 'text'>;

/**
 * The stable id that makes intake idempotent (R-ING-4): the source's own id when it has one
 * (re-polls), otherwise a hash of the text with whitespace folded (identical reposts).
 */
export function itemIdFor(input: IdInput): string {
  if (input.sourceId) return `${input.platform}:${input.sourceId}`;
  const folded = input.text.replace(/[\s\u200b-\u200d\ufeff]+/g, ' ').trim();
  const digest = createHash('sha1').update(`${input.kind ?? 'mention'}\n${input.platform}\n${folded}`).digest('hex');
  return `${input.platform}:h${digest.slice(0, 24)}`;
}
