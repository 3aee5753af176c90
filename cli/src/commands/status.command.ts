import type { Command } from 'commander';
import { runningPid } from '../local/process-manager';
import { LOCAL_SERVICES } from '../local/services';
import { stackStatus } from '../local/stack';

/** Whether a running service answers its readiness URL with 2xx within a few seconds. */
async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

export function register(program: Command): void {
  program
    .command('status')
    .description('show what of the local system runs')
    .action(async () => {
      // The servers' lines first; a server down must not hide the processes' lines.
      const stackCode = stackStatus();
      // The ports `up` gave the services come from the environment, as they did then.
      const env = process.env as Record<string, string>;
      for (const service of LOCAL_SERVICES) {
        const pid = runningPid(service.name);
        const url = pid ? service.readyUrl?.(env) : undefined;
        const readiness = url ? ((await isReady(url)) ? '  ready' : '  not ready') : '';
        console.log(`${service.name.padEnd(14)} ${pid ? `running (pid ${pid})${readiness}` : 'stopped'}`);
      }
      // As deploy/local/stack.sh status: 0 only when the servers run and are healthy.
      if (stackCode !== 0) process.exitCode = stackCode;
    });
}
