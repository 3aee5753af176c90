// Finds secret-looking values in text (issue 7, R-SEC-3): every secret comes from the
// environment or a file, so a literal one in a tracked file is a mistake.

export interface SecretFinding {
  line: number;
  rule: string;
  excerpt: string;
}

// Values that are shaped like a credential whatever name they are assigned to.
const SHAPES: Array<[rule: string, pattern: RegExp]> = [
  ['private key block', /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/],
  ['JWT', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['Alibaba Cloud access key id', /\bLTAI[0-9A-Za-z]{12,20}\b/],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
];

// `name = value`, `name: value`, `"name": "value"` where the name says it holds a secret.
const ASSIGNMENT =
  /([A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)[A-Za-z0-9_]*)["']?\s*[:=]\s*(["'`]?)([^"'`\s,;)}]*)\2/gi;

// Said plainly as stand-ins: nobody would use these as the real thing.
const PLACEHOLDER = /^$|^\$|\$\{|^<.*>$|change-?me|example|placeholder|dummy|redacted|x{4,}|\*{3,}|^(?:true|false|null|undefined|none|required|optional)$/i;

/**
 * A literal that looks like a credential rather than a word: at least 8 characters, no spaces,
 * and either three of the four kinds (lower, upper, digit, symbol) or a long run of base64/hex.
 * Test stand-ins such as `not-the-password` (words and dashes) pass.
 */
export function looksLikeSecretValue(value: string): boolean {
  if (value.length < 8 || PLACEHOLDER.test(value)) return false;
  // Lower-case words joined by dashes ("a-new-password-2025") are a person's stand-in.
  if (/^[a-z0-9]+(?:[-_][a-z0-9]+)+$/.test(value) && (value.match(/[a-z]{3,}/g) ?? []).length >= 2) return false;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((k) => k.test(value)).length;
  const randomRun = /^[A-Za-z0-9+/=_-]{20,}$/.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
  return kinds >= 3 || randomRun;
}

const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * Every secret-looking value in a text, by line. In code (`fileName` ending .ts, .js, …) only a
 * quoted value is a literal; elsewhere (env files, YAML, properties) an unquoted one is too.
 */
export function findSecrets(text: string, fileName = ''): SecretFinding[] {
  const code = CODE_FILE.test(fileName);
  const findings: SecretFinding[] = [];
  text.split('\n').forEach((content, i) => {
    const excerpt = content.trim().slice(0, 120);
    for (const [rule, pattern] of SHAPES) if (pattern.test(content)) findings.push({ line: i + 1, rule, excerpt });
    for (const match of content.matchAll(ASSIGNMENT)) {
      const [, , quote, value] = match;
      // In code an unquoted value is a variable or a call, built at run time.
      const literal = quote !== '' || (!code && /^\s*[A-Za-z0-9_.-]+\s*[:=]/.test(content));
      if (literal && looksLikeSecretValue(value)) findings.push({ line: i + 1, rule: 'secret assigned a literal', excerpt });
    }
  });
  return findings;
}
