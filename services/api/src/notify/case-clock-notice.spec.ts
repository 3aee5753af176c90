import { buildNoticeRequest } from './notice-request';
import { lateBy, noticeMarkdown, noticeTitle, type CaseClockNotice } from './notice-format';

const notice: CaseClockNotice = {
  subject: 'case_clock',
  kase: { id: 'case/9', title: '食堂谣言处置', grade: 'III', state: 'response' },
  clock: 'first_release',
  dueAt: '2026-02-16T02:00:00.000Z',
  at: '2026-02-16T04:05:30.000Z',
  onDuty: { shiftLead: 'lead1', leaderOnDuty: 'leader1' },
  publicUrl: 'https://yq.example.edu.cn/',
};

describe('case clock breach notices (R-CASE-4)', () => {
  it('says in Chinese which case, grade and clock, how late, in Beijing time, with a link to the case page', () => {
    expect(noticeTitle(notice)).toBe('【较大】案件首次权威发布时限已过：食堂谣言处置');
    expect(noticeMarkdown(notice).split('\n')).toEqual([
      '### 【较大】案件首次权威发布时限已过：食堂谣言处置',
      '- 案件：食堂谣言处置',
      '- 等级：较大（III级）',
      '- 时限：首次权威发布',
      '- 应于：2026-02-16 10:00:00（北京时间）',
      '- 已超：2小时5分钟',
      '- 上报：值班长 lead1、带班领导 leader1',
      '- [查看案件](https://yq.example.edu.cn/cases/case%2F9)',
    ]);
  });

  it('counts lateness in days, hours and minutes', () => {
    expect(lateBy('2026-01-01T00:00:00Z', '2026-01-01T00:00:20Z')).toBe('不足1分钟');
    expect(lateBy('2026-01-01T00:00:00Z', '2026-01-01T00:07:00Z')).toBe('7分钟');
    expect(lateBy('2026-01-01T00:00:00Z', '2026-01-01T03:00:00Z')).toBe('3小时');
    expect(lateBy('2026-01-01T00:00:00Z', '2026-01-03T01:30:00Z')).toBe('2天1小时');
  });

  it('names nobody when the roster has a gap, and an ungraded case as such', () => {
    const bare = { ...notice, kase: { ...notice.kase, grade: undefined }, onDuty: {}, publicUrl: undefined };
    expect(noticeTitle(bare)).toBe('【未定级】案件首次权威发布时限已过：食堂谣言处置');
    expect(noticeMarkdown(bare)).toContain('- 上报：（排班无人）');
    expect(noticeMarkdown(bare)).not.toContain('查看案件');
  });

  it('posts a webhook event of its own, with the case, the clock and how many minutes late', () => {
    const request = buildNoticeRequest({ kind: 'webhook', url: 'http://127.0.0.1:1/hook' }, notice, new Date('2026-02-16T04:06:00Z'));
    expect(JSON.parse(request.body)).toMatchObject({
      event: 'case.clock_breached',
      case: { id: 'case/9', title: '食堂谣言处置', grade: 'III', state: 'response' },
      clock: 'first_release',
      dueAt: notice.dueAt,
      lateMinutes: 125,
      onDuty: { shiftLead: 'lead1', leaderOnDuty: 'leader1' },
      link: 'https://yq.example.edu.cn/cases/case%2F9',
    });
    const robot = buildNoticeRequest({ kind: 'wecom', url: 'http://127.0.0.1:1/robot' }, notice, new Date());
    expect(JSON.parse(robot.body)).toEqual({ msgtype: 'markdown', markdown: { content: noticeMarkdown(notice) } });
  });
});
