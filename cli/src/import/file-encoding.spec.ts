import iconv from 'iconv-lite';
import { detectEncoding } from './file-encoding';

describe(detectEncoding.name, () => {
  const text = '{"platform":"weibo","text":"网传江城市明天全部停课，有人知道是真的吗？"}\n';

  it('reads UTF-8, with or without a byte order mark', () => {
    expect(detectEncoding(Buffer.from(text), false)).toEqual({ encoding: 'utf8' });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), false)).toEqual({ encoding: 'utf8' });
  });

  it('tells GBK from UTF-8', () => {
    expect(detectEncoding(iconv.encode(text, 'gbk'), false)).toEqual({ encoding: 'gb18030' });
  });

  it('forgives a character cut at the end of the sample when the file goes on', () => {
    const utf8 = Buffer.from(text + '网');
    expect(detectEncoding(utf8.subarray(0, utf8.length - 1), true)).toEqual({ encoding: 'utf8' });
    const gbk = iconv.encode(text + '网', 'gbk');
    expect(detectEncoding(gbk.subarray(0, gbk.length - 1), true)).toEqual({ encoding: 'gb18030' });
  });

  it('refuses UTF-16 and bytes of no known encoding, saying how to convert', () => {
    const utf16 = detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), false);
    expect(utf16).toEqual({ refused: expect.stringContaining('iconv -f UTF-16 -t UTF-8') as string });
    const binary = detectEncoding(Buffer.from([0x7b, 0xff, 0xff, 0x00, 0xfe, 0x30]), false);
    expect(binary).toEqual({ refused: expect.stringContaining('neither UTF-8 nor GBK') as string });
  });
});
