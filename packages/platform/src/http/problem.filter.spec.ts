import { errors } from '@elastic/elasticsearch';
import type { ArgumentsHost } from '@nestjs/common';
import { correlationIdOf, type CorrelatedRequest } from '../audit/audit-request-context';
import { createLogger } from '../logging/logger';
import { ProblemException } from './problem';
import { ProblemFilter } from './problem.filter';

function render(exception: unknown, request?: CorrelatedRequest) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: '' };
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    type: () => response,
    send(body: string) {
      sent.body = body;
    },
  };
  const http = request ? { getResponse: () => response, getRequest: () => request } : { getResponse: () => response };
  const host = { switchToHttp: () => http } as unknown as ArgumentsHost;
  new ProblemFilter(createLogger('test', 'silent')).catch(exception, host);
  return { ...sent, problem: JSON.parse(sent.body) as { status: number; type: string; correlationId: string } };
}

const esResponseError = (statusCode: number) =>
  new errors.ResponseError({
    body: { error: { type: 'no_shard_available_action_exception' } },
    statusCode,
    headers: {},
    warnings: null,
    meta: {} as never,
  });

describe('ProblemFilter', () => {
  it("renders body-parser's too-large error as 413, not 500", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, statusCode: 413, expose: true, type: 'entity.too.large' });
    expect(render(tooLarge).problem).toMatchObject({ status: 413 });
    expect(render(Object.assign(new Error('internal'), { status: 500, expose: false })).problem).toMatchObject({ status: 500 });
  });

  it('renders a ProblemException with its status, headers and a correlation id', () => {
    const out = render(ProblemException.unavailable('busy', 7));
    expect(out.status).toBe(503);
    expect(out.headers['Retry-After']).toBe('7');
    expect(out.problem.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("carries the request's correlation id, the one its header and audit record carry", () => {
    const request: CorrelatedRequest = { headers: { 'x-request-id': 'req-0123456789' } };
    expect(render(ProblemException.forbidden(), request).problem.correlationId).toBe('req-0123456789');
    const unnamed: CorrelatedRequest = { headers: { 'x-request-id': 'bad id <script>' } };
    const id = render(new Error('x'), unnamed).problem.correlationId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationIdOf(unnamed)).toBe(id);
  });

  it('answers 503 with Retry-After when Elasticsearch is busy or a shard is still starting', () => {
    const out = render(esResponseError(503));
    expect(out.status).toBe(503);
    expect(out.headers['Retry-After']).toBe('5');
    expect(out.problem.type).toBe('urn:liaowang:problem:unavailable');
  });

  it('keeps other Elasticsearch failures and plain errors as 500 without details', () => {
    expect(render(esResponseError(400)).status).toBe(500);
    const out = render(new Error('secret internals'));
    expect(out.status).toBe(500);
    expect(out.body).not.toContain('secret internals');
  });
});
