import { PassThrough, Readable, Writable } from 'node:stream';
import type { Enrichment } from '@liaowang/contract';
import type { Enricher } from '../enricher';
import { enrichJsonl } from './enrich-jsonl.stream';

// The stream's job is framing and ordering; a tiny stand-in enricher keeps that in focus.
const enricher: Enricher = {
  enrich: (text): Enrichment => ({
    normalized: text,
    tokens: [],
    sentiment: { label: 'neutral', score: 0.5 },
    rumor: { score: 0, reasons: [] },
    categories: [],
    pii: text.includes('13812345678')
      ? [{ type: 'phone', start: text.indexOf('138'), end: text.indexOf('138') + 11 }]
      : [],
    masked: text.replace('13812345678', '138****5678'),
    fingerprint: '0000000000000000',
    modelVersion: 'test',
  }),
};

async function run(input: string | string[]): Promise<Array<Record<string, unknown>>> {
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  await enrichJsonl(Readable.from(Array.isArray(input) ? input : [input]), output, enricher);
  return chunks
    .join('')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('enrichJsonl', () => {
  it('answers every input line exactly once, in order, with errors in place', async () => {
    const input = [
      '{"id":"a","text":"电话13812345678"}',
      '{"id":"b","text":',
      '{"id":"c"}',
      '',
      '{"text":"no id"}',
      '[1,2]',
      '{"id":7,"text":"数字 id","extra":true}',
      '{"id":"d","text":42}',
      '{"id":{},"text":"x"}',
      '   ',
      '{"id":"e","text":""}',
    ].join('\n');
    const out = await run(input + '\n');
    expect(out).toHaveLength(11);
    expect(out[0]).toMatchObject({ id: 'a', masked: '电话138****5678', pii: [{ type: 'phone', start: 2, end: 13 }] });
    expect(Object.keys(out[0]).slice(0, 6)).toEqual(['id', 'sentiment', 'rumor', 'categories', 'pii', 'masked']);
    // The added field: a stand-in enricher that gives no level still gets one derived from its score.
    expect(out[0]).toMatchObject({ rumor: { score: 0, reasons: [], level: 'low' } });
    expect(out[1]).toEqual({ line: 2, error: expect.stringMatching(/^invalid JSON/) });
    expect(out[2]).toEqual({ id: 'c', line: 3, error: 'missing text' });
    expect(out[3]).toEqual({ line: 4, error: 'blank line' });
    expect(out[4]).toEqual({ line: 5, error: 'missing id' });
    expect(out[5]).toEqual({ line: 6, error: 'not a JSON object' });
    expect(out[6]).toMatchObject({ id: 7, masked: '数字 id' });
    expect(out[7]).toEqual({ id: 'd', line: 8, error: 'text must be a string' });
    expect(out[8]).toEqual({ line: 9, error: expect.stringMatching(/^id must be/) });
    expect(out[9]).toEqual({ line: 10, error: 'blank line' });
    expect(out[10]).toMatchObject({ id: 'e', masked: '' });
  });

  it('handles CRLF, a byte-order mark, a last line without newline and lines split across chunks', async () => {
    const out = await run(['\uFEFF{"id":"a","te', 'xt":"x"}\r\n{"id":"b",', '"text":"y"}']);
    expect(out.map((o) => o.id)).toEqual(['a', 'b']);
    expect(out.every((o) => !('error' in o))).toBe(true);
  });

  it('keeps Unicode line separators inside a line and lone surrogates as escapes', async () => {
    const out = await run('{"id":"u","text":"a\u2028b\\ud800"}\n');
    expect(out).toHaveLength(1);
    expect(out[0].masked).toBe('a\u2028b\ud800');
  });

  it('produces nothing for empty input', async () => {
    expect(await run('')).toEqual([]);
  });

  it('waits for a slow consumer instead of buffering everything', async () => {
    const input = new PassThrough();
    const output = new Writable({ highWaterMark: 256, write: (_chunk, _enc, done) => setImmediate(done) });
    let maxBuffered = 0;
    const write = output.write.bind(output);
    output.write = ((chunk: string) => {
      const ok = write(chunk);
      maxBuffered = Math.max(maxBuffered, output.writableLength);
      return ok;
    }) as typeof output.write;
    const done = enrichJsonl(input, output, enricher);
    for (let i = 0; i < 500; i++) input.write(`{"id":${i},"text":"t"}\n`);
    input.end();
    expect(await done).toEqual({ lines: 500, errors: 0 });
    // One output line is ~200 bytes: at most the high-water mark plus the line that crossed it.
    expect(maxBuffered).toBeLessThan(256 + 400);
  });
});
