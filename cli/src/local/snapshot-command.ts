import { hostname, userInfo } from 'node:os';
import type { AuditEntry } from '@liaowang/contract';
import {
  AuditTrail,
  createElasticsearchClient,
  createLogger,
  isTransientElasticsearchError,
  ProblemException,
  settingsShape,
  SnapshotStore,
  type Settings,
} from '@liaowang/platform';

// Backup and restore need only these settings, not the services' secrets.
const NEEDED = ['ES_URL', 'BACKUP_PATH', 'BACKUP_RETAIN'] as const;
export type BackupSettings = Pick<Settings, (typeof NEEDED)[number]>;

function readSettings(env: NodeJS.ProcessEnv): { settings?: BackupSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const name of NEEDED) {
    // Empty means unset, as for the services.
    const parsed = settingsShape[name].safeParse(env[name] === '' ? undefined : env[name]);
    if (parsed.success) settings[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join(', ')}`);
  }
  return problems.length > 0 ? { problems } : { settings: settings as BackupSettings, problems };
}

/** Exit codes of backup and restore for expected failures, so scripts can tell them apart. */
export const EXIT = { failed: 1, refused: 3, notFound: 4, unavailable: 5 } as const;

const exitFor = (status: number) => (status === 404 ? EXIT.notFound : status === 409 ? EXIT.refused : status >= 500 ? EXIT.unavailable : EXIT.failed);

/**
 * Runs a backup or restore step against the Elasticsearch of ES_URL. Expected failures (bad
 * setting, server unreachable, refused restore) print one clear line and set the exit code;
 * only a surprise reaches the CLI's generic handler.
 */
export async function withSnapshotStore(
  command: string,
  run: (store: SnapshotStore, settings: BackupSettings, recordOperation: RecordOperation) => Promise<void>,
): Promise<void> {
  const fail = (code: number, message: string) => {
    process.stderr.write(`liaowang ${command}: ${message}\n`);
    process.exitCode = code;
  };
  const { settings, problems } = readSettings(process.env);
  if (!settings) return fail(EXIT.failed, `invalid settings: ${problems.join('; ')}`);
  const es = createElasticsearchClient(settings.ES_URL);
  const trail = new AuditTrail(es, createLogger('cli', 'warn'));
  const recordOperation: RecordOperation = async (action, target, after) => {
    await trail.append({ actor: operator(), action, target, after, outcome: 'success', clientAddress: hostname() });
  };
  try {
    await run(new SnapshotStore(es, settings.BACKUP_PATH), settings, recordOperation);
  } catch (error) {
    if (error instanceof ProblemException) return fail(exitFor(error.problem.status), error.problem.detail ?? error.problem.title);
    if (isTransientElasticsearchError(error)) {
      return fail(EXIT.unavailable, `cannot reach Elasticsearch at ES_URL=${settings.ES_URL} (${(error as Error).message})`);
    }
    // Anything else Elasticsearch answered: its reason is the message, no stack trace.
    if (error instanceof Error && error.name === 'ResponseError') return fail(EXIT.failed, `Elasticsearch refused: ${error.message}`);
    throw error;
  } finally {
    await es.close();
  }
}

/**
 * Appends what a backup or restore did to the audit trail (R-SEC-2), as the operator account of
 * this machine: the command runs outside the API, with no signed-in user.
 */
export type RecordOperation = (action: string, target: AuditEntry['target'], after: Record<string, unknown>) => Promise<void>;

export function operator(): AuditEntry['actor'] {
  return { username: `${userInfo().username}@${hostname()}`, role: 'system' };
}

export const formatBytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
