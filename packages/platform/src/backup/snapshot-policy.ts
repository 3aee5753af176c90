import type { SnapshotSummary } from '@liaowang/contract';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000; // Asia/Shanghai has no daylight saving time

/** `liaowang-YYYYMMDD-HHmmss` in Asia/Shanghai: the duty office's clock, sortable as text. */
export function snapshotNameAt(at: Date): string {
  const iso = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString(); // 2026-03-01T03:30:00.000Z
  return `liaowang-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

export const SNAPSHOT_NAME = /^liaowang-\d{8}-\d{6}$/;

/**
 * The snapshots retention deletes: all of ours but the `retain` newest successful ones. One
 * still running is left alone; a failed or partial one older than the newest kept goes.
 */
export function snapshotsToPrune(snapshots: readonly SnapshotSummary[], retain: number): string[] {
  const ours = snapshots.filter((s) => SNAPSHOT_NAME.test(s.name) && s.state !== 'IN_PROGRESS');
  const newestFirst = [...ours].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.name.localeCompare(a.name));
  const kept = new Set(newestFirst.filter((s) => s.state === 'SUCCESS').slice(0, retain).map((s) => s.name));
  const newestKept = newestFirst.find((s) => kept.has(s.name));
  return newestFirst
    .filter((s) => !kept.has(s.name))
    .filter((s) => s.state === 'SUCCESS' || (newestKept !== undefined && s.startedAt < newestKept.startedAt))
    .map((s) => s.name);
}

/** The snapshot restore takes when none is named: the newest successful one. */
export function newestSnapshot(snapshots: readonly SnapshotSummary[]): SnapshotSummary | undefined {
  return [...snapshots]
    .filter((s) => s.state === 'SUCCESS')
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.name.localeCompare(a.name))[0];
}

/** Indices a restore would overwrite that are open now: Elasticsearch restores only over closed or absent ones. */
export function openIndicesAmong(wanted: readonly string[], existing: ReadonlyArray<{ index: string; status: string }>): string[] {
  const open = new Set(existing.filter((e) => e.status === 'open').map((e) => e.index));
  return wanted.filter((index) => open.has(index)).sort();
}
