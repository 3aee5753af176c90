import { detectPii } from './pii.detector';
import { maskOne, maskPii } from './pii-mask';

const mask = (text: string) => maskPii(text, detectPii(text));

describe('maskPii', () => {
  it('masks each type for display', () => {
    expect(mask('电话13812345678')).toBe('电话138****5678');
    expect(mask('电话+86 138-1234-5678')).toBe('电话+86 138-****-5678');
    expect(mask('身份证11010519491231002X')).toBe('身份证110105********002X');
    expect(mask('卡号6222 0212 3456 7894')).toBe('卡号****7894');
    expect(mask('邮箱zhang.san@example.com')).toBe('邮箱z***@example.com');
    expect(mask('值班室010-62345678')).toBe('值班室010-****5678');
  });

  it('keeps the province and city of an address and hides the rest', () => {
    expect(mask('家住北京市海淀区中关村大街27号')).toBe('家住北京市****');
    expect(mask('地址广东省深圳市南山区科技园路1号')).toBe('地址广东省深圳市****');
    expect(mask('住在杭州市西湖区文三路100号')).toBe('住在杭州市****');
  });

  it('masks full-width digits in place, keeping the text around them', () => {
    expect(mask('电话１３８１２３４５６７８。')).toBe('电话１３８****５６７８。');
  });

  it('masks several spans and leaves other text untouched', () => {
    expect(mask('甲13812345678，乙a@b.cn，丙无')).toBe('甲138****5678，乙a***@b.cn，丙无');
    expect(mask('没有个人信息')).toBe('没有个人信息');
  });

  it('ignores overlapping and out-of-range spans instead of corrupting the text', () => {
    const spans = [
      { type: 'phone' as const, start: 0, end: 11 },
      { type: 'phone' as const, start: 5, end: 16 },
      { type: 'email' as const, start: 40, end: 50 },
    ];
    expect(maskPii('13812345678xyz', spans)).toBe('138****5678xyz');
  });

  it('masks a labelled bare landline by its area code', () => {
    expect(maskOne('phone', '02112345678')).toBe('021****5678');
  });
});
