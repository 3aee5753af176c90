import {
  API_PREFIX,
  EVIDENCE_SHA256_HEADER,
  type Alert,
  type AlertDetail,
  type Case,
  type CaseAssessment,
  type CaseClosingInput,
  type CaseEvidenceAdd,
  type CaseEvidenceRemove,
  type CaseListQuery,
  type CaseListResponse,
  type CaseReferralCreate,
  type CaseReferralReply,
  type CaseTaskCreate,
  type CaseTaskUpdate,
  type CaseTransition,
  type CreateCase,
  type LinkedCaseLine,
  type StatementDiff,
  type StatementDraft,
  type StatementReleaseInput,
  type StatementRevise,
  type StatementSignOffInput,
  type StatementWriteResponse,
} from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { caseIdOfAlert } from './case-of-alert';

export const BOARD_PAGE_SIZE = 200;

// Statement writes answer the case with the statement written; the page keeps the case.
const caseOf = (answer: Case | StatementWriteResponse): Case => ('case' in answer ? answer.case : answer);

export type CaseListFilter = Partial<Pick<CaseListQuery, 'state' | 'grade' | 'owner' | 'q'>>;

/** The case routes of issue 12 on the session's client; every write answers with the whole case. */
export function casesApi(api: ApiClient) {
  const path = (id: string, rest = '') => `/cases/${encodeURIComponent(id)}${rest}`;
  const statement = (id: string, sid: string, rest = '') => path(id, `/statements/${encodeURIComponent(sid)}${rest}`);
  return {
    list(filter: CaseListFilter = {}, signal?: AbortSignal): Promise<CaseListResponse> {
      const params = new URLSearchParams({ size: String(BOARD_PAGE_SIZE) });
      for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
      return api.call<CaseListResponse>(`/cases?${params.toString()}`, { signal });
    },
    get: (id: string, signal?: AbortSignal) => api.call<Case>(path(id), { signal }),
    /** The case an alert is linked to and its agreed line (GET /alerts/{id} carries it for every role that sees alerts). */
    linkedToAlert: (alertId: string, signal?: AbortSignal): Promise<LinkedCaseLine | undefined> =>
      api.call<AlertDetail>(`/alerts/${encodeURIComponent(alertId)}`, { signal }).then((detail) => detail.case),
    create: (body: CreateCase) => api.call<Case>('/cases', { method: 'POST', body }),
    transition: (id: string, body: CaseTransition) => api.call<Case>(path(id, '/transitions'), { method: 'POST', body }),
    assess: (id: string, body: CaseAssessment) => api.call<Case>(path(id, '/assessment'), { method: 'PUT', body }),
    addTask: (id: string, body: CaseTaskCreate) => api.call<Case>(path(id, '/tasks'), { method: 'POST', body }),
    updateTask: (id: string, taskId: string, body: CaseTaskUpdate) =>
      api.call<Case>(path(id, `/tasks/${encodeURIComponent(taskId)}`), { method: 'PATCH', body }),
    refer: (id: string, body: CaseReferralCreate) => api.call<Case>(path(id, '/referrals'), { method: 'POST', body }),
    recordReply: (id: string, referralId: string, body: CaseReferralReply) =>
      api.call<Case>(path(id, `/referrals/${encodeURIComponent(referralId)}`), { method: 'PATCH', body }),
    addEvidence: (id: string, body: CaseEvidenceAdd) => api.call<Case>(path(id, '/evidence'), { method: 'POST', body }),
    /** A screenshot or document as multipart (POST …/evidence/files): the server tells its type by its bytes. */
    uploadEvidenceFile(id: string, file: File, version: number, note?: string): Promise<Case> {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('version', String(version));
      if (note) form.append('note', note);
      return api.call<Case>(path(id, '/evidence/files'), { method: 'POST', body: form });
    },
    removeEvidence: (id: string, evidenceId: string, body: CaseEvidenceRemove) =>
      api.call<Case>(path(id, `/evidence/${encodeURIComponent(evidenceId)}`), { method: 'DELETE', body }),
    draftStatement: (id: string, body: StatementDraft) =>
      api.call<StatementWriteResponse>(path(id, '/statements'), { method: 'POST', body }).then(caseOf),
    reviseStatement: (id: string, sid: string, body: StatementRevise) =>
      api.call<StatementWriteResponse>(statement(id, sid), { method: 'PUT', body }).then(caseOf),
    statementDiff(id: string, sid: string, from?: number, to?: number): Promise<StatementDiff> {
      const params = new URLSearchParams();
      if (from) params.set('from', String(from));
      if (to) params.set('to', String(to));
      return api.call<StatementDiff>(`${statement(id, sid, '/diff')}?${params.toString()}`);
    },
    signOff: (id: string, sid: string, body: StatementSignOffInput) =>
      api.call<StatementWriteResponse>(statement(id, sid, '/sign-offs'), { method: 'POST', body }).then(caseOf),
    release: (id: string, sid: string, body: StatementReleaseInput) =>
      api.call<StatementWriteResponse>(statement(id, sid, '/release'), { method: 'POST', body }).then(caseOf),
    writeClosing: (id: string, body: CaseClosingInput) => api.call<Case | StatementWriteResponse>(path(id, '/closing'), { method: 'PUT', body }).then(caseOf),
  };
}
export type CasesApi = ReturnType<typeof casesApi>;

/** The case a promotion opened: named in the alert's timeline, else asked of the alert's detail. */
export async function caseOfPromotedAlert(api: ApiClient, alert: Alert): Promise<string | undefined> {
  return caseIdOfAlert(alert) ?? (await casesApi(api).linkedToAlert(alert.id))?.id;
}

export type ReportFormat = 'pdf' | 'docx';

function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** Fetches `path` with the session's token and hands it to the browser as a download (a plain link carries no Authorization header); the server names the file. */
async function downloadWithToken(token: string, path: string, fallbackName: string): Promise<{ name: string; response: Response }> {
  const response = await fetch(`${API_PREFIX}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new ApiError(response.status, undefined, undefined);
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; free it a moment later.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, response };
}

/** The case report as a download. */
export async function downloadReport(token: string, id: string, format: ReportFormat): Promise<string> {
  return (await downloadWithToken(token, `/cases/${encodeURIComponent(id)}/report.${format}`, `case-${id}.${format}`)).name;
}

/** An evidence file as uploaded (the view is audited); answers its name and the SHA-256 the server sent. */
export async function downloadEvidenceFile(token: string, id: string, evidenceId: string): Promise<{ name: string; sha256?: string }> {
  const { name, response } = await downloadWithToken(
    token,
    `/cases/${encodeURIComponent(id)}/evidence/${encodeURIComponent(evidenceId)}/file`,
    `evidence-${evidenceId}`,
  );
  return { name, sha256: response.headers.get(EVIDENCE_SHA256_HEADER) ?? undefined };
}
