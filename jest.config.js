// One Jest configuration for the whole repository. Tiers are told apart by file suffix
// (STYLE habit 11): *.spec.ts pure logic, *.integration-spec.ts real Kafka + Elasticsearch,
// *.e2e-spec.ts over HTTP, Socket.IO and the browser. Workspace packages resolve to their
// sources, so tests need no build first.
const workspaces = {
  contract: 'packages/contract',
  platform: 'packages/platform',
  nlp: 'pipelines/nlp',
  stream: 'pipelines/stream',
  alerting: 'pipelines/alerting',
  intake: 'services/intake',
  api: 'services/api',
  cli: 'cli',
};

const moduleNameMapper = Object.fromEntries(
  Object.entries(workspaces).map(([name, dir]) => [`^@liaowang/${name}$`, `<rootDir>/${dir}/src/index.ts`]),
);

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
const common = { preset: undefined, testEnvironment: 'node', moduleNameMapper, transform, rootDir: __dirname };
const ignore = ['/node_modules/', '/dist/'];

module.exports = {
  // Integration tests wait for real servers; unit tests finish far sooner.
  testTimeout: 120_000,
  projects: [
    // Dashboard logic is plain TypeScript, so its specs run here too: one test runner.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.spec.ts'], testPathIgnorePatterns: ignore },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/*.integration-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ignore,
    },
  ],
};
