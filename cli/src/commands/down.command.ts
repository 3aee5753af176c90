import type { Command } from 'commander';
import { stopService } from '../local/process-manager';
import { LOCAL_SERVICES } from '../local/services';
import { stack } from '../local/stack';

export function register(program: Command): void {
  program
    .command('down')
    .description('stop the services, then Kafka and Elasticsearch')
    .option('--keep-stack', 'leave Kafka and Elasticsearch running')
    .action(async (options: { keepStack?: boolean }) => {
      // Reverse start order: stop intake before the stages that drain it.
      for (const service of [...LOCAL_SERVICES].reverse()) {
        if (await stopService(service.name)) console.log(`${service.name} stopped`);
      }
      if (!options.keepStack) stack('down');
    });
}
