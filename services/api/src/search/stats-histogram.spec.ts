import { volumeHistogram } from './stats-histogram';

describe('volumeHistogram', () => {
  it('buckets by the calendar in Asia/Shanghai from an hour up, and writes the +08:00 offset', () => {
    expect(volumeHistogram({ interval: 'day' })).toMatchObject({
      field: 'publishedAt',
      calendar_interval: 'day',
      time_zone: 'Asia/Shanghai',
      format: "yyyy-MM-dd'T'HH:mm:ssXXX",
      min_doc_count: 0,
    });
  });

  it('uses fixed widths for minutes', () => {
    expect(volumeHistogram({ interval: '10m' })).toMatchObject({ fixed_interval: '10m' });
    expect(volumeHistogram({ interval: '10m' })).not.toHaveProperty('calendar_interval');
  });

  it('keeps empty buckets over the whole asked range, `to` exclusive', () => {
    const from = '2026-12-01T00:00:00+08:00';
    const to = '2026-12-02T00:00:00+08:00';
    expect(volumeHistogram({ interval: 'hour', from, to }).extended_bounds).toEqual({ min: Date.parse(from), max: Date.parse(to) - 1 });
    expect(volumeHistogram({ interval: 'hour', from }).extended_bounds).toBeUndefined();
  });
});
