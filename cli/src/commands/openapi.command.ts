import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPO_ROOT } from '../local/repo-paths';

export function register(program: Command): void {
  program
    .command('openapi')
    .description('rewrite docs/openapi/<service>.json from the routes of the code')
    .action(async () => {
      // Loaded here, so the other commands do not load Nest and every service.
      const { renderOpenApiFiles } = await import('../openapi/openapi-files');
      for (const [path, content] of Object.entries(await renderOpenApiFiles())) {
        const target = resolve(REPO_ROOT, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
        console.log(`wrote ${path}`);
      }
    });
}
