import { detectPii } from './pii.detector';

const found = (text: string) => detectPii(text).map((s) => ({ type: s.type, text: text.slice(s.start, s.end) }));

describe('detectPii', () => {
  describe('phones', () => {
    it.each([
      ['电话13812345678请回电', '13812345678'],
      ['联系+86 138-1234-5678。', '+86 138-1234-5678'],
      ['手机：(+86)13912345678', '(+86)13912345678'],
      ['打 186 1234 5678 找我', '186 1234 5678'],
      ['0086-13812345678', '0086-13812345678'],
    ])('finds the mobile number in %s', (text, number) => {
      expect(found(text)).toEqual([{ type: 'phone', text: number }]);
    });

    it('finds full-width digits and reports offsets into the original text', () => {
      const text = '举报人电话１３８１２３４５６７８，请核实';
      const [span] = detectPii(text);
      expect(span).toEqual({ type: 'phone', start: 5, end: 16 });
      expect(text.slice(span.start, span.end)).toBe('１３８１２３４５６７８');
    });

    it('finds landlines written with their area code set off, or labelled', () => {
      expect(found('值班室010-62345678')).toEqual([{ type: 'phone', text: '010-62345678' }]);
      expect(found('热线(0755)8765 4321转')).toEqual([{ type: 'phone', text: '(0755)8765 4321' }]);
      expect(found('座机：02162345678')).toEqual([{ type: 'phone', text: '02162345678' }]);
    });

    it('does not take numbers out of longer digit or letter runs', () => {
      expect(found('订单号2023138123456789')).toEqual([]);
      expect(found('编号A13812345678')).toEqual([]);
      expect(found('共计02112345678件')).toEqual([]); // unlabelled run starting with 0
      expect(found('12812345678')).toEqual([]); // 12x is not a mobile prefix
    });

    it('finds two numbers separated by a space', () => {
      expect(found('13812345678 13912345678').map((f) => f.text)).toEqual(['13812345678', '13912345678']);
    });
  });

  describe('ID numbers', () => {
    it('finds a valid number, with X, and grouped with spaces', () => {
      expect(found('身份证11010519491231002X已登记')).toEqual([{ type: 'id_card', text: '11010519491231002X' }]);
      expect(found('证号 440304 19900307 123X')).toEqual([{ type: 'id_card', text: '440304 19900307 123X' }]);
    });

    it('ignores a number with a wrong check digit', () => {
      expect(found('身份证110105194912310021')).toEqual([]);
    });

    it('never reports a valid ID number as a bank card even when it also passes Luhn', () => {
      // 320102198511114560 passes both checks.
      expect(found('号码320102198511114560')).toEqual([{ type: 'id_card', text: '320102198511114560' }]);
    });
  });

  describe('bank cards', () => {
    it('finds Luhn-valid numbers, straight or grouped', () => {
      expect(found('卡号6222021234567894')).toEqual([{ type: 'bank_card', text: '6222021234567894' }]);
      expect(found('卡号 6217 0012 3456 7890 122 转账')).toEqual([
        { type: 'bank_card', text: '6217 0012 3456 7890 122' },
      ]);
      expect(found('卡号6222-0212-3456-7894')).toEqual([{ type: 'bank_card', text: '6222-0212-3456-7894' }]);
    });

    it('ignores numbers that fail Luhn or sit inside longer runs', () => {
      expect(found('卡号6222021234567895')).toEqual([]);
      expect(found('流水96222021234567894000000')).toEqual([]);
      // ISBN 978-7-01-008731-3: valid EAN-13 and, by chance, valid Luhn.
      expect(found('ISBN:9787010087313')).toEqual([]);
    });
  });

  describe('e-mail', () => {
    it('finds addresses between Chinese text, and prefers them over a phone inside', () => {
      expect(found('邮箱zhang.san@example.com联系')).toEqual([{ type: 'email', text: 'zhang.san@example.com' }]);
      expect(found('发到13812345678@qq.com')).toEqual([{ type: 'email', text: '13812345678@qq.com' }]);
    });

    it('ignores a bare @mention', () => {
      expect(found('@人民日报 你好')).toEqual([]);
    });
  });

  describe('addresses', () => {
    it.each([
      ['家住北京市海淀区中关村大街27号院3号楼2单元501室，', '北京市海淀区中关村大街27号院3号楼2单元501室'],
      ['住在杭州市西湖区文三路100号附近', '杭州市西湖区文三路100号'],
      ['地址：广东省深圳市南山区科技园路1号', '广东省深圳市南山区科技园路1号'],
      ['寄到廣東省廣州市天河區體育西路１０３號', '廣東省廣州市天河區體育西路１０３號'],
    ])('finds the address in %s', (text, address) => {
      expect(found(text)).toEqual([{ type: 'address', text: address }]);
    });

    it('does not take place names or streets without a house number', () => {
      expect(found('北京市海淀区今天下雨')).toEqual([]);
      expect(found('中山路100号的店')).toEqual([]); // no province or city
      expect(found('北京市中关村大街')).toEqual([]);
    });
  });

  it('returns nothing for empty, emoji-only and lone-surrogate text', () => {
    expect(detectPii('')).toEqual([]);
    expect(detectPii('😀😡👍')).toEqual([]);
    expect(detectPii('\ud800abc\udc00')).toEqual([]);
  });

  it('keeps every one of many findings, in order', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `甲${13800000000 + i}，a${i}@x.cn`).join('；');
    const spans = detectPii(text);
    expect(spans).toHaveLength(10_000);
    expect(spans.every((s, i) => i === 0 || spans[i - 1].end <= s.start)).toBe(true);
  });

  it('covers the whole of a long text', () => {
    const text = '正文'.repeat(50_000) + '电话13812345678';
    expect(detectPii(text)).toEqual([{ type: 'phone', start: 100_002, end: 100_013 }]);
  });
});
