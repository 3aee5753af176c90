import { validateItemIntake, validateLegacyIntake } from './item-intake';
import { cleanText } from './item-text';

const mention = { platform: 'weibo', author: { id: 'u1', name: '江城观察' }, text: '网传明天停课', publishedAt: '2026-11-23T09:30:00+08:00' };
const fields = (result: { ok: boolean; errors?: { field: string }[] }) => (result.ok ? [] : result.errors!.map((e) => e.field));

describe(validateItemIntake.name, () => {
  it('accepts each kind with its own fields', () => {
    expect(validateItemIntake('mention', mention)).toMatchObject({ ok: true, item: { kind: 'mention' } });
    const comment = { ...mention, account: { id: 'jc', name: '江城发布' }, post: { id: 'p1' }, inReplyTo: 'c0' };
    expect(validateItemIntake('comment', comment)).toMatchObject({ ok: true, item: { kind: 'comment', post: { id: 'p1' } } });
    const report = { text: '冒充官方', reportedAccount: { platform: 'douyin', displayName: '江城发布', url: 'https://douyin.example/u/1', followerCount: 12 }, reporter: { contact: '13812345678' } };
    const result = validateItemIntake('impostor_report', report);
    expect(result).toMatchObject({ ok: true, item: { kind: 'impostor_report', platform: 'douyin', author: { name: '匿名举报人' } } });
    // The contact is not written into the author id.
    expect(JSON.stringify(result.ok && result.item.author)).not.toContain('13812345678');
  });

  it('names every failing field', () => {
    expect(fields(validateItemIntake('mention', { ...mention, author: { id: 'u1' }, text: 5 }))).toEqual(['author.name', 'text']);
    expect(fields(validateItemIntake('comment', mention))).toEqual(['account', 'post']);
    expect(fields(validateItemIntake('impostor_report', { text: 'x', reportedAccount: { platform: 'douyin', displayName: 'a' } }))).toEqual(['reportedAccount.handle']);
    expect(fields(validateItemIntake('mention', { ...mention, kind: 'comment' }))).toEqual(['kind']);
    expect(fields(validateItemIntake('mention', null))).toEqual(['body']);
  });

  it('refuses links other than http(s) and times far off', () => {
    expect(fields(validateItemIntake('mention', { ...mention, url: 'javascript:alert(1)' }))).toEqual(['url']);
    expect(fields(validateItemIntake('mention', { ...mention, publishedAt: '9999-01-01T00:00:00Z' }))).toEqual(['publishedAt']);
    expect(fields(validateItemIntake('mention', { ...mention, publishedAt: '1970-01-01T00:00:00Z' }))).toEqual(['publishedAt']);
    expect(fields(validateItemIntake('mention', { ...mention, publishedAt: 'yesterday' }))).toEqual(['publishedAt']);
  });

  it('cleans text and names, and refuses a text that is nothing but controls', () => {
    const result = validateItemIntake('mention', { ...mention, author: { id: 'u1', name: '江城\u202e发布' }, text: 'a\u0000b\ud800c' });
    expect(result).toMatchObject({ ok: true, item: { author: { name: '江城发布' }, text: 'ab\ufffdc' } });
    expect(fields(validateItemIntake('mention', { ...mention, text: '\u0000\u0001' }))).toEqual(['text']);
    expect(fields(validateItemIntake('mention', { ...mention, text: '长'.repeat(20_001) }))).toEqual(['text']);
  });
});

describe(validateLegacyIntake.name, () => {
  it('still takes the first push payload, kind optional or any kind', () => {
    expect(validateLegacyIntake(mention)).toMatchObject({ ok: true, item: { kind: 'mention' } });
    expect(validateLegacyIntake({ ...mention, kind: 'comment' })).toMatchObject({ ok: true, item: { kind: 'comment' } });
  });
});

describe(cleanText.name, () => {
  it('keeps tabs, newlines and paired surrogates, and composes to NFC', () => {
    expect(cleanText('a\tb\nc😀')).toBe('a\tb\nc😀');
    expect(cleanText('e\u0301')).toBe('é');
    expect(cleanText('\udc00x\u2066y\u2069')).toBe('\ufffdxy');
  });
});
