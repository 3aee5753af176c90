import { errors } from '@elastic/elasticsearch';
import type { ArgumentsHost } from '@nestjs/common';
import { createLogger } from '../logging/logger';
import { ProblemException } from './problem';
import { ProblemFilter } from './problem.filter';

function render(exception: unknown) {
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
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
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
  it('renders a ProblemException with its status, headers and a correlation id', () => {
    const out = render(ProblemException.unavailable('busy', 7));
    expect(out.status).toBe(503);
    expect(out.headers['Retry-After']).toBe('7');
    expect(out.problem.correlationId).toMatch(/^[0-9a-f-]{36}$/);
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
