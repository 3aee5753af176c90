import { publicReportSchema } from '@liaowang/contract';
import { EMPTY_REPORT_FORM, missingFields, reportBody } from './public-report-form';

describe('public report form', () => {
  it('builds a rumor report the route accepts, contact details left out when empty', () => {
    const body = reportBody({ ...EMPTY_REPORT_FORM, text: ' 网传明天停课 ', evidence: 'https://a.example/1\n\n https://a.example/2 ' });
    expect(body).toEqual({ kind: 'rumor', text: '网传明天停课', reporter: undefined, evidenceUrls: ['https://a.example/1', 'https://a.example/2'], platform: undefined, url: undefined });
    expect(publicReportSchema.safeParse(body).success).toBe(true);
  });

  it('puts a profile link in url and an id in handle', () => {
    const form = { ...EMPTY_REPORT_FORM, kind: 'impostor' as const, text: '冒充', accountPlatform: 'douyin', accountName: '江城发布', followerCount: '12' };
    const byLink = reportBody({ ...form, accountHandle: 'https://douyin.example/u/1' }) as { reportedAccount: object };
    expect(byLink.reportedAccount).toEqual({ platform: 'douyin', displayName: '江城发布', url: 'https://douyin.example/u/1', followerCount: 12 });
    expect(publicReportSchema.safeParse(reportBody({ ...form, accountHandle: 'jc01' })).success).toBe(true);
  });

  it('names what an impostor report still needs', () => {
    expect(missingFields({ ...EMPTY_REPORT_FORM, kind: 'impostor', text: 'x' })).toEqual(['accountPlatform', 'accountName', 'accountHandle']);
    expect(missingFields({ ...EMPTY_REPORT_FORM, text: 'x' })).toEqual([]);
  });
});
