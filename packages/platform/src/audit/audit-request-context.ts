import { randomUUID } from 'node:crypto';

/** What of an HTTP request an audit record keeps. */
export interface AuditRequestContext {
  correlationId: string;
  clientAddress?: string;
}

/** The parts of an Express request used here. */
export interface CorrelatedRequest {
  headers: Record<string, string | string[] | undefined>;
  /** Express's client address; honours the app's `trust proxy` setting. */
  ip?: string;
  correlationId?: string;
}

// Ids that a proxy or client sends are kept only if they look like ids, so a header cannot
// smuggle text into logs, problem bodies or the audit trail.
const WELL_FORMED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * The request's correlation id, fixed on first use: a well-formed `X-Request-Id` or
 * `X-Correlation-Id` from the caller, else a new UUID. The problem+json body of the same request
 * carries the same id.
 */
export function correlationIdOf(request: CorrelatedRequest): string {
  if (request.correlationId) return request.correlationId;
  const sent = [request.headers['x-request-id'], request.headers['x-correlation-id']]
    .map((value) => (Array.isArray(value) ? value[0] : value))
    .find((value) => value !== undefined && WELL_FORMED_ID.test(value));
  request.correlationId = sent ?? randomUUID();
  return request.correlationId;
}

/** The request part of an audit entry: correlation id and client address. */
export function auditRequestContext(request: CorrelatedRequest): AuditRequestContext {
  return { correlationId: correlationIdOf(request), clientAddress: request.ip };
}

/** Express middleware: fixes the id before any handler runs and echoes it as `X-Correlation-Id`. */
export function correlationIdMiddleware(
  request: CorrelatedRequest,
  response: { setHeader(name: string, value: string): void },
  next: () => void,
): void {
  response.setHeader('X-Correlation-Id', correlationIdOf(request));
  next();
}
