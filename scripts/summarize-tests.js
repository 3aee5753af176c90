// Adds up the gate results and Jest's JSON reports into the one closing line CI reads: "N passed, N failed".
const { readFileSync, existsSync } = require('node:fs');

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    // A run that produced no report (crashed, or never started) counts as a failure.
    console.error(`no test report: ${file}`);
    failed += 1;
    continue;
  }
  if (file.endsWith('.txt')) {
    // Gate results, one `gate:<name>:<exit code>` per line.
    for (const [, name, code] of readFileSync(file, 'utf8').matchAll(/^gate:([\w-]+):(\d+)$/gm)) {
      if (code === '0') passed += 1;
      else {
        console.error(`gate failed: ${name}`);
        failed += 1;
      }
    }
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // Suites that failed to run (syntax error, failing beforeAll) have no failed tests of their own.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed')).length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
