import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsShape } from './settings.schema';

// R-OPS-3: one table documents every setting; this keeps the README's table true.
describe('README settings table', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

  it.each(Object.keys(settingsShape))('documents %s', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });
});
