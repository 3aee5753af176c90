import type { Command } from 'commander';
import { hostname } from 'node:os';
import { ALL_INDEX_TEMPLATES } from '@liaowang/contract';
import {
  AuditTrail,
  createElasticsearchClient,
  createLogger,
  isElasticsearchReady,
  migrateIndices,
  settingsShape,
} from '@liaowang/platform';
import { operator } from '../local/snapshot-command';

/** Exit codes of `liaowang migrate` (README, The command line): done, refused, unreachable. */
export const MIGRATE_EXIT = { done: 0, refused: 1, unreachable: 5 } as const;

/** `liaowang migrate`: every index template, single index and alias as the contract defines them (R-ENR-7). */
export function register(program: Command): void {
  program
    .command('migrate')
    .description('create or update every index template, index and alias in Elasticsearch (ES_URL); a second run changes nothing')
    .action(async () => {
      process.exitCode = await migrate();
    });
}

async function migrate(): Promise<number> {
  const url = settingsShape.ES_URL.safeParse(process.env.ES_URL === '' ? undefined : process.env.ES_URL);
  if (!url.success) {
    process.stderr.write(`liaowang migrate: ES_URL: ${url.error.issues[0]?.message ?? 'invalid'}\n`);
    return MIGRATE_EXIT.refused;
  }
  const es = createElasticsearchClient(url.data);
  try {
    if (!(await isElasticsearchReady(es))) {
      process.stderr.write(`liaowang migrate: cannot reach Elasticsearch at ES_URL=${url.data}; nothing changed\n`);
      return MIGRATE_EXIT.unreachable;
    }
    const changes = await migrateIndices(es, ALL_INDEX_TEMPLATES);
    if (changes.length === 0) {
      console.log(`no change: all ${ALL_INDEX_TEMPLATES.length} templates, their indices and aliases are up to date`);
      return MIGRATE_EXIT.done;
    }
    for (const change of changes) console.log(`${change.kind.padEnd(17)} ${change.name}  ${change.detail}`);
    console.log(`${changes.length} change(s)`);
    await new AuditTrail(es, createLogger('cli', 'warn')).append({
      actor: operator(),
      action: 'indices.migrate',
      target: { type: 'elasticsearch', id: url.data },
      after: { changes },
      outcome: 'success',
      clientAddress: hostname(),
    });
    return MIGRATE_EXIT.done;
  } catch (error) {
    // A mapping conflict or a refused request: Elasticsearch's reason, no stack trace.
    process.stderr.write(`liaowang migrate: Elasticsearch refused: ${(error as Error).message}\n`);
    return MIGRATE_EXIT.refused;
  } finally {
    await es.close();
  }
}
