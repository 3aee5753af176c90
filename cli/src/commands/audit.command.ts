import type { Command } from 'commander';
import { createElasticsearchClient, isElasticsearchReady, settingsShape, verifyAuditChain } from '@liaowang/platform';

// Exit codes a script can tell apart: the chain is whole, broken, or could not be read.
const WHOLE = 0;
const BROKEN = 1;
const UNREACHABLE = 2;

export function register(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit trail (R-SEC-6)');
  audit
    .command('verify')
    .description('walk the audit chain in Elasticsearch (ES_URL); exit 0 when whole, 1 when broken, 2 when unreachable')
    .action(async () => {
      process.exitCode = await verify();
    });
}

async function verify(): Promise<number> {
  const url = settingsShape.ES_URL.safeParse(process.env.ES_URL);
  if (!url.success) {
    console.error(`ES_URL: ${url.error.issues[0]?.message ?? 'invalid'}`);
    return UNREACHABLE;
  }
  const es = createElasticsearchClient(url.data);
  try {
    if (!(await isElasticsearchReady(es))) {
      console.error(`audit chain not checked: Elasticsearch at ${url.data} cannot be reached`);
      return UNREACHABLE;
    }
    const verdict = await verifyAuditChain(es);
    if (verdict.ok) {
      console.log(`audit chain whole: ${verdict.records} records`);
      return WHOLE;
    }
    console.log(`audit chain broken at seq ${verdict.firstBrokenSeq}: ${verdict.reason}`);
    return BROKEN;
  } catch (error) {
    console.error(`audit chain not checked: ${error instanceof Error ? error.message : String(error)}`);
    return UNREACHABLE;
  } finally {
    await es.close();
  }
}
