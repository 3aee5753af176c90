import { createLogger } from '@liaowang/platform';
import { RuleBook, RulesNotLoadedError, ruleSignature } from './rule-book';

const stored = (id: string, version: number, match: Record<string, unknown> = { keywords: '停水' }) => ({
  id,
  version,
  name: `规则${id}`,
  severity: 'high',
  enabled: true,
  match,
  repeatMinutes: 30,
  createdAt: '2026-11-30T00:00:00.000Z',
  createdBy: 'duty',
  updatedAt: '2026-11-30T00:00:00.000Z',
  updatedBy: 'duty',
});

const logger = createLogger('test', 'silent');

function bookOver(initial: unknown[]) {
  const state = { docs: initial, reads: 0, fail: false };
  const book = new RuleBook(async () => {
    state.reads++;
    if (state.fail) throw new Error('connect ECONNREFUSED');
    return state.docs;
  }, logger);
  return { book, state };
}

describe(RuleBook.name, () => {
  it('refuses to answer before the first load, so no item is judged against no rules', async () => {
    const { book, state } = bookOver([stored('a', 1)]);
    state.fail = true;
    await book.reload();
    expect(() => book.rules()).toThrow(RulesNotLoadedError);
    state.fail = false;
    await book.reload();
    expect(book.rules().map((r) => r.rule.id)).toEqual(['a']);
  });

  it('recompiles only when the id@version set changed', async () => {
    const { book, state } = bookOver([stored('a', 1), stored('b', 1)]);
    expect(await book.reload()).toBe(true);
    const first = book.rules();
    expect(await book.reload()).toBe(false);
    expect(book.rules()).toBe(first);
    state.docs = [stored('a', 2, { keywords: '停电' }), stored('b', 1)];
    expect(await book.reload()).toBe(true);
    expect(book.rules().find((r) => r.rule.id === 'a')?.rule.version).toBe(2);
    state.docs = [stored('b', 1)];
    expect(await book.reload()).toBe(true);
    expect(book.rules().map((r) => r.rule.id)).toEqual(['b']);
  });

  it('skips a rule that does not compile or validate, and keeps the others', async () => {
    const { book } = bookOver([stored('bad', 1, { keywords: '(停水 AND' }), stored('odd', 1, { nothing: 1 }), stored('good', 1)]);
    await book.reload();
    expect(book.rules().map((r) => r.rule.id)).toEqual(['good']);
  });

  it('keeps the last good rules while the index cannot be read', async () => {
    const { book, state } = bookOver([stored('a', 1)]);
    await book.reload();
    state.fail = true;
    state.docs = [];
    expect(await book.reload()).toBe(false);
    expect(book.rules().map((r) => r.rule.id)).toEqual(['a']);
  });

  it('signs a rule set independently of its order', () => {
    expect(ruleSignature([stored('b', 2), stored('a', 1)])).toBe(ruleSignature([stored('a', 1), stored('b', 2)]));
    expect(ruleSignature([stored('a', 1)])).not.toBe(ruleSignature([stored('a', 2)]));
  });
});
