import { z, type ZodError } from 'zod';
import {
  authorSchema,
  commentContextSchema,
  impostorReportContextSchema,
  ITEM_KINDS,
  mentionIntakeSchema,
  type ItemKind,
} from './item';
import { fastSafeParse } from './fast-parse';
import { shortDigest } from './item-identity';
import { cleanString, httpUrl, publishedAtSchema } from './item-text';

// R-ING-1: one versioned schema per kind of item, as connectors, the HTTP push endpoint and the
// bulk import hand them to intake. Version 1 of each; a payload may name it in `schemaVersion`.
// A later version gets a schema of its own beside this one, so stored evidence stays readable.

/** The fields every kind shares. `receivedAt`, the id and the raw payload are added by intake. */
const commonFields = {
  schemaVersion: z.literal(1).optional(),
  /** The source's own id (Weibo mid, comment id, report number): with it, re-polls dedupe (R-ING-4). */
  sourceId: cleanString(200).optional(),
  platform: cleanString(50),
  author: authorSchema,
  text: cleanString(20_000),
  url: httpUrl.optional(),
  publishedAt: publishedAtSchema,
  /** Thread or account the item belongs to: its Kafka key, so one thread stays ordered. */
  threadId: cleanString(200).optional(),
  region: cleanString(50).optional(),
};

/** A public post or article that names the organisation or its topics. */
export const mentionIntakeV1Schema = z.object({ ...commonFields, kind: z.literal('mention').default('mention') });

/** A comment on one of the organisation's own accounts (seed 002 §3(2): comments are answered). */
export const commentIntakeV1Schema = z.object({
  ...commonFields,
  kind: z.literal('comment').default('comment'),
  ...commentContextSchema.shape,
});

/**
 * A report that an account impersonates one of the organisation's (003 Art. 26). `text` is what
 * the reporter saw. The author may be left out: it is then the reporter, or 匿名举报人 when the
 * report is anonymous; the platform defaults to the reported account's, the time to now.
 */
export const impostorReportIntakeV1Schema = z
  .object({
    ...commonFields,
    kind: z.literal('impostor_report').default('impostor_report'),
    platform: commonFields.platform.optional(),
    author: authorSchema.optional(),
    publishedAt: publishedAtSchema.optional(),
    ...impostorReportContextSchema.shape,
    evidenceUrls: impostorReportContextSchema.shape.evidenceUrls.default([]),
  })
  .transform(({ platform, author, publishedAt, ...report }) => ({
    ...report,
    platform: platform ?? report.reportedAccount.platform,
    author: author ?? reporterAsAuthor(report.reporter),
    publishedAt: publishedAt ?? new Date().toISOString(),
  }));

export const ANONYMOUS_REPORTER = { id: 'anonymous', name: '匿名举报人' } as const;

/** The author of a report: the reporter by name, a digest of the contact, or 匿名举报人. */
export function reporterAsAuthor(reporter: { name?: string; contact?: string } | undefined) {
  if (!reporter?.name && !reporter?.contact) return { ...ANONYMOUS_REPORTER };
  const name = reporter.name ?? ANONYMOUS_REPORTER.name;
  // The contact is personal data: only its digest goes into the (unmasked) author id.
  return { id: `reporter:${shortDigest(reporter.contact ?? name, 16)}`, name };
}

/** The intake schema of each kind, with its version. */
export const ITEM_INTAKE_SCHEMAS = {
  mention: { version: 1, schema: mentionIntakeV1Schema },
  comment: { version: 1, schema: commentIntakeV1Schema },
  impostor_report: { version: 1, schema: impostorReportIntakeV1Schema },
} as const;

// Each kind's safeParse with the fast path for valid payloads (bulk import, batch pushes): the
// same items and, for anything refused, zod's own issues (see fast-parse.ts).
const INTAKE_PARSERS = {
  mention: fastSafeParse(mentionIntakeV1Schema),
  comment: fastSafeParse(commentIntakeV1Schema),
  impostor_report: fastSafeParse(impostorReportIntakeV1Schema),
};

export type MentionIntakeV1 = z.output<typeof mentionIntakeV1Schema>;
export type CommentIntakeV1 = z.output<typeof commentIntakeV1Schema>;
export type ImpostorReportIntakeV1 = z.output<typeof impostorReportIntakeV1Schema>;
/** A validated item of any kind, before intake gives it an id and a receipt time. */
export type ItemIntake = MentionIntakeV1 | CommentIntakeV1 | ImpostorReportIntakeV1;
export type ItemIntakeOf<K extends ItemKind> = Extract<ItemIntake, { kind: K }>;

export interface FieldError {
  /** Dotted path of the failing field (`author.name`, `evidenceUrls.2`), or `body` for the whole. */
  field: string;
  message: string;
}

export type ItemValidation<T = ItemIntake> = { ok: true; item: T } | { ok: false; errors: FieldError[] };

export function fieldErrors(error: ZodError, where = 'body'): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.length > 0 ? issue.path.join('.') : where, message: issue.message }));
}

/**
 * Validates a payload of the given kind: the item, cleaned and with defaults, or the failing
 * fields by name. A `kind` in the payload must agree with the kind asked for.
 */
export function validateItemIntake<K extends ItemKind>(kind: K, payload: unknown): ItemValidation<ItemIntakeOf<K>> {
  if (!(ITEM_KINDS as readonly string[]).includes(kind)) return { ok: false, errors: [{ field: 'kind', message: `unknown kind ${String(kind)}` }] };
  const result = (INTAKE_PARSERS[kind] as (data: unknown) => z.SafeParseReturnType<unknown, ItemIntakeOf<K>>)(payload);
  return result.success ? { ok: true, item: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

/**
 * The payload of the first push endpoint (`POST /intake/mentions`, `kind` optional): validated as
 * before, so existing senders keep working; a kind's own schema is used by its own endpoint.
 */
export function validateLegacyIntake(payload: unknown): ItemValidation<LegacyIntake> {
  const result = mentionIntakeSchema.safeParse(payload);
  return result.success ? { ok: true, item: result.data } : { ok: false, errors: fieldErrors(result.error) };
}
export type LegacyIntake = z.output<typeof mentionIntakeSchema>;

/** Most items one batch push may carry (the body stays under the 1 MB limit). */
export const MAX_INTAKE_BATCH = 500;

/** `POST /intake/batch`: items of one kind, each validated on its own by that kind's schema. */
export const itemBatchIntakeSchema = z.object({
  kind: z.enum(ITEM_KINDS),
  items: z.array(z.unknown()).min(1).max(MAX_INTAKE_BATCH),
});

/** One answer per item of a batch, in its order: the id (and whether it was a duplicate), or why it was refused. */
export type ItemBatchResult = { id: string; duplicate: boolean } | { errors: FieldError[] };
export interface ItemBatchAccepted {
  accepted: number;
  duplicate: number;
  rejected: number;
  results: ItemBatchResult[];
}
