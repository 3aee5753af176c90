import type { Command } from 'commander';
import { createEnricher, enrichJsonl, loadTermLists, termsDirsFromEnv } from '@liaowang/nlp';

interface EnrichOptions {
  termsDir?: string[];
  summary: boolean;
}

/**
 * `liaowang enrich`: JSONL `{id, text}` on stdin → one JSONL result per line on stdout, in
 * order (R-ENR; issue 4). Bad lines are answered with `{id?, line, error}`; the exit code is
 * 0 once the input ends. The same enricher runs in the Kafka enrich stage.
 */
export function register(program: Command): void {
  program
    .command('enrich')
    .description('enrich JSONL {id, text} from stdin: sentiment, rumor, categories, PII, masked text')
    .option('--terms-dir <dir...>', 'extra category term directories (added to LIAOWANG_TERMS_DIR)')
    .option('--no-summary', 'do not print the line/error counts on stderr')
    .action(async (options: EnrichOptions) => {
      // A reader that stops early (`| head`) is not an error of ours.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
      });
      const termLists = loadTermLists([...termsDirsFromEnv(), ...(options.termsDir ?? [])]);
      const enricher = createEnricher({ termLists });
      const summary = await enrichJsonl(process.stdin, process.stdout, enricher);
      if (options.summary) process.stderr.write(`enrich: ${summary.lines} lines, ${summary.errors} errors\n`);
    });
}
