import { exitCodeFor, summaryLine } from './import-summary';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RejectFile, rejectLine } from './reject-file';
import { progressLine } from './import-progress';

describe('import summary', () => {
  it('is one line with the three counts', () => {
    expect(summaryLine({ accepted: 3, rejected: 2, duplicate: 1 })).toBe('accepted 3, rejected 2, duplicate 1');
  });

  it('exits non-zero only when nothing was accepted or already there', () => {
    expect(exitCodeFor({ accepted: 0, rejected: 5, duplicate: 0 })).toBe(1);
    expect(exitCodeFor({ accepted: 0, rejected: 0, duplicate: 0 })).toBe(1);
    expect(exitCodeFor({ accepted: 0, rejected: 5, duplicate: 1 })).toBe(0);
    expect(exitCodeFor({ accepted: 1, rejected: 5, duplicate: 0 })).toBe(0);
  });

  it('writes a reject as JSON naming the line, the fields and the reason', () => {
    const line = rejectLine({ line: 7, lastLine: 7, problems: [{ field: 'author.name', reason: 'Required' }, { field: 'text', reason: 'too long' }] });
    expect(JSON.parse(line)).toEqual({ line: 7, fields: ['author.name', 'text'], reason: 'author.name: Required; text: too long' });
    expect(JSON.parse(rejectLine({ line: 3, lastLine: 5, problems: [{ field: 'record', reason: 'x' }] }))).toMatchObject({ line: 3, lastLine: 5 });
  });

  it('prints plain progress with rate and time left', () => {
    expect(progressLine({ bytesRead: 250e6, entries: 100_000 }, 1000e6, 5_000)).toBe('import: 25 % (250 of 1000 MB), 100,000 lines, 20,000 lines/s, 15 s left');
  });
});

describe(RejectFile.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rejects-spec-'));

  it('holds this run’s rejects only, and is not left behind when there are none', async () => {
    const path = join(dir, 'x.rejects.jsonl');
    const first = new RejectFile(path);
    await first.write({ line: 2, problems: [{ field: 'text', reason: 'Required' }] });
    await first.close();
    expect(readFileSync(path, 'utf8')).toBe('{"line":2,"fields":["text"],"reason":"text: Required"}\n');
    await new RejectFile(path).close();
    expect(existsSync(path)).toBe(false);
  });
});
