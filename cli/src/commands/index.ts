import type { Command } from 'commander';
import { register as audit } from './audit.command';
import { register as backup } from './backup.command';
import { register as down } from './down.command';
import { register as enrich } from './enrich.command';
import { register as evaluate } from './eval.command';
import { register as importFile } from './import.command';
import { register as migrate } from './migrate.command';
import { register as openapi } from './openapi.command';
import { register as restore } from './restore.command';
import { register as status } from './status.command';
import { register as up } from './up.command';

// Each command lives in its own file `<name>.command.ts` exporting `register(program)`.
const commands: Array<(program: Command) => void> = [up, down, status, enrich, evaluate, audit, openapi, backup, restore, importFile, migrate];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
