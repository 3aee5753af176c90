import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findSecrets, looksLikeSecretValue } from './secret-detector';

// Samples are assembled at run time, so this file holds no secret-shaped literal itself.
const join2 = (...parts: string[]) => parts.join('');
const samples = {
  privateKey: join2('-----BEGIN ', 'RSA PRIVATE', ' KEY-----\nMIIEow...'),
  openSshKey: join2('-----BEGIN OPENSSH ', 'PRIVATE KEY-----'),
  jwt: join2('eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9', '.', 'c2lnbmF0dXJlLXBhcnQtaGVyZQ'),
  awsKey: join2('AKIA', 'IOSFODNN7ABCDEFG'),
  aliyunKey: join2('LTAI', '5tAbCdEfGhIjKlMn'),
  githubToken: join2('ghp_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'),
  password: join2('Pa55', 'w0rd!2026'),
  base64: join2('c2VjcmV0LXNl', 'Y3JldC1zZWNyZXQ0Mg'),
};

describe('findSecrets', () => {
  it.each([
    ['a private key block', samples.privateKey],
    ['an OpenSSH private key', samples.openSshKey],
    ['a JWT', `Authorization: Bearer ${samples.jwt}`],
    ['an AWS access key id', `aws_access_key_id = ${samples.awsKey}`],
    ['an Alibaba Cloud access key id', `const id = '${samples.aliyunKey}';`],
    ['a GitHub token', `GH=${samples.githubToken}`],
    ['a password literal in code', `const user = { username: 'admin', password: '${samples.password}' };`],
    ['a token literal in code', `const token = '${samples.base64}';`],
    ['a secret in an env file', `AUTH_TOKEN_SECRET=${samples.base64}`],
    ['a token in YAML', `  INTAKE_API_KEYS: ${samples.base64}`],
    ['a quoted JSON secret', `{ "apiKey": "${samples.base64}" }`],
  ])('finds %s', (_what, text) => {
    expect(findSecrets(text, text.startsWith('const') ? 'users.ts' : 'local.env')).not.toEqual([]);
  });

  it('names the line and the rule', () => {
    expect(findSecrets(`first\nsecond ${samples.awsKey}`)).toEqual([
      { line: 2, rule: 'AWS access key id', excerpt: `second ${samples.awsKey}` },
    ]);
  });

  it.each([
    ['a compose placeholder', 'AUTH_TOKEN_SECRET: ${AUTH_TOKEN_SECRET:?set AUTH_TOKEN_SECRET (at least 32 characters)}'],
    ['an empty default', 'SEED_PASSWORD: ${SEED_PASSWORD:-}'],
    ['an empty value', 'SEED_PASSWORD='],
    ['change-me', "password: 'change-me'"],
    ['a value built at run time', 'AUTH_TOKEN_SECRET=${secret(48)}'],
    ['a variable', 'const token = response.token;'],
    ['a call', 'password: hashPassword(input),'],
    ['an environment read', 'secret: process.env.AUTH_TOKEN_SECRET,'],
    ['a shell expansion', 'SEED_PASSWORD=$(head -c 12 /dev/urandom | base64)'],
    ['a test stand-in made of words', "password: 'not-the-password'"],
    ['a test stand-in with a year', "{ password: 'a-new-password-2025' }"],
    ['a setting name in prose', '| `AUTH_TOKEN_SECRET` | — (required) | Secret that signs session tokens |'],
    ['a type', 'passwordHash: string;'],
  ])('lets %s pass', (_what, text) => {
    expect(findSecrets(text, /^(const|password|secret|\{)/.test(text) ? 'users.ts' : 'docker-compose.yml')).toEqual([]);
  });
});

describe('looksLikeSecretValue', () => {
  it('tells credentials from words', () => {
    expect(looksLikeSecretValue(samples.password)).toBe(true);
    expect(looksLikeSecretValue(samples.base64)).toBe(true);
    expect(looksLikeSecretValue('wrong-password')).toBe(false);
    expect(looksLikeSecretValue('short1A!')).toBe(true);
    expect(looksLikeSecretValue('Ab1!')).toBe(false);
  });
});

describe('the files in git', () => {
  const root = join(__dirname, '..');
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);

  it('hold no secret-looking value', () => {
    const findings: string[] = [];
    for (const file of files) {
      const path = join(root, file);
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        continue; // deleted in the working tree, not yet in a commit
      }
      if (size > 4 * 1024 * 1024) continue; // trained model weights, not text anyone writes
      const buffer = readFileSync(path);
      if (buffer.includes(0)) continue; // binary
      for (const f of findSecrets(buffer.toString('utf8'), file)) findings.push(`${file}:${f.line} ${f.rule}: ${f.excerpt}`);
    }
    expect(findings).toEqual([]);
  });
});
