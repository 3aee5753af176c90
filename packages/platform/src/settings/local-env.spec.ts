import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from './load-settings';
import { localEnvironment, parseEnvFile } from './local-env';

describe(localEnvironment.name, () => {
  it('generates valid secrets once, owner-only, and keeps them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lw-env-')), 'local.env');
    const first = localEnvironment(file);
    expect(() => loadSettings(first)).not.toThrow();
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(localEnvironment(file)).toEqual(first);
    expect(readFileSync(file, 'utf8')).toContain('AUTH_TOKEN_SECRET=');
  });

  it('parses comments, blanks and values with =', () => {
    expect(parseEnvFile('# c\n\nA=1\nB = x=y\n')).toEqual({ A: '1', B: 'x=y' });
  });
});
