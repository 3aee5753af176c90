import type { ZodType, ZodTypeDef } from 'zod';
import { ProblemException } from './problem';

/** Validates input where it enters (STYLE: usecases validated at the edge); 400 names the field. */
export function parseWith<T>(schema: ZodType<T, ZodTypeDef, unknown>, input: unknown, where = 'body'): T {
  const result = schema.safeParse(input);
  if (!result.success) throw ProblemException.validation(result.error, where);
  return result.data;
}
