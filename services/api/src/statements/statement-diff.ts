import { diffLines } from 'diff';
import type { StatementDiff, StatementDiffPart } from '@liaowang/contract';

/** A line diff between two versions of a statement's text, for the reviewer of the newer one. */
export function diffStatementTexts(from: { n: number; text: string }, to: { n: number; text: string }): StatementDiff {
  const parts: StatementDiffPart[] = diffLines(withFinalNewline(from.text), withFinalNewline(to.text)).map(
    (change) => ({
      op: change.added ? 'added' : change.removed ? 'removed' : 'same',
      lines: change.value.replace(/\n$/, '').split('\n'),
    }),
  );
  const count = (op: StatementDiffPart['op']) =>
    parts.filter((p) => p.op === op).reduce((sum, p) => sum + p.lines.length, 0);
  return { from: from.n, to: to.n, parts, added: count('added'), removed: count('removed') };
}

// Without it, a changed last line and an added line after it read as one change.
function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
