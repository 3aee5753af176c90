import { ProblemException } from '../http/problem';

// Expected failures of backup and restore, each with a stable code (STYLE habit 8).
export const BackupProblems = {
  repositoryUnavailable: (location: string, reason: string) =>
    new ProblemException({
      type: 'urn:liaowang:problem:backup-repository',
      title: 'Snapshot repository unavailable',
      status: 503,
      detail:
        `Elasticsearch cannot use the snapshot folder BACKUP_PATH=${location}: ${reason}. ` +
        "The folder must lie under the node's path.repo setting (deploy/local/stack.sh and docker-compose.yml set it).",
    }),
  inProgress: (reason: string) =>
    new ProblemException({
      type: 'urn:liaowang:problem:snapshot-in-progress',
      title: 'A snapshot is already running',
      status: 409,
      detail: `Another snapshot runs (another API instance or a manual backup); try again later. (${reason})`,
    }),
  notFound: (name: string | undefined) =>
    new ProblemException({
      type: 'urn:liaowang:problem:snapshot-not-found',
      title: 'No such snapshot',
      status: 404,
      detail: name ? `There is no snapshot ${name}; list them with "liaowang backup --list".` : 'There is no successful snapshot yet.',
    }),
  restoreBlocked: (snapshot: string, open: string[]) =>
    new ProblemException({
      type: 'urn:liaowang:problem:restore-blocked',
      title: 'Restore would overwrite open indices',
      status: 409,
      detail:
        `Restoring ${snapshot} would overwrite ${open.length === 1 ? 'the open index' : 'the open indices'} ${open.join(', ')}. ` +
        'Stop the services that write them and restore with --force to replace their contents with the snapshot.',
    }),
};
