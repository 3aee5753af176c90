import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Secrets for a local run, generated once per checkout into a git-ignored file with owner-only
 * permissions (R-SEC-3: no secret in code). Variables already set in the environment win.
 */
export function localEnvironment(file: string): Record<string, string> {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const secret = (n: number) => randomBytes(n).toString('base64url');
    const lines = [
      '# Generated for this checkout on its first local run or test run; delete it to rotate.',
      `AUTH_TOKEN_SECRET=${secret(48)}`,
      `SEED_PASSWORD=${secret(12)}`,
      `INTAKE_API_KEYS=${secret(24)}`,
    ];
    writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
  }
  const fromFile = parseEnvFile(readFileSync(file, 'utf8'));
  return Object.fromEntries(Object.entries(fromFile).map(([k, v]) => [k, process.env[k] ?? v]));
}

export function parseEnvFile(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()]);
  return Object.fromEntries(entries);
}
