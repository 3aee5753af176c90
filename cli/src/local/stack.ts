import { spawnSync } from 'node:child_process';
import { STACK_SCRIPT } from './repo-paths';

/** Runs deploy/local/stack.sh (Kafka + Elasticsearch from Maven Central artifacts). */
export function stack(command: 'up' | 'down' | 'status'): void {
  const result = spawnSync('bash', [STACK_SCRIPT, command], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`local stack '${command}' failed (exit ${result.status})`);
}

/** Prints the servers' status lines; answers the script's exit code (3: one is down or unhealthy). */
export function stackStatus(): number {
  const result = spawnSync('bash', [STACK_SCRIPT, 'status'], { stdio: 'inherit' });
  return result.status ?? 1;
}
