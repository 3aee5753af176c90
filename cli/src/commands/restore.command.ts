import type { Command } from 'commander';
import { withSnapshotStore } from '../local/snapshot-command';

/** `liaowang restore [SNAPSHOT]`: brings the record indices back from a snapshot (default: the newest). */
export function register(program: Command): void {
  program
    .command('restore')
    .description('restore the record indices from a snapshot (default: the newest); refuses to overwrite open indices without --force')
    .argument('[snapshot]', 'snapshot name, as `liaowang backup --list` shows it')
    .option('--force', 'close the open record indices and overwrite them with the snapshot')
    .action((snapshot: string | undefined, options: { force?: boolean }) =>
      withSnapshotStore('restore', async (store, _settings, recordOperation) => {
        const result = await store.restore(snapshot, { force: options.force });
        if (result.closed.length > 0) console.log(`closed and overwritten: ${result.closed.join(', ')}`);
        console.log(`restored ${result.snapshot}: ${result.indices.join(', ') || '(no indices)'}`);
        // Appended to the restored chain, so the trail says that everything after the snapshot was rolled back.
        await recordOperation('backups.restore', { type: 'snapshot', id: result.snapshot }, { indices: result.indices, closed: result.closed });
        console.log('users sign in again: sessions are not part of a backup');
      }),
    );
}
