import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { register } from './enrich.command';

describe('liaowang enrich', () => {
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  afterEach(() => {
    Object.defineProperty(process, 'stdin', stdin);
    jest.restoreAllMocks();
  });

  async function runCommand(input: string, args: string[] = []): Promise<{ out: string[]; err: string }> {
    Object.defineProperty(process, 'stdin', { value: Readable.from([input]), configurable: true });
    const out: string[] = [];
    let err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err += String(chunk)).length > 0);
    const program = new Command('liaowang').exitOverride();
    register(program);
    await program.parseAsync(['node', 'liaowang', 'enrich', ...args]);
    return { out: out.join('').split('\n').filter(Boolean), err };
  }

  it('answers each stdin line on stdout and reports the counts on stderr', async () => {
    const { out, err } = await runCommand('{"id":"1","text":"赌博网站，电话13812345678"}\nnot json\n');
    expect(out).toHaveLength(2);
    expect(JSON.parse(out[0])).toMatchObject({
      id: '1',
      categories: [{ id: 'public_morality', reasons: ['term:赌博'] }],
      pii: [{ type: 'phone', start: 7, end: 18 }],
      masked: '赌博网站，电话138****5678',
    });
    expect(JSON.parse(out[1])).toMatchObject({ line: 2, error: expect.stringMatching(/^invalid JSON/) });
    expect(err).toBe('enrich: 2 lines, 1 errors\n');
  });

  it('stays quiet on stderr with --no-summary', async () => {
    const { err } = await runCommand('{"id":"1","text":"x"}\n', ['--no-summary']);
    expect(err).toBe('');
  });

  it('adds the term files of --terms-dir to the built-in lists', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'liaowang-terms-'));
    try {
      writeFileSync(path.join(dir, 'other_unlawful.txt'), '非法集资\n');
      const { out } = await runCommand('{"id":"1","text":"有人在搞非法集資"}\n', ['--terms-dir', dir]);
      expect(JSON.parse(out[0]).categories).toEqual([{ id: 'other_unlawful', reasons: ['term:非法集资'] }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
