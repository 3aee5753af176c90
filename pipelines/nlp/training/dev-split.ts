import { normalizeText } from '@liaowang/nlp';
import type { LabelledRow } from './eval-data';
import { seededRandom, shuffle } from './seeded-random';

// Our own dev split of each train.jsonl: fixed seed, stratified by label, and by groups of
// near-duplicates, so a `//@` repost of a post never lands on the other side from the post
// (smp2020 virus is full of them; a straddling pair would inflate dev figures).

export const SPLIT_SEED = 20240601;
export const DEV_FRACTION = 0.2;
const MIN_KEY_CHARS = 10;
const EDGE_CHARS = 20;

// Letters, digits and CJK only: punctuation, emoticon brackets and spacing vary between copies.
function skeleton(text: string): string {
  return text.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
}

/** Keys two near-duplicate posts share: each repost-chain segment, and the text's first and last characters. */
export function duplicateKeys(text: string): string[] {
  const normalized = normalizeText(text);
  const keys: string[] = [];
  for (const segment of normalized.split(/\/\/@[^:]{0,30}:/)) {
    const core = skeleton(segment.replace(/@\S+/g, ''));
    if (core.length >= MIN_KEY_CHARS) keys.push(`seg:${core}`);
  }
  const whole = skeleton(normalized.replace(/@\S+/g, ''));
  if (whole.length >= EDGE_CHARS) keys.push(`head:${whole.slice(0, EDGE_CHARS)}`, `tail:${whole.slice(-EDGE_CHARS)}`);
  return keys;
}

/** Group index of every row: rows sharing any key, directly or through others, form one group. */
export function nearDuplicateGroups(rows: readonly LabelledRow[]): number[] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const owner = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const key of duplicateKeys(row.text)) {
      const seen = owner.get(key);
      if (seen === undefined) owner.set(key, i);
      else parent[find(i)] = find(seen);
    }
  });
  return rows.map((_, i) => find(i));
}

/**
 * Assigns whole groups to `parts` buckets, per label (the label of a group's first row),
 * filling each bucket to its share of rows. Returns the bucket of every row.
 */
export function groupedStratifiedAssign(rows: readonly LabelledRow[], shares: readonly number[], seed: number): number[] {
  const groups = nearDuplicateGroups(rows);
  const members = new Map<number, number[]>();
  groups.forEach((group, i) => {
    const list = members.get(group) ?? [];
    list.push(i);
    members.set(group, list);
  });
  const byLabel = new Map<string, number[][]>();
  for (const list of members.values()) {
    const label = rows[list[0]].label;
    byLabel.set(label, [...(byLabel.get(label) ?? []), list]);
  }
  const random = seededRandom(seed);
  const bucket = new Array<number>(rows.length).fill(shares.length - 1);
  for (const label of [...byLabel.keys()].sort()) {
    const lists = shuffle(byLabel.get(label)!, random);
    const total = lists.reduce((sum, list) => sum + list.length, 0);
    let part = 0;
    let filled = 0;
    let limit = shares[0] * total;
    for (const list of lists) {
      while (part < shares.length - 1 && filled >= limit) limit += shares[++part] * total;
      for (const i of list) bucket[i] = part;
      filled += list.length;
    }
  }
  return bucket;
}

export interface DevSplit {
  train: LabelledRow[];
  dev: LabelledRow[];
}

/** The fixed train/dev split used by training (fits on `train`) and evaluation (scores `dev`). */
export function devSplit(rows: readonly LabelledRow[], seed = SPLIT_SEED): DevSplit {
  const bucket = groupedStratifiedAssign(rows, [DEV_FRACTION, 1 - DEV_FRACTION], seed);
  return { dev: rows.filter((_, i) => bucket[i] === 0), train: rows.filter((_, i) => bucket[i] === 1) };
}

/** Grouped, stratified cross-validation folds of a training set: the fold of every row. */
export function crossValidationFolds(rows: readonly LabelledRow[], folds: number, seed: number): number[] {
  return groupedStratifiedAssign(rows, new Array<number>(folds).fill(1 / folds), seed);
}
