import type { Command } from 'commander';

// Each command lives in its own file `<name>.command.ts` exporting `register(program)`.
const commands: Array<(program: Command) => void> = [];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
