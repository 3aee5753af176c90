import type { KafkaMessage } from 'kafkajs';
import type { ZodType } from 'zod';

export type Rejected = { ok: false; message: KafkaMessage; reason: string };
export type Parsed<T> = { ok: true; value: T } | Rejected;

/** Decodes and validates one message; the reason names the failing field for the dead letter. */
export function parseMessage<T>(message: KafkaMessage, schema: ZodType<T>): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return { ok: false, message, reason: `invalid JSON: ${(error as Error).message}` };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const reason = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { ok: false, message, reason: `schema: ${reason}` };
  }
  return { ok: true, value: result.data };
}
