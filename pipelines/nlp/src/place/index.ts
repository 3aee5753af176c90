export { resolvePlace, resolveRegion } from './resolve-place';
export { divisionTable } from './divisions';
export type { Division, DivisionTable } from './divisions';
