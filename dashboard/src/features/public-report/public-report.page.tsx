import type { PublicReportReceipt } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { filePublicReport } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { LanguageSwitch } from '../../i18n/language-switch';
import { EMPTY_REPORT_FORM, missingFields, reportBody, type ReportForm } from './public-report-form';
import './public-report.css';

/** Where the page lives: a path of its own, so it can be linked and printed without a hash. */
export const PUBLIC_REPORT_PATH = '/report';

// Server field paths → the form field a visitor can fix.
const FIELD_OF: Record<string, keyof ReportForm> = {
  text: 'text',
  url: 'url',
  platform: 'platform',
  'reportedAccount.platform': 'accountPlatform',
  'reportedAccount.displayName': 'accountName',
  'reportedAccount.handle': 'accountHandle',
  'reportedAccount.url': 'accountHandle',
  'reportedAccount.followerCount': 'followerCount',
  'reporter.name': 'name',
  'reporter.contact': 'contact',
};

type Failure = { kind: 'required' | 'invalid'; fields: (keyof ReportForm)[] } | { kind: 'tooMany'; seconds: number } | { kind: 'unavailable' } | { kind: 'network' };

/** The public report page (R-ING-2): anyone reports a rumor or an impostor account, no sign-in. */
export function PublicReportPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState<ReportForm>(EMPTY_REPORT_FORM);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [receipt, setReceipt] = useState<PublicReportReceipt | null>(null);
  const set = (field: keyof ReportForm) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  const label = (field: keyof ReportForm): string => t(FIELD_LABEL[field]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = missingFields(form);
    if (missing.length > 0) return setFailure({ kind: 'required', fields: missing });
    setPending(true);
    setFailure(null);
    try {
      setReceipt(await filePublicReport(reportBody(form)));
      setForm(EMPTY_REPORT_FORM);
    } catch (error) {
      setFailure(describe(error));
    } finally {
      setPending(false);
    }
  }

  const failureText = !failure
    ? null
    : failure.kind === 'required' || failure.kind === 'invalid'
      ? t(failure.kind === 'required' ? 'publicReport.errorRequired' : 'publicReport.errorInvalid', { fields: failure.fields.map(label).join('、') })
      : failure.kind === 'tooMany'
        ? t('publicReport.errorTooMany', { seconds: failure.seconds })
        : t(failure.kind === 'unavailable' ? 'publicReport.errorUnavailable' : 'publicReport.errorNetwork');

  return (
    <div className="report">
      <header className="report__header">
        <span className="brand-mark" aria-hidden="true">瞭</span>
        <h1 className="report__title">{t('publicReport.title')}</h1>
        <LanguageSwitch className="button button--ghost-dark report__lang" />
      </header>
      <main className="report__card">
        {receipt ? (
          <section className="report__done" role="status" data-testid="report-receipt" data-receipt={receipt.receipt}>
            <h2>{t('publicReport.received')}</h2>
            <p className="report__receipt">{t('publicReport.receipt', { receipt: receipt.receipt })}</p>
            <p>{t('publicReport.keep')}</p>
            <button className="button button--block" type="button" onClick={() => setReceipt(null)}>
              {t('publicReport.another')}
            </button>
          </section>
        ) : (
          <form className="report__form" onSubmit={onSubmit} noValidate>
            <p className="report__intro">{t('publicReport.intro')}</p>
            <fieldset className="report__kinds">
              <legend className="field__label">{t('publicReport.kind')}</legend>
              {(['rumor', 'impostor'] as const).map((kind) => (
                <label key={kind} className="report__kind">
                  <input type="radio" name="kind" value={kind} data-testid={`report-kind-${kind}`} checked={form.kind === kind} onChange={() => setForm({ ...form, kind })} />
                  {t(kind === 'rumor' ? 'publicReport.kindRumor' : 'publicReport.kindImpostor')}
                </label>
              ))}
            </fieldset>
            {form.kind === 'impostor' && (
              <>
                <Field label={label('accountPlatform')} value={form.accountPlatform} onChange={set('accountPlatform')} testId="report-account-platform" />
                <Field label={label('accountName')} value={form.accountName} onChange={set('accountName')} testId="report-account-name" />
                <Field label={label('accountHandle')} value={form.accountHandle} onChange={set('accountHandle')} testId="report-account-handle" />
                <Field label={label('followerCount')} value={form.followerCount} onChange={set('followerCount')} inputMode="numeric" />
              </>
            )}
            <label className="field">
              <span className="field__label">{label('text')}</span>
              <textarea className="field__input report__text" data-testid="report-text" maxLength={2000} rows={5} placeholder={t('publicReport.textHint')} value={form.text} onChange={set('text')} />
            </label>
            {form.kind === 'rumor' && (
              <>
                <Field label={label('platform')} value={form.platform} onChange={set('platform')} testId="report-platform" />
                <Field label={label('url')} value={form.url} onChange={set('url')} inputMode="url" />
              </>
            )}
            <label className="field">
              <span className="field__label">{t('publicReport.evidence')}</span>
              <textarea className="field__input" rows={2} value={form.evidence} onChange={set('evidence')} inputMode="url" />
            </label>
            <fieldset className="report__contact">
              <legend className="field__label">{t('publicReport.contactTitle')}</legend>
              <Field label={label('name')} value={form.name} onChange={set('name')} autoComplete="name" />
              <Field label={label('contact')} value={form.contact} onChange={set('contact')} testId="report-contact" autoComplete="tel" />
              <p className="report__privacy" data-testid="report-privacy">{t('publicReport.privacy')}</p>
            </fieldset>
            {/* Honeypot: off-screen and out of the tab order; people never see it, bots fill it in. */}
            <label className="report__hp" aria-hidden="true">
              {t('publicReport.website')}
              <input name="website" tabIndex={-1} autoComplete="off" value={form.website} onChange={set('website')} />
            </label>
            {failureText && (
              <p className="notice notice--error" role="alert" data-testid="report-error">
                {failureText}
              </p>
            )}
            <button className="button button--primary button--block" data-testid="report-submit" type="submit" disabled={pending}>
              {pending ? t('publicReport.submitting') : t('publicReport.submit')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}

const FIELD_LABEL = {
  kind: 'publicReport.kind',
  text: 'publicReport.text',
  platform: 'publicReport.platform',
  url: 'publicReport.url',
  accountPlatform: 'publicReport.accountPlatform',
  accountName: 'publicReport.accountName',
  accountHandle: 'publicReport.accountHandle',
  followerCount: 'publicReport.followerCount',
  evidence: 'publicReport.evidence',
  name: 'publicReport.name',
  contact: 'publicReport.contact',
  website: 'publicReport.website',
} as const satisfies Record<keyof ReportForm, string>;

function Field(props: { label: string; value: string; onChange: (e: { target: { value: string } }) => void; testId?: string; inputMode?: 'url' | 'numeric'; autoComplete?: string }) {
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      <input className="field__input" data-testid={props.testId} value={props.value} onChange={props.onChange} inputMode={props.inputMode} autoComplete={props.autoComplete} />
    </label>
  );
}

function describe(error: unknown): Failure {
  if (!(error instanceof ApiError)) return { kind: 'network' };
  if (error.status === 429) return { kind: 'tooMany', seconds: error.retryAfterSeconds ?? 60 };
  if (error.status === 400) {
    const fields = [...new Set((error.problem?.errors ?? []).map((e) => FIELD_OF[e.field] ?? FIELD_OF[e.field.split('.')[0]] ?? 'evidence'))];
    return { kind: 'invalid', fields };
  }
  return { kind: 'unavailable' };
}
