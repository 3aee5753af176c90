import { resolve } from 'node:path';

/** Where the local run keeps its state: git-ignored, under the repository root. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const DATA_DIR = process.env.LIAOWANG_DATA_DIR ?? resolve(REPO_ROOT, '.data');
export const RUN_DIR = resolve(DATA_DIR, 'run');
export const LOG_DIR = resolve(DATA_DIR, 'logs');
export const LOCAL_ENV_FILE = resolve(DATA_DIR, 'local.env');
export const STACK_SCRIPT = resolve(REPO_ROOT, 'deploy', 'local', 'stack.sh');
