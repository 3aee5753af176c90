import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { CATEGORY_IDS, type CategoryId } from '@liaowang/contract';
import { mergeTermLists, parseTermList, TermListError, type TermList } from './term-list';

/** Term files shipped with the package. `__dirname` is src/categories or dist/categories. */
export const BUILTIN_TERMS_DIR = path.join(__dirname, '..', '..', 'data', 'categories');
/** Environment variable naming an extra directory of `<category-id>.txt` files (R-ENR-4). */
export const TERMS_DIR_ENV = 'LIAOWANG_TERMS_DIR';

export type TermLists = Record<CategoryId, TermList>;

const TERM_FILE = /\.txt$/;

/**
 * Term lists of all nine categories: the built-in files, then those of each extra
 * directory added on top, so administrators extend the lists without a code change.
 * A `.txt` file in an extra directory that names no category is an error (most likely a
 * typo that would otherwise silently do nothing).
 */
export function loadTermLists(extraDirs: readonly string[] = termsDirsFromEnv()): TermLists {
  const empty: TermList = { terms: [], patterns: [] };
  const lists = Object.fromEntries(CATEGORY_IDS.map((id) => [id, empty])) as TermLists;
  for (const [index, dir] of [BUILTIN_TERMS_DIR, ...extraDirs].entries()) {
    if (index > 0 && !existsSync(dir)) throw new TermListError(dir, 0, 'terms directory does not exist');
    for (const file of readdirSync(dir)
      .filter((f) => TERM_FILE.test(f))
      .sort()) {
      const id = file.replace(TERM_FILE, '');
      const source = path.join(dir, file);
      if (!(CATEGORY_IDS as readonly string[]).includes(id)) {
        throw new TermListError(source, 0, `unknown category "${id}" (expected one of ${CATEGORY_IDS.join(', ')})`);
      }
      const list = parseTermList(readFileSync(source, 'utf8'), source);
      lists[id as CategoryId] = mergeTermLists(lists[id as CategoryId], list);
    }
  }
  return lists;
}

/** Extra directories from the environment; several may be joined with the path delimiter. */
export function termsDirsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const value = env[TERMS_DIR_ENV]?.trim();
  return value ? value.split(path.delimiter).filter((d) => d !== '') : [];
}
