import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Command } from 'commander';

interface EvalOptions {
  data?: string;
  snownlp: boolean;
}

// The evaluation kit (dev split, metrics, SnowNLP runner) lives with the training code in
// pipelines/nlp/training, outside every build; bench/nlp-eval.js builds and runs it. This
// command is the same run under the project's CLI. cli/dist/commands → repository root.
const NLP_EVAL = path.resolve(__dirname, '..', '..', '..', 'bench', 'nlp-eval.js');

/** `liaowang eval`: sentiment and rumor figures of the shipped models and SnowNLP (issue 4). */
export function register(program: Command): void {
  program
    .command('eval')
    .description('evaluate the NLP models and the SnowNLP baseline on the dev split of the labelled sets')
    .option('--data <dir>', 'folder of the labelled sets (default ../shared/eval from the repository root)')
    .option('--no-snownlp', 'skip the SnowNLP baseline (no Python needed)')
    .action((options: EvalOptions) => {
      const args = [NLP_EVAL];
      if (options.data) args.push('--data', path.resolve(options.data));
      if (!options.snownlp) args.push('--no-snownlp');
      const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
      if (result.status !== 0) throw new Error(`evaluation failed (exit ${result.status ?? result.signal})`);
    });
}
