import type { Command } from 'commander';
import { runningPid } from '../local/process-manager';
import { LOCAL_SERVICES } from '../local/services';
import { stack } from '../local/stack';

export function register(program: Command): void {
  program
    .command('status')
    .description('show what of the local system runs')
    .action(() => {
      stack('status');
      for (const service of LOCAL_SERVICES) {
        const pid = runningPid(service.name);
        console.log(`${service.name.padEnd(14)} ${pid ? `running (pid ${pid})` : 'stopped'}`);
      }
    });
}
