// Rewrites the permission table in docs/ARCHITECTURE.md from the contract (run after a build);
// packages/contract/src/permissions.spec.ts fails while the two differ.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { permissionTableMarkdown } = require('../packages/contract/dist');

const file = join(__dirname, '..', 'docs', 'ARCHITECTURE.md');
const pattern = /(<!-- permission-table:start -->\n)[\s\S]*?(<!-- permission-table:end -->)/;
const text = readFileSync(file, 'utf8');
if (!pattern.test(text)) throw new Error('docs/ARCHITECTURE.md has no permission-table markers');
writeFileSync(file, text.replace(pattern, `$1${permissionTableMarkdown()}\n$2`));
