import { itemIdFor } from './item-id';

describe(itemIdFor.name, () => {
  const base = { platform: 'weibo', kind: 'mention' as const, text: '网传 明天停课' };

  it('uses the source id when there is one', () => {
    expect(itemIdFor({ ...base, sourceId: '42' })).toBe('weibo:42');
  });

  it('gives identical reposts one id, whatever their whitespace', () => {
    expect(itemIdFor(base)).toBe(itemIdFor({ ...base, text: ' 网传\u200b  明天停课 ' }));
  });

  it('tells different texts, platforms and kinds apart', () => {
    const id = itemIdFor(base);
    expect(itemIdFor({ ...base, text: '网传 后天停课' })).not.toBe(id);
    expect(itemIdFor({ ...base, platform: 'douyin' })).not.toBe(id);
    expect(itemIdFor({ ...base, kind: 'comment' })).not.toBe(id);
  });
});
