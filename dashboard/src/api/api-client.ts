import {
  API_PREFIX,
  type AuditChainVerdict,
  type AuditPage,
  type ItemSearchResponse,
  type LoginRequest,
  type LoginResponse,
  type Problem,
  type PublicReportReceipt,
} from '@liaowang/contract';
import { ApiError, NetworkError, isAbortError } from './api-error';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string;
  signal?: AbortSignal;
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  // HTTP-date form.
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  // A form (a file upload) goes as it is: the browser sets the multipart type with its boundary.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    // Relative URL: the API serves the dashboard on the same origin (Vite proxies in dev).
    response = await fetch(`${API_PREFIX}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'omit',
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response), parseRetryAfter(response.headers.get('retry-after')));
  }
  // 204 No Content (sign-out) has no body to read.
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sign in. A 401 here means wrong credentials, not an expired session, so it is not routed to onUnauthorized. */
export function login(body: LoginRequest): Promise<LoginResponse> {
  return request<LoginResponse>('/auth/login', { method: 'POST', body });
}

/** File a report from the public page (/report): no session. */
export function filePublicReport(body: unknown): Promise<PublicReportReceipt> {
  return request<PublicReportReceipt>('/public/reports', { method: 'POST', body });
}

export interface ApiClient {
  /** Any API route on this session; features build their typed calls on it (e.g. alerts-api.ts). */
  call<T>(path: string, options?: Omit<RequestOptions, 'token'>): Promise<T>;
  searchItems(query: string, signal?: AbortSignal): Promise<ItemSearchResponse>;
  listAudit(params: URLSearchParams, signal?: AbortSignal): Promise<AuditPage>;
  verifyAudit(signal?: AbortSignal): Promise<AuditChainVerdict>;
}

export const SEARCH_PAGE_SIZE = 50;

/**
 * Client bound to one session. Any 401 means the token is gone or expired (R-SEC-3):
 * `onUnauthorized` sends the user back to sign-in before the error reaches the caller.
 */
export function createApiClient(token: string, onUnauthorized: () => void): ApiClient {
  async function authed<T>(path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> {
    try {
      return await request<T>(path, { ...options, token });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized();
      throw error;
    }
  }
  return {
    call: authed,
    searchItems(query, signal) {
      const params = new URLSearchParams({ size: String(SEARCH_PAGE_SIZE) });
      const q = query.trim();
      if (q) params.set('q', q);
      return authed<ItemSearchResponse>(`/items?${params.toString()}`, { signal });
    },
    listAudit(params, signal) {
      return authed<AuditPage>(`/audit?${params.toString()}`, { signal });
    },
    verifyAudit(signal) {
      return authed<AuditChainVerdict>('/audit/verify', { signal });
    },
  };
}
