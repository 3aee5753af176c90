import type { Command } from 'commander';
import { SIMULATOR_SCENARIOS, type SimulatorScenario } from '@liaowang/contract';
import { localEnvironment } from '@liaowang/platform';
import { logFile, startService, waitForUrl } from '../local/process-manager';
import { REPO_ROOT, LOCAL_ENV_FILE } from '../local/repo-paths';
import { LOCAL_SERVICES } from '../local/services';
import { stack } from '../local/stack';
import { resolve } from 'node:path';

export function register(program: Command): void {
  program
    .command('up')
    .description('start Kafka, Elasticsearch, the services, the dashboard and the simulator')
    .option('--rate <n>', 'simulated mentions per second', '5')
    .option('--scenario <name>', `what the simulator tells: ${SIMULATOR_SCENARIOS.join(', ')}`, 'quiet-day')
    .option('--no-stack', 'use Kafka and Elasticsearch that already run')
    .action(async (options: { rate: string; scenario: string; stack: boolean }) => {
      if (!SIMULATOR_SCENARIOS.includes(options.scenario as SimulatorScenario)) {
        throw new Error(`--scenario ${options.scenario}: expected one of ${SIMULATOR_SCENARIOS.join(', ')}`);
      }
      const started = Date.now();
      if (options.stack) stack('up');
      const env: Record<string, string> = {
        SIMULATOR_RATE: options.rate,
        SIMULATOR_SCENARIO: options.scenario,
        // A local run tries feeds served on this machine; set false to try the guard.
        FEEDS_ALLOW_PRIVATE_ADDRESSES: process.env.FEEDS_ALLOW_PRIVATE_ADDRESSES || 'true',
        DASHBOARD_DIST: resolve(REPO_ROOT, 'dashboard/dist'),
        ...localEnvironment(LOCAL_ENV_FILE),
      };
      for (const service of LOCAL_SERVICES) {
        const t0 = Date.now();
        startService(service, env);
        // The same settings the process got: the environment, then the run's own.
        const url = service.readyUrl?.({ ...(process.env as Record<string, string>), ...env });
        if (url && !(await waitForUrl(url, 90_000))) {
          throw new Error(`${service.name} did not become ready; see ${logFile(service.name)}`);
        }
        console.log(`${service.name} ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      }
      const port = env.API_PORT ?? process.env.API_PORT ?? '3000';
      console.log(`\nLiaowang is up in ${((Date.now() - started) / 1000).toFixed(1)}s`);
      console.log(`Dashboard: http://127.0.0.1:${port}/`);
      console.log(`Users: duty, responder, leader, admin, screen; password: SEED_PASSWORD in ${LOCAL_ENV_FILE}`);
      console.log('Stop with: npx liaowang down');
    });
}
