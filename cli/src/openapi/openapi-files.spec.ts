import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../local/repo-paths';
import { renderOpenApiFiles } from './openapi-files';

// STYLE habit 12: the committed documents are what the code generates, so CI (which runs the
// unit tests) fails on a route, role or schema change that was not regenerated.
describe('committed OpenAPI documents', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await renderOpenApiFiles();
  });

  it('covers every HTTP service', () => {
    expect(Object.keys(files).sort()).toEqual(['docs/openapi/api.json', 'docs/openapi/intake.json']);
  });

  it.each(['api', 'intake'])('docs/openapi/%s.json is what the code generates', (service) => {
    const path = `docs/openapi/${service}.json`;
    const committed = existsSync(resolve(REPO_ROOT, path)) ? readFileSync(resolve(REPO_ROOT, path), 'utf8') : '';
    if (committed !== files[path]) throw new Error(`${path} is stale: run npm run openapi`);
  });
});
