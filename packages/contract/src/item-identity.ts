import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { ItemKind, RawItem } from './item';
import type { ItemIntake, LegacyIntake } from './item-intake';

// R-ING-4: the identity rule, the one place an item's id is made (intake, import, simulator).
// docs/ARCHITECTURE.md "Item identity" says why it is this rule.

/** What the identity of an item depends on. */
export interface ItemIdentityInput {
  kind: ItemKind;
  platform: string;
  sourceId?: string;
  author: { id: string };
  text: string;
  publishedAt: string;
}

/** sha-256 of the text, as hex, cut to `length` characters. Pure JS: the dashboard loads the contract too. */
export function shortDigest(text: string, length = 24): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, length);
}

/** Text as it counts for identity: compatibility forms folded (full-width → half-width), invisible characters gone, whitespace runs as one space. */
export function identityText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The calendar day in Asia/Shanghai (UTC+8, no daylight saving) of a time, as YYYY-MM-DD. */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * The stable id of an item.
 * - With the source's own id: `platform:sourceId` for mentions (as ids always were), and
 *   `platform:kind:sourceId` for comments and reports, whose ids live in other number spaces.
 * - Without one: a hash of kind, platform, author id, the identity text and the Shanghai day it
 *   was published, so a re-send is the same item, the same words by another author are not, and
 *   the same author's weekly reminder is a new item each week.
 */
export function itemIdFor(input: ItemIdentityInput): string {
  if (input.sourceId) return input.kind === 'mention' ? `${input.platform}:${input.sourceId}` : `${input.platform}:${input.kind}:${input.sourceId}`;
  const key = [input.kind, input.platform, input.author.id, identityText(input.text), shanghaiDay(input.publishedAt)].join('\n');
  return `${input.platform}:h${shortDigest(key)}`;
}

/**
 * A validated item as it goes onto its kind's raw topic: id by the identity rule, receipt time,
 * thread key (the thread's or, failing that, the author's), the payload kept as evidence.
 */
export function rawItemFor(input: ItemIntake | LegacyIntake, raw: unknown, receivedAt = new Date()): RawItem {
  const item: RawItem = {
    id: itemIdFor(input),
    kind: input.kind,
    platform: input.platform,
    author: input.author,
    text: input.text,
    url: input.url,
    publishedAt: input.publishedAt,
    receivedAt: receivedAt.toISOString(),
    threadId: input.threadId ?? defaultThreadId(input),
    region: input.region,
    raw,
  };
  if ('post' in input && input.kind === 'comment') item.comment = { account: input.account, post: input.post, inReplyTo: input.inReplyTo };
  if ('reportedAccount' in input) item.impostorReport = { reportedAccount: input.reportedAccount, reporter: input.reporter, evidenceUrls: input.evidenceUrls };
  return item;
}

// One comment thread (a post) and one reported account keep their order; otherwise one author's items.
function defaultThreadId(input: ItemIntake | LegacyIntake): string {
  if ('post' in input && input.kind === 'comment') return `${input.platform}:post:${input.post.id}`;
  if ('reportedAccount' in input) return `${input.reportedAccount.platform}:account:${input.reportedAccount.handle ?? input.reportedAccount.url}`;
  return `${input.platform}:${input.author.id}`;
}
