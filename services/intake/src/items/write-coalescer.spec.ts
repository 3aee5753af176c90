import { WriteCoalescer } from './write-coalescer';

describe(WriteCoalescer.name, () => {
  it('runs what arrives during a call as one next call, in order, and answers each caller its own results', async () => {
    const calls: number[][] = [];
    let release!: () => void;
    const coalescer = new WriteCoalescer<number, number>(async (items) => {
      calls.push(items);
      if (calls.length === 1) await new Promise<void>((r) => (release = r));
      return items.map((n) => n * 10);
    });
    const first = coalescer.submit([1]);
    const second = coalescer.submit([2, 3]);
    const third = coalescer.submit([4]);
    release();
    expect(await Promise.all([first, second, third])).toEqual([[10], [20, 30], [40]]);
    expect(calls).toEqual([[1], [2, 3, 4]]);
  });

  it('fails every caller of a failed call, and goes on with the next', async () => {
    let fail = true;
    const coalescer = new WriteCoalescer<number, number>(async (items) => {
      if (fail) {
        fail = false;
        throw new Error('broker down');
      }
      return items;
    });
    const failed = coalescer.submit([1]);
    await expect(failed).rejects.toThrow('broker down');
    expect(await coalescer.submit([2])).toEqual([2]);
  });
});
