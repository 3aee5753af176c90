import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { Problem } from '@liaowang/contract';
import { correlationIdOf, type CorrelatedRequest } from '../audit/audit-request-context';
import { isTransientElasticsearchError } from '../elasticsearch/elasticsearch.port';
import type { Logger } from '../logging/logger';
import { ProblemException } from './problem';

interface HttpResponse {
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): void;
  type(t: string): HttpResponse;
  send(body: string): void;
}

/**
 * Maps every error to a stable problem+json body with a correlation id; the stack trace goes
 * to the log, never to the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<HttpResponse>();
    // The same id as the request's X-Correlation-Id header and its audit record.
    const request = (http.getRequest as (() => CorrelatedRequest | undefined) | undefined)?.call(http);
    const correlationId = correlationIdOf(request ?? { headers: {} });
    let problem: Problem;
    if (exception instanceof ProblemException) {
      problem = { ...exception.problem, correlationId };
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Body-parser errors (bad JSON, too large) arrive here as plain HttpExceptions.
      problem = { type: 'about:blank', title: exception.message, status, detail: exception.message, correlationId };
    } else if (isClientHttpError(exception)) {
      // body-parser's own errors (a body over the limit: 413, an unsupported charset: 415) are
      // http-errors, not HttpExceptions: the client's fault, said as such, never a 500.
      problem = { type: 'about:blank', title: exception.message, status: exception.status, detail: exception.message, correlationId };
    } else if (isTransientElasticsearchError(exception)) {
      this.logger.warn({ err: exception, correlationId }, 'search store unavailable');
      const unavailable = ProblemException.unavailable('The search store is not ready; try again shortly', 5);
      problem = { ...unavailable.problem, correlationId };
      for (const [name, value] of Object.entries(unavailable.headers)) response.setHeader(name, value);
    } else {
      this.logger.error({ err: exception, correlationId }, 'unhandled error');
      problem = { type: 'about:blank', title: 'Internal error', status: 500, correlationId };
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

/** An http-errors error for the client (4xx, `expose`), as body-parser throws them. */
function isClientHttpError(error: unknown): error is Error & { status: number } {
  const candidate = error as { status?: unknown; expose?: unknown } | null;
  return (
    error instanceof Error &&
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    candidate.expose === true
  );
}
