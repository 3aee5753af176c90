import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (R-OPS-4); one logger per process, children per component. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
