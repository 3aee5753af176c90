import { errors, type Client } from '@elastic/elasticsearch';
import {
  BACKUP_REPOSITORY,
  recordIndexPatterns,
  type BackupResult,
  type RestoreResult,
  type SnapshotSummary,
} from '@liaowang/contract';
import { BackupProblems } from './backup.problems';
import { newestSnapshot, openIndicesAmong, snapshotNameAt, snapshotsToPrune } from './snapshot-policy';

type SnapshotInfo = {
  snapshot: string;
  state?: string;
  start_time_in_millis?: number | string;
  duration_in_millis?: number | string;
  indices?: string[];
};

const errorType = (error: unknown): string | undefined =>
  error instanceof errors.ResponseError ? (error.body as { error?: { type?: string } })?.error?.type : undefined;

type EsError = { reason?: string; caused_by?: EsError };

// The innermost cause says what is wrong ("location … doesn't match any of the locations specified by path.repo").
function errorReason(error: unknown): string {
  let cause = error instanceof errors.ResponseError ? (error.body as { error?: EsError })?.error : undefined;
  while (cause?.caused_by) cause = cause.caused_by;
  return cause?.reason ?? (error instanceof Error ? error.message : String(error));
}

function summaryOf(info: SnapshotInfo): SnapshotSummary {
  return {
    name: info.snapshot,
    state: info.state ?? 'UNKNOWN',
    startedAt: new Date(Number(info.start_time_in_millis ?? 0)).toISOString(),
    durationMs: Number(info.duration_in_millis ?? 0),
    indices: [...(info.indices ?? [])].sort(),
  };
}

/**
 * Snapshots of the record indices in one file-system repository (R-REL-5, R-SEC-4), shared by
 * the API's daily job and the CLI. `location` is BACKUP_PATH, a folder on the Elasticsearch node.
 */
export class SnapshotStore {
  constructor(
    private readonly es: Client,
    private readonly location: string,
    private readonly indexPatterns: string[] = recordIndexPatterns(),
  ) {}

  /** Registers (or re-registers) the repository; idempotent, and verifies the node can write there. */
  async ensureRepository(): Promise<void> {
    try {
      await this.es.snapshot.createRepository({
        name: BACKUP_REPOSITORY,
        repository: { type: 'fs', settings: { location: this.location } },
        verify: true,
      });
    } catch (error) {
      if (error instanceof errors.ResponseError) throw BackupProblems.repositoryUnavailable(this.location, errorReason(error));
      throw error;
    }
  }

  /** Takes a snapshot of the record indices and waits for it; then deletes those beyond `retain`. */
  async backup(retain?: number, at = new Date()): Promise<BackupResult> {
    await this.ensureRepository();
    const name = snapshotNameAt(at);
    let info: SnapshotInfo | undefined;
    try {
      const created = await this.es.snapshot.create(
        {
          repository: BACKUP_REPOSITORY,
          snapshot: name,
          indices: this.indexPatterns.join(','),
          ignore_unavailable: true,
          include_global_state: false,
          wait_for_completion: true,
        },
        { requestTimeout: 30 * 60_000 },
      );
      info = created.snapshot as SnapshotInfo | undefined;
    } catch (error) {
      const type = errorType(error);
      // Two instances at the same second pick the same name: the other one is taking it.
      if (type === 'concurrent_snapshot_execution_exception' || type === 'invalid_snapshot_name_exception') {
        throw BackupProblems.inProgress(errorReason(error));
      }
      throw error;
    }
    if (!info) throw new Error(`snapshot ${name} was accepted but Elasticsearch reported nothing about it`);
    const status = await this.es.snapshot.status({ repository: BACKUP_REPOSITORY, snapshot: name });
    const sizeBytes = Number(status.snapshots[0]?.stats.total.size_in_bytes ?? 0);
    const pruned = retain === undefined ? [] : await this.prune(retain);
    return { ...summaryOf(info), sizeBytes, pruned };
  }

  /** Every snapshot in the repository, oldest first. */
  async list(): Promise<SnapshotSummary[]> {
    await this.ensureRepository();
    const response = await this.es.snapshot.get({ repository: BACKUP_REPOSITORY, snapshot: '_all' });
    return (response.snapshots ?? []).map((s) => summaryOf(s as SnapshotInfo)).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  }

  /** Deletes our snapshots beyond the `retain` newest successful ones; returns their names. */
  async prune(retain: number): Promise<string[]> {
    const doomed = snapshotsToPrune(await this.list(), retain);
    for (const snapshot of doomed) await this.es.snapshot.delete({ repository: BACKUP_REPOSITORY, snapshot });
    return doomed;
  }

  /**
   * Brings the indices of a snapshot (default: the newest successful one) back. Refuses while
   * any of them is open, naming them; with `force` closes those first, as Elasticsearch restores
   * only over closed or absent indices, and their contents become the snapshot's.
   */
  async restore(snapshot?: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
    const all = await this.list();
    const chosen = snapshot === undefined ? newestSnapshot(all) : all.find((s) => s.name === snapshot);
    if (!chosen) throw BackupProblems.notFound(snapshot);
    const existing = (await this.es.cat.indices({ index: 'liaowang-*', expand_wildcards: 'all', format: 'json', h: 'index,status' })) as Array<{
      index: string;
      status: string;
    }>;
    const open = openIndicesAmong(chosen.indices, existing);
    if (open.length > 0 && !options.force) throw BackupProblems.restoreBlocked(chosen.name, open);
    if (chosen.indices.length === 0) return { snapshot: chosen.name, indices: [], closed: [] };
    if (open.length > 0) await this.es.indices.close({ index: open.join(','), wait_for_active_shards: 0 });
    await this.es.snapshot.restore(
      {
        repository: BACKUP_REPOSITORY,
        snapshot: chosen.name,
        indices: chosen.indices.join(','),
        include_global_state: false,
        include_aliases: true,
        wait_for_completion: true,
      },
      { requestTimeout: 30 * 60_000 },
    );
    await this.es.cluster.health({ index: chosen.indices.join(','), wait_for_status: 'yellow', timeout: '60s' });
    return { snapshot: chosen.name, indices: chosen.indices, closed: open };
  }
}
