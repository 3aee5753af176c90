import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CATEGORY_IDS } from '@liaowang/contract';
import { loadTermLists, TERMS_DIR_ENV, termsDirsFromEnv } from './term-list.loader';

describe('loadTermLists', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'liaowang-terms-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('ships a non-empty list for each of the nine categories', () => {
    const lists = loadTermLists([]);
    expect(Object.keys(lists).sort()).toEqual([...CATEGORY_IDS].sort());
    for (const id of CATEGORY_IDS) expect(lists[id].terms.length + lists[id].patterns.length).toBeGreaterThan(0);
  });

  it('adds the entries of an extra directory to the built-in ones', () => {
    writeFileSync(path.join(dir, 'illicit_marketing.txt'), '# local additions\n代购茅台\n/秒杀.{0,3}名额/ 秒杀名额\n');
    writeFileSync(path.join(dir, 'notes.md'), 'not a term file');
    const builtIn = loadTermLists([]);
    const lists = loadTermLists([dir]);
    expect(lists.illicit_marketing.terms).toEqual([...builtIn.illicit_marketing.terms, '代购茅台']);
    expect(lists.illicit_marketing.patterns.map((p) => p.label)).toContain('秒杀名额');
    expect(lists.public_morality).toEqual(builtIn.public_morality);
  });

  it('refuses a term file that names no category, and a missing directory', () => {
    writeFileSync(path.join(dir, 'gambling.txt'), '赌博\n');
    expect(() => loadTermLists([dir])).toThrow(/unknown category "gambling"/);
    expect(() => loadTermLists([path.join(dir, 'missing')])).toThrow(/does not exist/);
  });

  it('reads extra directories from the environment', () => {
    expect(termsDirsFromEnv({})).toEqual([]);
    expect(termsDirsFromEnv({ [TERMS_DIR_ENV]: ` a${path.delimiter}b ` })).toEqual(['a', 'b']);
  });
});
