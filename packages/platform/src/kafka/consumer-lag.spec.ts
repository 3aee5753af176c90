import { partitionLags } from './consumer-lag';

describe('consumer lag of a partition', () => {
  const offsets = [
    { partition: 1, high: '120', low: '0' },
    { partition: 0, high: '100', low: '40' },
  ];

  it('is the high watermark minus the committed offset, by partition', () => {
    expect(partitionLags('g', 't', offsets, [{ partition: 0, offset: '90' }, { partition: 1, offset: '120' }], true)).toEqual([
      { groupId: 'g', topic: 't', partition: 0, lag: 10 },
      { groupId: 'g', topic: 't', partition: 1, lag: 0 },
    ]);
  });

  it('counts all retained messages when nothing is committed and the group reads from the beginning, none when from the end', () => {
    const none = [{ partition: 0, offset: '-1' }];
    expect(partitionLags('g', 't', offsets, none, true).map((r) => r.lag)).toEqual([60, 120]);
    expect(partitionLags('g', 't', offsets, none, false).map((r) => r.lag)).toEqual([0, 0]);
  });

  it('counts from the oldest retained offset when the committed one was deleted by retention', () => {
    expect(partitionLags('g', 't', offsets, [{ partition: 0, offset: '10' }], true)[0].lag).toBe(60);
  });

  it('never goes below zero (a commit seen before the watermark moved)', () => {
    expect(partitionLags('g', 't', [{ partition: 0, high: '5', low: '0' }], [{ partition: 0, offset: '7' }], true)[0].lag).toBe(0);
  });
});
