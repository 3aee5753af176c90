import { HttpException } from '@nestjs/common';
import type { Problem } from '@liaowang/contract';
import type { ZodError } from 'zod';

/** An HTTP error that renders as RFC 9457 problem+json (STYLE habit 8). */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: Omit<Problem, 'correlationId'>,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem, problem.status);
  }

  static validation(error: ZodError, where = 'body'): ProblemException {
    return ProblemException.invalidFields(
      error.issues.map((i) => ({
        field: i.path.length > 0 ? i.path.join('.') : where,
        message: i.message,
      })),
    );
  }

  /** 400 naming each failing field, e.g. from the contract's `validateItemIntake`. */
  static invalidFields(errors: { field: string; message: string }[]): ProblemException {
    return new ProblemException({
      type: 'urn:liaowang:problem:validation',
      title: 'Invalid request',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    });
  }

  static unauthorized(detail = 'Sign in first'): ProblemException {
    return new ProblemException({ type: 'urn:liaowang:problem:unauthorized', title: 'Unauthorized', status: 401, detail });
  }

  static forbidden(detail = 'Your role may not do this'): ProblemException {
    return new ProblemException({ type: 'urn:liaowang:problem:forbidden', title: 'Forbidden', status: 403, detail });
  }

  static notFound(detail: string): ProblemException {
    return new ProblemException({ type: 'urn:liaowang:problem:not-found', title: 'Not found', status: 404, detail });
  }

  static unavailable(detail: string, retryAfterSeconds: number): ProblemException {
    return new ProblemException(
      { type: 'urn:liaowang:problem:unavailable', title: 'Service unavailable', status: 503, detail },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}
