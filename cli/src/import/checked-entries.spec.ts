import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLOCK_ENTRIES, checkedEntries, type CheckedChunk, type CheckOptions } from './checked-entries';

describe('checkedEntries shared by threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'checked-spec-'));
  const all = async (chunks: AsyncIterable<CheckedChunk>) => {
    const out: CheckedChunk[] = [];
    for await (const chunk of chunks) out.push(chunk);
    return out;
  };
  const line = (n: number) =>
    n % 7 === 3 ? '{"broken' : JSON.stringify({ sourceId: `s${n}`, platform: 'weibo', author: { id: 'u', name: '甲' }, text: `第${n}条`, publishedAt: '2026-11-30T10:00:00+08:00' });

  it('gives each thread whole blocks of its share, which taken in turn are the entries of the file in order', async () => {
    const path = join(dir, 'shared.jsonl');
    // Blank lines are not entries: they must not shift the blocks.
    writeFileSync(path, Array.from({ length: 2 * BLOCK_ENTRIES + 345 }, (_, n) => (n % 100 === 50 ? `\n${line(n)}` : line(n))).join('\n'));
    const options: CheckOptions = { path, format: 'jsonl' };
    const whole = (await all(checkedEntries(options))).flatMap((chunk) => chunk.entries);
    const [first, second] = await Promise.all([all(checkedEntries(options, { index: 0, of: 2 })), all(checkedEntries(options, { index: 1, of: 2 }))]);
    expect(first.map((c) => c.block)).toEqual([0, 2]);
    expect(second.map((c) => c.block)).toEqual([1]);
    const merged = [first[0], second[0], first[1]].flatMap((chunk) => chunk.entries);
    expect(merged.map((e) => e.line)).toEqual(whole.map((e) => e.line));
    expect(merged.map((e) => ('id' in e ? e.id : 'refused'))).toEqual(whole.map((e) => ('id' in e ? e.id : 'refused')));
    expect(whole).toHaveLength(2 * BLOCK_ENTRIES + 345);
  });
});
