import { z } from 'zod';
import { SIMULATOR_SCENARIOS } from '@liaowang/contract';

/**
 * Every setting of Liaowang, validated once at start (R-OPS-3). Each entry carries the text the
 * README's settings table shows; `sensitive` ones are never logged.
 */
interface SettingDoc {
  description: string;
  sensitive?: boolean;
}

const port = z.coerce.number().int().min(1).max(65_535);

export const settingsShape = {
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'expected host:port')).min(1)),
  ES_URL: z.string().url().default('http://127.0.0.1:9200'),
  API_PORT: port.default(3000),
  INTAKE_PORT: port.default(3001),
  BIND_HOST: z.string().default('127.0.0.1'),
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(720),
  // Fractions allowed (0.05 = 3 s) so a test can watch a session go idle.
  SESSION_IDLE_MINUTES: z.coerce.number().min(0.05).max(24 * 60).default(30),
  SOCKET_RECHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/, 'expected an address or CIDR'))),
  SEED_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  INTAKE_API_KEYS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(24, 'each key must be at least 24 characters'))),
  SIMULATOR_RATE: z.coerce.number().min(0).max(10_000).default(0),
  STREAM_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  DASHBOARD_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BACKUP_PATH: z.string().min(1).default('liaowang-backups'),
  BACKUP_CRON: z
    .string()
    .default('30 3 * * *')
    .refine((s) => s === 'off' || /^\S+(\s+\S+){4,5}$/.test(s.trim()), 'expected a cron expression of 5 or 6 fields, or "off"'),
  BACKUP_RETAIN: z.coerce.number().int().min(1).max(1000).default(14),
  RETENTION_CRON: z
    .string()
    .default('0 4 * * *')
    .refine((s) => s === 'off' || /^\S+(\s+\S+){4,5}$/.test(s.trim()), 'expected a cron expression of 5 or 6 fields, or "off"'),
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(13),
  ALERT_RULES_RELOAD_SECONDS: z.coerce.number().min(0.5).max(3600).default(5),
  ESCALATION_TICK_SECONDS: z.coerce.number().min(0.2).max(3600).default(5),
  PUBLIC_URL: z.string().url().optional(),
  NOTIFY_TIMEOUT_SECONDS: z.coerce.number().min(0.2).max(120).default(5),
  NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  SPIKE_EVALUATE_SECONDS: z.coerce.number().min(0.2).max(3600).default(30),
  SPIKE_Z: z.coerce.number().min(1).max(100).default(4),
  SPIKE_MIN_COUNT: z.coerce.number().int().min(1).max(100_000).default(20),
  SIMULATOR_SCENARIO: z.enum(SIMULATOR_SCENARIOS).default('quiet-day'),
  FEEDS_ALLOW_PRIVATE_ADDRESSES: z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .default('false')
    .transform((s) => s === 'true'),
} as const;

export const settingsDocs: Record<keyof typeof settingsShape, SettingDoc & { default?: string }> = {
  KAFKA_BROKERS: { description: 'Kafka bootstrap brokers, comma-separated host:port', default: '127.0.0.1:9092' },
  ES_URL: { description: 'Elasticsearch URL', default: 'http://127.0.0.1:9200' },
  API_PORT: { description: 'Port of the API service (REST, Socket.IO, dashboard files)', default: '3000' },
  INTAKE_PORT: { description: 'Port of the intake service (HTTP push endpoint)', default: '3001' },
  BIND_HOST: { description: 'Address the HTTP services listen on', default: '127.0.0.1' },
  AUTH_TOKEN_SECRET: { description: 'Secret that signs session tokens (≥ 32 characters). Required.', sensitive: true },
  SESSION_TTL_MINUTES: { description: 'Absolute session lifetime in minutes (R-SEC-3)', default: '720' },
  SESSION_IDLE_MINUTES: { description: 'A session unused this many minutes ends (R-SEC-3)', default: '30' },
  SOCKET_RECHECK_SECONDS: { description: 'How often the API re-checks the session of each open Socket.IO connection', default: '30' },
  TRUSTED_PROXIES: {
    description: 'Comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed (Express trust proxy)',
    default: '(none)',
  },
  SEED_PASSWORD: {
    description: 'If set, the API creates the seed users (duty, responder, leader, admin, screen) with this password when absent',
    sensitive: true,
  },
  INTAKE_API_KEYS: {
    description: 'Comma-separated keys that connectors and webhooks send as X-Intake-Key',
    sensitive: true,
    default: '(none)',
  },
  SIMULATOR_RATE: { description: 'Simulated mentions per second produced by the intake service (0 = off)', default: '0' },
  STREAM_METRICS_PORT: { description: 'Port of a stream process for /metrics and /health (0 = off); a local run gives the indexer the next and the later stages the one after', default: '9464' },
  DASHBOARD_DIST: { description: 'Folder of the built dashboard that the API serves at /', default: '(not served)' },
  LOG_LEVEL: { description: 'Log level of the JSON logs', default: 'info' },
  BACKUP_PATH: {
    description: "Folder of the snapshot repository on the Elasticsearch node; a relative path lies under the node's path.repo",
    default: 'liaowang-backups',
  },
  BACKUP_CRON: { description: 'When the API takes the daily snapshot (cron, Asia/Shanghai; off = never)', default: '30 3 * * *' },
  BACKUP_RETAIN: { description: 'Snapshots kept; older ones are deleted after each backup', default: '14' },
  RETENTION_CRON: {
    description: 'When the API creates the next month indices and deletes those past RETENTION_MONTHS (cron, Asia/Shanghai; off = never)',
    default: '0 4 * * *',
  },
  RETENTION_MONTHS: { description: 'Months of items and spikes kept, the current month included; older month indices are deleted', default: '13' },
  ALERT_RULES_RELOAD_SECONDS: {
    description: 'How often the alert evaluator looks for changed rules (it recompiles only when a rule changed)',
    default: '5',
  },
  ESCALATION_TICK_SECONDS: { description: 'How often every API instance looks for due escalation timers (fractions allowed)', default: '5' },
  PUBLIC_URL: { description: 'Address of the dashboard as people reach it, for links in outbound notices', default: '(no link)' },
  NOTIFY_TIMEOUT_SECONDS: { description: 'Timeout of one attempt to deliver an outbound notice', default: '5' },
  NOTIFY_ATTEMPTS: { description: 'Attempts per outbound notice before it is recorded as failed (back-off between them)', default: '3' },
  SPIKE_EVALUATE_SECONDS: { description: 'How often the spike detector judges the current and the last 10-minute window (fractions allowed)', default: '30' },
  SPIKE_Z: { description: 'Robust z-score at or above which a window is a spike', default: '4' },
  SPIKE_MIN_COUNT: { description: 'Items a window needs before it can be a spike (a quiet night does not fire on three posts)', default: '20' },
  SIMULATOR_SCENARIO: { description: 'What the simulator tells: quiet-day, rumor-outbreak, impostor-account or policy-backlash', default: 'quiet-day' },
  FEEDS_ALLOW_PRIVATE_ADDRESSES: {
    description:
      'true lets feeds be on loopback, private, link-local and other non-public addresses (local development, tests); otherwise such a feed is refused when saved and when fetched',
    default: 'false',
  },
};

export const settingsSchema = z.object(settingsShape);
export type Settings = z.infer<typeof settingsSchema>;
