import { readFileSync } from 'node:fs';
import * as path from 'node:path';

// The labelled sets live outside the repository (see the eval README: some terms forbid
// redistribution). Default: `../shared/eval` next to the repository root; override with
// `--data <dir>` or LIAOWANG_EVAL_DATA (relative to the working directory).
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '..', 'shared', 'eval');

export interface LabelledRow {
  id: string;
  text: string;
  label: string;
}

export function resolveDataDir(argv: readonly string[]): string {
  const flag = argv.indexOf('--data');
  if (flag >= 0 && argv[flag + 1]) return path.resolve(argv[flag + 1]);
  if (process.env.LIAOWANG_EVAL_DATA) return path.resolve(process.env.LIAOWANG_EVAL_DATA);
  return DEFAULT_DATA_DIR;
}

export function readDataset(dataDir: string, name: string): LabelledRow[] {
  const file = path.join(dataDir, name, 'train.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledRow);
}
