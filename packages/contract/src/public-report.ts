import { z } from 'zod';
import { reportedAccountSchema } from './item';
import { cleanString, httpUrl } from './item-text';

// R-ING-2, 003 Art. 30/34: what anyone may file on the public report page /report, without
// signing in: a rumor they saw, or an account impersonating the organisation. Kept small: the
// page is open to everyone, so every field is bounded and contact details are optional.

const reporterSchema = z
  .object({ name: cleanString(50).optional(), contact: cleanString(100).optional() })
  .optional();

const common = {
  /** What they saw, in their words. */
  text: cleanString(2_000),
  reporter: reporterSchema,
  evidenceUrls: z.array(httpUrl).max(5).default([]),
  /** Honeypot: hidden on the page, so only a bot fills it in. */
  website: z.string().max(200).optional(),
};

export const publicReportSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rumor'),
    ...common,
    /** Where they saw it (a platform name), and the link if they have one. */
    platform: cleanString(50).optional(),
    url: httpUrl.optional(),
  }),
  z.object({ kind: z.literal('impostor'), ...common, reportedAccount: reportedAccountSchema }),
]);
export type PublicReport = z.output<typeof publicReportSchema>;

/** The answer to a filed report: the number the reporter keeps to refer to it. */
export interface PublicReportReceipt {
  receipt: string;
}

/** A filed public report of a rumor is a mention on this platform unless the reporter named one. */
export const PUBLIC_REPORT_PLATFORM = 'public-report';
