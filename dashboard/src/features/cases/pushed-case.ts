/** What to do with a `cases:updated` for the open case. */
export type PushedCaseVerdict = 'ignore' | 'apply' | 'stale';

/**
 * A push no newer than our copy changes nothing. A newer one replaces the case, unless a form
 * holds input: then our copy is stale and the user is asked to reload, instead of the case
 * changing under the form. While our own write is on its way, the newer version is ours (it is
 * often pushed back before the write answers), so it is applied, not reported as someone else's.
 */
export function judgePushedCase(mine: number | undefined, pushed: number, formsWithInput: number, writesInFlight: number): PushedCaseVerdict {
  if (mine !== undefined && pushed <= mine) return 'ignore';
  if (mine !== undefined && formsWithInput > 0 && writesInFlight === 0) return 'stale';
  return 'apply';
}
