import { itemIdFor, rawItemFor } from './item-identity';
import { validateItemIntake } from './item-intake';

describe(itemIdFor.name, () => {
  const base = { platform: 'weibo', kind: 'mention' as const, author: { id: 'u1' }, text: '网传 明天停课', publishedAt: '2026-11-23T09:30:00+08:00' };

  it('uses the source id when there is one, with the kind for kinds other than mentions', () => {
    expect(itemIdFor({ ...base, sourceId: '42' })).toBe('weibo:42');
    expect(itemIdFor({ ...base, kind: 'comment', sourceId: '42' })).toBe('weibo:comment:42');
  });

  it('gives identical reposts by one author on one day one id, whatever their whitespace or width', () => {
    const id = itemIdFor(base);
    expect(itemIdFor({ ...base, text: ' 网传\u200b  明天停课 ', publishedAt: '2026-11-23T21:00:00+08:00' })).toBe(id);
    expect(itemIdFor({ ...base, text: '网传 明天停课', author: { id: 'u1' } })).toBe(id);
    expect(itemIdFor({ ...base, text: 'ＡＢＣ' })).toBe(itemIdFor({ ...base, text: 'abc' }));
  });

  it('tells authors, texts, platforms, kinds and days apart', () => {
    const id = itemIdFor(base);
    expect(itemIdFor({ ...base, author: { id: 'u2' } })).not.toBe(id);
    expect(itemIdFor({ ...base, text: '网传 后天停课' })).not.toBe(id);
    expect(itemIdFor({ ...base, platform: 'douyin' })).not.toBe(id);
    expect(itemIdFor({ ...base, kind: 'comment' })).not.toBe(id);
    // 00:30 in Shanghai is the next day there, though the same UTC day as 09:30 the day before.
    expect(itemIdFor({ ...base, publishedAt: '2026-11-24T00:30:00+08:00' })).not.toBe(id);
  });
});

describe(rawItemFor.name, () => {
  it('keys a comment by its post and a report by the reported account', () => {
    const comment = validateItemIntake('comment', {
      platform: 'weibo',
      author: { id: 'u2', name: '晴天小雨' },
      text: '什么时候来水？',
      publishedAt: '2026-11-23T09:31:00+08:00',
      account: { id: 'jc', name: '江城发布' },
      post: { id: 'p1' },
    });
    const report = validateItemIntake('impostor_report', {
      text: '冒充江城发布卖课',
      reportedAccount: { platform: 'douyin', displayName: '江城发布', handle: 'jc01' },
    });
    if (!comment.ok || !report.ok) throw new Error('fixtures must be valid');
    expect(rawItemFor(comment.item, {}).threadId).toBe('weibo:post:p1');
    expect(rawItemFor(comment.item, {}).comment?.post.id).toBe('p1');
    const raw = rawItemFor(report.item, {});
    expect(raw).toMatchObject({ platform: 'douyin', threadId: 'douyin:account:jc01', author: { id: 'anonymous' } });
    expect(raw.impostorReport?.evidenceUrls).toEqual([]);
  });
});
