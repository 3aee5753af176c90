import { z } from 'zod';

// R-ING-1: the three kinds of item.
export const ITEM_KINDS = ['comment', 'mention', 'impostor_report'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const authorSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
});

/** What a connector or the HTTP push endpoint hands to intake (R-ING-1). */
export const mentionIntakeSchema = z.object({
  /** The source's own id (e.g. a Weibo mid). With it, re-polls of the same post dedupe (R-ING-4). */
  sourceId: z.string().min(1).max(200).optional(),
  kind: z.enum(ITEM_KINDS).default('mention'),
  platform: z.string().min(1).max(50),
  author: authorSchema,
  text: z.string().min(1).max(20_000),
  url: z.string().url().max(2_000).optional(),
  publishedAt: z.string().datetime({ offset: true }),
  /** Thread or account the item belongs to: the Kafka key, so one thread stays ordered. */
  threadId: z.string().min(1).max(200).optional(),
  region: z.string().max(50).optional(),
});
export type MentionIntake = z.input<typeof mentionIntakeSchema>;
/** An intake record after validation: defaults applied. */
export type ValidMentionIntake = z.output<typeof mentionIntakeSchema>;

/** An accepted item as it travels on the raw topic. */
export const rawItemSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(ITEM_KINDS),
  platform: z.string().min(1),
  author: authorSchema,
  text: z.string(),
  url: z.string().optional(),
  publishedAt: z.string().datetime({ offset: true }),
  receivedAt: z.string().datetime({ offset: true }),
  threadId: z.string().min(1),
  region: z.string().optional(),
  /** The payload exactly as received, kept as evidence (R-ING-1). */
  raw: z.unknown(),
});
export type RawItem = z.infer<typeof rawItemSchema>;
