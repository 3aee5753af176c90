// Snapshots of the record indices (R-REL-5, R-SEC-4): what the backup API and CLI report.

/** The Elasticsearch snapshot repository every Liaowang snapshot goes to. */
export const BACKUP_REPOSITORY = 'liaowang-backups';

export interface SnapshotSummary {
  /** `liaowang-YYYYMMDD-HHmmss`, the Asia/Shanghai time it was taken. */
  name: string;
  /** SUCCESS, PARTIAL, FAILED, IN_PROGRESS (Elasticsearch's states). */
  state: string;
  startedAt: string;
  durationMs: number;
  indices: string[];
}

export interface BackupResult extends SnapshotSummary {
  sizeBytes: number;
  /** Older snapshots deleted by the retention count. */
  pruned: string[];
}

export interface RestoreResult {
  snapshot: string;
  indices: string[];
  /** Open indices that were closed to be overwritten (only with force). */
  closed: string[];
}
