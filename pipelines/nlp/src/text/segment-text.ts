import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

// R-ENR-1: jieba's own dictionary plus our domain dictionary (government / new-media terms),
// kept as a data file so it can grow without a code change. `__dirname` is src/text under
// ts-jest and dist/text after the build; both sit two levels below the package root.
export const DOMAIN_DICTIONARY_PATH = path.join(__dirname, '..', '..', 'data', 'dictionary-domain.txt');

let jieba: Jieba | undefined;

/** Lines of the domain dictionary without comments, in jieba's `word freq [tag]` format. */
export function readDomainDictionary(file = DOMAIN_DICTIONARY_PATH): string {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .join('\n');
}

function segmenter(): Jieba {
  if (!jieba) {
    const instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(readDomainDictionary(), 'utf8'));
    jieba = instance;
  }
  return jieba;
}

/** Every dictionary word inside a text, overlapping ones included (广西壮族 → 广西, 广西壮族, 壮族 …). */
export function dictionaryWords(text: string): string[] {
  return segmenter().cutAll(text);
}

// Spans the segmenter would break apart but that mean one thing: Weibo emoticon codes ([泪]),
// @mentions and the `//@` repost marker.
const SPECIAL = /\[[\u4e00-\u9fa5A-Za-z0-9]{1,8}\]|\/\/@|@[\u4e00-\u9fa5A-Za-z0-9_-]{1,20}/g;

/**
 * Words of a normalised text (see `normalizeText`), whitespace dropped. Emoticon codes,
 * @mentions and emoji come out as single tokens.
 */
export function segment(normalized: string): string[] {
  const cutter = segmenter();
  const tokens: string[] = [];
  const push = (piece: string): void => {
    if (!piece) return;
    for (const word of cutter.cut(piece, true)) if (word.trim() !== '') tokens.push(word);
  };
  let last = 0;
  for (const match of normalized.matchAll(SPECIAL)) {
    push(normalized.slice(last, match.index));
    tokens.push(match[0]);
    last = match.index! + match[0].length;
  }
  push(normalized.slice(last));
  return tokens;
}
