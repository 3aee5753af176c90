import type { Command } from 'commander';
import { formatBytes, withSnapshotStore } from '../local/snapshot-command';

/** `liaowang backup`: a snapshot of the record indices now (R-REL-5); `--list` shows them. */
export function register(program: Command): void {
  program
    .command('backup')
    .description('snapshot the record indices (users, audit, …) into the repository at BACKUP_PATH; --list shows the snapshots')
    .option('--list', 'list the snapshots instead of taking one')
    .action((options: { list?: boolean }) =>
      withSnapshotStore('backup', async (store, settings, recordOperation) => {
        if (options.list) {
          const snapshots = await store.list();
          if (snapshots.length === 0) console.log('no snapshots yet');
          for (const s of snapshots) {
            console.log(`${s.name}  ${s.state.padEnd(11)} ${s.startedAt}  ${s.indices.join(', ')}`);
          }
          return;
        }
        const result = await store.backup(settings.BACKUP_RETAIN);
        console.log(`snapshot ${result.name}: ${result.state}`);
        console.log(`indices: ${result.indices.join(', ') || '(none yet)'}`);
        console.log(`size ${formatBytes(result.sizeBytes)}, took ${(result.durationMs / 1000).toFixed(1)}s`);
        if (result.pruned.length > 0) console.log(`deleted (BACKUP_RETAIN=${settings.BACKUP_RETAIN}): ${result.pruned.join(', ')}`);
        if (result.state !== 'SUCCESS') process.exitCode = 1;
        // After the snapshot: the record of it is the first thing a restore of it leaves out.
        await recordOperation('backups.create', { type: 'snapshot', id: result.name }, { state: result.state, indices: result.indices, sizeBytes: result.sizeBytes, pruned: result.pruned });
      }),
    );
}
