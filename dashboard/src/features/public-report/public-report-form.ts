import type { PublicReport } from '@liaowang/contract';

/** What the visitor typed, as the form holds it. */
export interface ReportForm {
  kind: 'rumor' | 'impostor';
  text: string;
  platform: string;
  url: string;
  accountPlatform: string;
  accountName: string;
  accountHandle: string;
  followerCount: string;
  evidence: string;
  name: string;
  contact: string;
  /** Honeypot: hidden from people, so only a bot fills it in. */
  website: string;
}

export const EMPTY_REPORT_FORM: ReportForm = {
  kind: 'rumor',
  text: '',
  platform: '',
  url: '',
  accountPlatform: '',
  accountName: '',
  accountHandle: '',
  followerCount: '',
  evidence: '',
  name: '',
  contact: '',
  website: '',
};

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The form fields still empty that this kind of report needs, by form field name. */
export function missingFields(form: ReportForm): (keyof ReportForm)[] {
  const required: (keyof ReportForm)[] = form.kind === 'rumor' ? ['text'] : ['text', 'accountPlatform', 'accountName', 'accountHandle'];
  return required.filter((field) => !form[field].trim());
}

/** The request body of POST /api/v1/public/reports. An account given as a link goes in `url`, else in `handle`. */
export function reportBody(form: ReportForm): PublicReport | Record<string, unknown> {
  const reporter = optional(form.name) || optional(form.contact) ? { name: optional(form.name), contact: optional(form.contact) } : undefined;
  const evidenceUrls = form.evidence
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const common = { text: form.text.trim(), reporter, evidenceUrls, ...(form.website ? { website: form.website } : {}) };
  if (form.kind === 'rumor') return { kind: 'rumor', ...common, platform: optional(form.platform), url: optional(form.url) };
  const handle = form.accountHandle.trim();
  const isLink = /^https?:\/\//i.test(handle);
  return {
    kind: 'impostor',
    ...common,
    reportedAccount: {
      platform: form.accountPlatform.trim(),
      displayName: form.accountName.trim(),
      ...(isLink ? { url: handle } : { handle }),
      ...(form.followerCount.trim() ? { followerCount: Number(form.followerCount) } : {}),
    },
  };
}
