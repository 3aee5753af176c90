#!/usr/bin/env node
// Entry point of `npx liaowang`. Runs the compiled CLI; builds it first on a fresh clone.
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const main = path.join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
require(main);
