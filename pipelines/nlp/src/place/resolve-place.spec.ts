import { normalizeText, segment } from '../text';
import { divisionTable } from './divisions';
import { resolvePlace, resolveRegion } from './resolve-place';

const fromText = (text: string) => resolvePlace({ tokens: segment(normalizeText(text)) });

describe('divisionTable', () => {
  it('carries GB/T 2260 codes for every province and prefecture-level city from the package', () => {
    const { provinces, cities, byCode } = divisionTable();
    expect(provinces).toHaveLength(34);
    expect(cities.length).toBeGreaterThan(330);
    expect(byCode.get('420100')).toMatchObject({ name: '武汉市', level: 'city', provinceCode: '420000' });
    expect(byCode.get('429004')).toMatchObject({ name: '仙桃市', provinceCode: '420000' });
    expect(cities.some((c) => c.name.includes('辖'))).toBe(false);
  });
});

describe('resolveRegion', () => {
  it.each([
    ['湖北', { provinceCode: '420000', province: '湖北省' }],
    ['江苏省', { provinceCode: '320000', province: '江苏省' }],
    ['北京', { provinceCode: '110000', province: '北京市' }],
    ['广西', { provinceCode: '450000', province: '广西壮族自治区' }],
    ['新疆', { provinceCode: '650000', province: '新疆维吾尔自治区' }],
    ['香港', { provinceCode: '810000', province: '香港特别行政区' }],
    ['武汉', { provinceCode: '420000', province: '湖北省', cityCode: '420100', city: '武汉市' }],
    ['湖北省武汉市', { provinceCode: '420000', cityCode: '420100' }],
    ['湖北武汉', { provinceCode: '420000', cityCode: '420100' }],
    ['恩施州', { cityCode: '422800', city: '恩施土家族苗族自治州' }],
    ['西双版纳', { provinceCode: '530000', cityCode: '532800' }],
    ['仙桃', { provinceCode: '420000', cityCode: '429004' }],
    ['大同', { provinceCode: '140000', cityCode: '140200' }],
    ['吉林', { provinceCode: '220000', province: '吉林省' }],
    ['吉林市', { provinceCode: '220000', cityCode: '220200' }],
    ['廣東', { provinceCode: '440000' }],
  ])('%s', (region, expected) => {
    expect(resolveRegion(region)).toMatchObject({ ...expected, source: 'region' });
  });

  it('names no city when the region names only a province', () => {
    expect(resolveRegion('湖北')?.cityCode).toBeUndefined();
  });

  it.each(['江城', '江城市', '海外', '未知', 'Wuhan', '湖北 北京'])('gives nothing for %s', (region) => {
    expect(resolveRegion(region)).toBeUndefined();
  });
});

describe('resolvePlace', () => {
  it('takes the region field over the text', () => {
    expect(resolvePlace({ region: '湖南', tokens: segment('武汉今天停水') })).toMatchObject({ provinceCode: '430000', source: 'region' });
  });

  it('does not ask the text when the region names no known place', () => {
    expect(resolvePlace({ region: '江城', tokens: segment('武汉今天停水') })).toBeUndefined();
  });

  it.each([
    ['武汉市江岸区停水三天了', { provinceCode: '420000', cityCode: '420100' }],
    ['湖北武汉今天下暴雨', { provinceCode: '420000', cityCode: '420100' }],
    ['广西南宁和桂林都在下雨', { provinceCode: '450000' }],
    ['西安的肉夹馍涨价了', { provinceCode: '610000', cityCode: '610100' }],
    ['恩施州的高速堵了', { cityCode: '422800' }],
    ['来宾市发布暴雨预警', { provinceCode: '450000', cityCode: '451300' }],
    ['深圳的房价又涨了', { provinceCode: '440000', cityCode: '440300' }],
  ])('finds the place in %s', (text, expected) => {
    expect(fromText(text)).toMatchObject({ ...expected, source: 'text' });
  });

  it('names the province but no city when the text names two of its cities', () => {
    const place = fromText('广西南宁和桂林都在下雨');
    expect(place?.city).toBeUndefined();
  });

  it.each([
    ['江城市教育局发布通知'],
    ['江城高新区今天停电'],
    ['早餐吃了三明治'],
    ['两个方案大同小异'],
    ['祝愿长治久安'],
    ['大理石地面太滑了'],
    ['欢迎各位来宾'],
    ['白银价格上涨'],
    ['扫一下安康码'],
    ['中山大学的学生'],
    ['从北京到武汉的高铁停运了'],
    ['今天天气不错'],
  ])('finds no place in %s', (text) => {
    expect(fromText(text)).toBeUndefined();
  });
});
