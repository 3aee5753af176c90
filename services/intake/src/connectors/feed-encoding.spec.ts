import iconv from 'iconv-lite';
import { decodeFeed, feedCharset } from './feed-encoding';

describe('feed encodings', () => {
  const rss = (encoding: string | undefined, title: string) =>
    `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><rss version="2.0"><channel><item><title>${title}</title></item></channel></rss>`;
  const title = '江城市东区明日停水，请居民提前储水';

  it('decodes by the charset of Content-Type', () => {
    const body = iconv.encode(rss(undefined, title), 'gbk');
    expect(feedCharset('application/rss+xml; charset=GBK', body)).toEqual({ charset: 'GBK', from: 'Content-Type' });
    expect(decodeFeed(body, 'application/rss+xml; charset=GBK')).toContain(title);
    // Read as UTF-8 the same bytes are not the text.
    expect(body.toString('utf8')).not.toContain(title);
  });

  it('takes Content-Type over the XML declaration, and the declaration when Content-Type names no charset', () => {
    const gb18030 = iconv.encode(rss('GB18030', title), 'gb18030');
    expect(decodeFeed(gb18030, 'text/xml')).toContain(title);
    expect(feedCharset('text/xml', gb18030)).toEqual({ charset: 'GB18030', from: 'XML declaration' });
    const utf8 = Buffer.from(rss('GBK', title));
    expect(decodeFeed(utf8, 'application/xml; charset="utf-8"')).toContain(title);
  });

  it('reads GB2312 and Big5 declarations, in either quote and with leading blanks', () => {
    expect(decodeFeed(iconv.encode(`\n  <?xml version='1.0' encoding='gb2312'?><rss><channel><title>${title}</title></channel></rss>`, 'gb2312'), null)).toContain(title);
    const big5 = '江城市東區明日停水';
    expect(decodeFeed(iconv.encode(rss('Big5', big5), 'big5'), 'application/xml')).toContain(big5);
  });

  it('falls back to UTF-8, and a byte order mark wins over what the headers say', () => {
    expect(feedCharset(undefined, Buffer.from(rss(undefined, title)))).toEqual({ charset: 'utf-8', from: 'default' });
    expect(decodeFeed(Buffer.from(rss(undefined, title)), 'application/xml')).toContain(title);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss(undefined, title))]);
    expect(decodeFeed(withBom, 'text/xml; charset=gbk').startsWith('<?xml')).toBe(true);
    expect(decodeFeed(iconv.encode(rss(undefined, title), 'utf-16le', { addBOM: true }), 'text/xml; charset=gbk')).toContain(title);
  });

  it('ignores a malformed Content-Type and refuses an unknown charset with a reason', () => {
    expect(decodeFeed(iconv.encode(rss('GBK', title), 'gbk'), 'text/xml; charset')).toContain(title);
    expect(() => decodeFeed(Buffer.from(rss(undefined, title)), 'text/xml; charset=x-klingon')).toThrow('unknown feed encoding "x-klingon" (from the Content-Type)');
    expect(() => decodeFeed(Buffer.from(rss('x-elvish', title)), 'text/xml')).toThrow('unknown feed encoding "x-elvish" (from the XML declaration)');
  });
});
