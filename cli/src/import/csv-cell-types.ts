import type { FieldProblem } from './source-entry';

// zod's words for a string where the schema wants a number.
const WANTS_NUMBER = /^expected number, received string$/i;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * CSV cells are all strings; where the kind's schema said a field wants a number (a follower
 * count) and the cell reads as one, the payload with that cell as a number, to be validated
 * again. Undefined when there is no such cell: the schema decides, the import keeps no copy of it.
 */
export function withNumericCells(payload: unknown, problems: readonly FieldProblem[]): unknown {
  let changed = false;
  const copy = structuredClone(payload) as Record<string, unknown>;
  for (const problem of problems) {
    if (!WANTS_NUMBER.test(problem.reason)) continue;
    const path = problem.field.split('.');
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), copy);
    const key = path[path.length - 1];
    if (typeof parent !== 'object' || parent === null) continue;
    const cell = (parent as Record<string, unknown>)[key];
    if (typeof cell === 'string' && NUMERIC.test(cell.trim())) {
      (parent as Record<string, unknown>)[key] = Number(cell);
      changed = true;
    }
  }
  return changed ? copy : undefined;
}
