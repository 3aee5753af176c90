import { z } from 'zod';
import { cleanString, httpUrl, publishedAtSchema } from './item-text';

// R-ING-1: the three kinds of item.
export const ITEM_KINDS = ['comment', 'mention', 'impostor_report'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const authorSchema = z.object({
  id: cleanString(200),
  name: cleanString(200),
});

/** Where a comment was left: one of the organisation's own accounts, and the post on it. */
export const commentContextSchema = z.object({
  /** The own account the comment was left on. */
  account: z.object({ id: cleanString(200), name: cleanString(200) }),
  post: z.object({ id: cleanString(200), url: httpUrl.optional(), title: cleanString(500).optional() }),
  /** The source id of the comment this one answers, if it is a reply. */
  inReplyTo: cleanString(200).optional(),
});
export type CommentContext = z.infer<typeof commentContextSchema>;

/** The account a member of the public reports as impersonating one of the organisation's. */
export const reportedAccountSchema = z
  .object({
    platform: cleanString(50),
    displayName: cleanString(200),
    handle: cleanString(200).optional(),
    url: httpUrl.optional(),
    avatarUrl: httpUrl.optional(),
    bio: cleanString(2_000).optional(),
    followerCount: z.number().int().min(0).optional(),
  })
  .refine((account) => account.handle !== undefined || account.url !== undefined, {
    message: 'give the handle or the URL of the reported account',
    path: ['handle'],
  });

/** An impostor-account report: the account, who reported it (optional), what they saw, evidence. */
export const impostorReportContextSchema = z.object({
  reportedAccount: reportedAccountSchema,
  /** Optional: a report may be anonymous. Personal data, masked like any other (R-ENR-5). */
  reporter: z.object({ name: cleanString(200).optional(), contact: cleanString(200).optional() }).optional(),
  evidenceUrls: z.array(httpUrl).max(20),
});
export type ImpostorReportContext = z.infer<typeof impostorReportContextSchema>;

/**
 * What the HTTP push endpoint `POST /intake/mentions` took before there was a schema per kind
 * (R-ING-1): common fields and a `kind` that defaults to mention. Still accepted as it was.
 */
export const mentionIntakeSchema = z.object({
  /** The source's own id (e.g. a Weibo mid). With it, re-polls of the same post dedupe (R-ING-4). */
  sourceId: cleanString(200).optional(),
  kind: z.enum(ITEM_KINDS).default('mention'),
  platform: cleanString(50),
  author: authorSchema,
  text: cleanString(20_000),
  url: httpUrl.optional(),
  publishedAt: publishedAtSchema,
  /** Thread or account the item belongs to: the Kafka key, so one thread stays ordered. */
  threadId: cleanString(200).optional(),
  region: cleanString(50).optional(),
});
export type MentionIntake = z.input<typeof mentionIntakeSchema>;
/** An intake record after validation: defaults applied. */
export type ValidMentionIntake = z.output<typeof mentionIntakeSchema>;

/** An accepted item of any kind as it travels on its kind's raw topic. */
export const rawItemSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(ITEM_KINDS),
  platform: z.string().min(1),
  author: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  text: z.string(),
  url: z.string().optional(),
  publishedAt: z.string().datetime({ offset: true }),
  receivedAt: z.string().datetime({ offset: true }),
  threadId: z.string().min(1),
  region: z.string().optional(),
  /** Comments only (absent on comments pushed before there was a schema per kind). */
  comment: commentContextSchema.optional(),
  /** Impostor reports only (absent on reports pushed before there was a schema per kind). */
  impostorReport: impostorReportContextSchema.optional(),
  /** The payload exactly as received, kept as evidence (R-ING-1). */
  raw: z.unknown(),
});
export type RawItem = z.infer<typeof rawItemSchema>;
