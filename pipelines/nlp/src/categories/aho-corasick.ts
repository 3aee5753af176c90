/**
 * Aho–Corasick automaton over UTF-16 code units: finds every occurrence of every pattern in
 * one pass over the text, so the cost of category matching does not grow with the number of
 * terms an administrator adds (R-PERF-3).
 */
export class AhoCorasick<T> {
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Values of every pattern ending at a node, including those reached by failure links. */
  private readonly out: T[][] = [[]];

  constructor(patterns: ReadonlyArray<readonly [pattern: string, value: T]>) {
    for (const [pattern, value] of patterns) if (pattern.length > 0) this.insert(pattern, value);
    this.link();
  }

  /** Values of all patterns found in `text`, in order of where they end; repeats included. */
  search(text: string): T[] {
    const found: T[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let to = this.next[state].get(code);
      while (to === undefined && state !== 0) {
        state = this.fail[state];
        to = this.next[state].get(code);
      }
      state = to ?? 0;
      const values = this.out[state];
      for (let v = 0; v < values.length; v++) found.push(values[v]);
    }
    return found;
  }

  private insert(pattern: string, value: T): void {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let to = this.next[state].get(code);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[state].set(code, to);
      }
      state = to;
    }
    this.out[state].push(value);
  }

  // Breadth-first, so a node's failure target is always finished before the node itself.
  private link(): void {
    const queue: number[] = [...this.next[0].values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [code, to] of this.next[state]) {
        let f = this.fail[state];
        while (f !== 0 && !this.next[f].has(code)) f = this.fail[f];
        const target = this.next[f].get(code);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to] = [...this.out[to], ...this.out[this.fail[to]]];
        queue.push(to);
      }
    }
  }
}
