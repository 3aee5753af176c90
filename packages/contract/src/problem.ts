import { z } from 'zod';
import type { Problem } from './api';

/** RFC 9457 problem details as a schema: what the OpenAPI documents give every error response. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  correlationId: z.string().optional(),
});

// The schema and the Problem type must not drift apart: this line stops compiling if they do.
export const problemSchemaMatchesType: [z.infer<typeof problemSchema>, Problem] extends [Problem, z.infer<typeof problemSchema>] ? true : never = true;
