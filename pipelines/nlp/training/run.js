#!/usr/bin/env node
// Builds the NLP package and this training kit (tsc -b), then runs one of its entry points:
//   node pipelines/nlp/training/run.js train [--data <dir>]   → writes pipelines/nlp/models/*.model.json
//   node pipelines/nlp/training/run.js evaluate [--data <dir>] [--no-snownlp]
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const entries = { train: 'train-models.js', evaluate: 'evaluate-models.js' };
const [command, ...args] = process.argv.slice(2);
if (!entries[command]) {
  process.stderr.write(`usage: run.js ${Object.keys(entries).join('|')} [options]\n`);
  process.exit(2);
}
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', __dirname], { stdio: 'inherit' });
process.argv = [process.argv[0], path.join(__dirname, 'dist', entries[command]), ...args];
require(process.argv[1]);
