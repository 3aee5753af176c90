import { AUDIT_INDEX_NAME, itemsIndex, type AuditRecord } from '@liaowang/contract';
import { createElasticsearchClient, ensureIndex } from '@liaowang/platform';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { testSettings } from './support/test-settings';

// R-ENR-7: `liaowang migrate` brings templates, indices and aliases to the contract, and a
// second run changes nothing and says so.
const CLI = join(__dirname, '..', 'cli', 'bin', 'liaowang.js');
const settings = testSettings({ LOG_LEVEL: 'silent' });

function migrate(esUrl = settings.ES_URL) {
  const result = spawnSync(process.execPath, [CLI, 'migrate'], { env: { ...process.env, ES_URL: esUrl }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('liaowang migrate', () => {
  const es = createElasticsearchClient(settings.ES_URL);
  // A month no test writes to: an index of the items template that lost its alias.
  const orphan = `liaowang-items-1998.${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
  afterAll(async () => {
    await es.indices.delete({ index: orphan }, { ignore: [404] });
    await es.close();
  });

  it('is idempotent, and gives an index missing its alias the alias back', async () => {
    expect(migrate().code).toBe(0);
    const again = migrate();
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toMatch(/^no change: /m);

    await ensureIndex(es, orphan);
    await es.indices.deleteAlias({ index: orphan, name: itemsIndex.alias });
    const repaired = migrate();
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(new RegExp(`^alias\\.added +${orphan.replace(/\./g, '\\.')} +${itemsIndex.alias}$`, 'm'));
    expect(repaired.stdout).toMatch(/^1 change\(s\)$/m);
    const aliases = await es.indices.getAlias({ index: orphan });
    expect(Object.keys(aliases[orphan].aliases)).toContain(itemsIndex.alias);

    // The change is on the audit trail, as the machine's operator.
    await es.indices.refresh({ index: AUDIT_INDEX_NAME });
    const audit = await es.search<AuditRecord>({ index: AUDIT_INDEX_NAME, size: 1, sort: [{ seq: 'desc' }], query: { term: { action: 'indices.migrate' } } });
    expect(JSON.stringify(audit.hits.hits[0]?._source?.after)).toContain(orphan);

    expect(migrate().stdout).toMatch(/^no change: /m);
  });

  it('exits 5 and changes nothing when Elasticsearch cannot be reached', () => {
    const result = migrate('http://127.0.0.1:9');
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('cannot reach Elasticsearch');
  });
});
