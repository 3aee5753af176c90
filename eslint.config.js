// Lint rules for the whole repository (STYLE habit 13: one command per gate).
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Command-line output and scripts print to the console on purpose.
    files: ['cli/**', 'bench/**', 'scripts/**', 'pipelines/nlp/training/**', 'deploy/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The Kafka port is the one door to Kafka (issue 10): stages get its own message type, so no
    // kafkajs type or call reaches the product's code. Tests and benches may use kafkajs's admin.
    files: ['packages/**/*.ts', 'pipelines/**/*.ts', 'services/**/*.ts', 'cli/**/*.ts', 'dashboard/**/*.{ts,tsx}'],
    ignores: ['packages/platform/src/kafka/**', '**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Use the KafkaPort of @liaowang/platform and its types.' }] }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
