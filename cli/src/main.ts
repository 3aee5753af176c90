import { Command } from 'commander';
import { registerCommands } from './commands';

const program = new Command('liaowang').description('Liaowang (瞭望) command line').showHelpAfterError();
registerCommands(program);
program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`liaowang: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
