import type { Case, CaseReportItem } from '@liaowang/contract';
import { beijingTime, buildCaseReport, volumeBars } from './case-report.builder';

const item = (id: string, publishedAt: string): CaseReportItem => ({
  id,
  platform: 'weibo',
  publishedAt,
  masked: '网传',
});

function aCase(overrides: Partial<Case> = {}): Case {
  return {
    id: 'case-1',
    version: 3,
    title: '某高校食堂舆情',
    summary: '家长来电13812345678反映食堂问题',
    state: 'response',
    grade: 'III',
    owner: 'leader',
    ownerLevel: 'leader_in_charge',
    source: { kind: 'manual' },
    links: { alertIds: [], itemIds: [], storyIds: [] },
    clocks: { breaches: [] },
    tasks: [
      {
        id: 't1',
        title: '核实情况',
        assignee: 'responder',
        dueAt: '2026-03-05T10:00:00Z',
        state: 'open',
        createdBy: 'duty',
        createdAt: '2026-03-05T06:00:00Z',
      },
    ],
    referrals: [],
    evidence: [
      {
        id: 'e1',
        kind: 'file',
        ref: 'ab'.repeat(32),
        sha256: 'ab'.repeat(32),
        name: '截图.png',
        addedBy: 'duty',
        addedAt: '2026-03-05T06:10:00Z',
      },
    ],
    statements: [],
    timeline: [
      { at: '2026-03-05T06:00:00Z', by: 'duty', type: 'opened' },
      { at: '2026-03-05T06:30:00Z', by: 'duty', type: 'moved', from: 'receipt', to: 'assessment', reason: '需要研判' },
    ],
    openedAt: '2026-03-05T06:00:00Z',
    openedBy: 'duty',
    updatedAt: '2026-03-05T06:30:00Z',
    ...overrides,
  };
}

describe('buildCaseReport', () => {
  const report = buildCaseReport(aCase(), [], new Date('2026-03-05T08:00:00Z'));

  it('names the grade in Chinese and gives times in Beijing time', () => {
    expect(report.header).toContainEqual(['等级', '较大（III级）']);
    expect(report.header).toContainEqual(['立案', '2026-03-05 14:00（duty）']);
    expect(report.generatedAt).toBe('2026-03-05 16:00');
  });

  it('lists every timeline entry in Chinese, a move with its stages', () => {
    const timeline = report.tables.find((t) => t.title === '时间线')!;
    expect(timeline.rows).toEqual([
      ['2026-03-05 14:00', 'duty', '立案', '—'],
      ['2026-03-05 14:30', 'duty', '转入阶段：接报→研判', '需要研判'],
    ]);
  });

  it('masks personal data in free text', () => {
    expect(JSON.stringify(report)).not.toContain('13812345678');
  });

  it('keeps the evidence hash whole', () => {
    expect(report.tables.find((t) => t.title === '证据清单')!.rows[0]).toContain('ab'.repeat(32));
  });
});

describe('volumeBars', () => {
  it('counts items per Beijing-time hour, empty hours included', () => {
    const bars = volumeBars([
      item('a', '2026-03-05T06:05:00Z'),
      item('b', '2026-03-05T06:55:00Z'),
      item('c', '2026-03-05T08:10:00Z'),
    ]);
    expect(bars).toEqual({
      bucketHours: 1,
      bars: [
        { label: '03-05 14:00', count: 2 },
        { label: '03-05 15:00', count: 0 },
        { label: '03-05 16:00', count: 1 },
      ],
    });
  });

  it('widens the buckets so that at most 48 bars are drawn', () => {
    const items = Array.from({ length: 100 }, (_, i) =>
      item(`i${i}`, new Date(Date.UTC(2026, 2, 1) + i * 3_600_000).toISOString()),
    );
    const { bucketHours, bars } = volumeBars(items);
    expect(bucketHours).toBe(3);
    expect(bars.length).toBeLessThanOrEqual(48);
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(100);
  });

  it('draws nothing without items', () => {
    expect(volumeBars([]).bars).toEqual([]);
    expect(beijingTime(undefined)).toBe('—');
  });
});
