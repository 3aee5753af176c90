import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

// SnowNLP, the baseline most Chinese opinion-monitoring projects use, run on the same texts.
// Installed from PyPI into a venv under the git-ignored .data/ folder on first use.

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const VENV = path.join(REPO_ROOT, '.data', 'snownlp-venv');
const SCRIPT = path.join(REPO_ROOT, 'bench', 'nlp-eval-snownlp.py');

function python(): string {
  const bin = path.join(VENV, 'bin', 'python');
  if (!existsSync(bin)) {
    execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
    execFileSync(bin, ['-m', 'pip', 'install', '--quiet', 'snownlp==0.12.3'], { stdio: 'inherit' });
  }
  return bin;
}

/** SnowNLP `sentiments` (its P(positive)) for every text, in order. */
export function snowNlpPositiveProbabilities(texts: readonly string[]): number[] {
  const dir = path.join(REPO_ROOT, '.data', 'nlp-eval');
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, 'snownlp-input.jsonl');
  const output = path.join(dir, 'snownlp-output.txt');
  writeFileSync(input, texts.map((text) => JSON.stringify(text)).join('\n') + '\n');
  execFileSync(python(), [SCRIPT, input, output], { stdio: 'inherit' });
  const values = readFileSync(output, 'utf8').trim().split('\n').map(Number);
  if (values.length !== texts.length) throw new Error(`snownlp returned ${values.length} scores for ${texts.length} texts`);
  return values;
}
