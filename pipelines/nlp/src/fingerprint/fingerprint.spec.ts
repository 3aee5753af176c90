import { normalizeText } from '../text';
import { EMPTY_FINGERPRINT, fingerprint, NEAR_DUPLICATE_DISTANCE } from './fingerprint';
import { fingerprintText } from './fingerprint-text';
import { hammingDistance } from './simhash';

const fp = (text: string) => fingerprint(normalizeText(text));
const distance = (a: string, b: string) => hammingDistance(fp(a), fp(b));

const STORY = '网传城东化工厂昨晚发生爆炸，现场浓烟滚滚，附近居民已经紧急疏散，具体伤亡情况还不清楚，请大家注意安全';

describe('fingerprintText', () => {
  it('drops the repost chain, links and mentions', () => {
    expect(fingerprintText(normalizeText('大家注意安全！//@张三:转发 //@李四:太吓人了'))).toBe('大家注意安全');
    expect(fingerprintText(normalizeText('@人民日报 看看这个 https://t.cn/A6abcd 太离谱了'))).toBe('看看这个太离谱了');
  });

  it('drops #topics# unless the post is nothing but them', () => {
    expect(fingerprintText(normalizeText('#化工厂偷排# 城东化工厂爆炸了 #紧急扩散#'))).toBe('城东化工厂爆炸了');
    expect(fingerprintText(normalizeText('#江城暴雨# #注意安全#'))).toBe('江城暴雨注意安全');
  });

  it('falls back to the whole text when the reposter added nothing of their own', () => {
    expect(fingerprintText(normalizeText('转发微博//@张三:城东化工厂爆炸了'))).toBe('城东化工厂爆炸了');
  });
});

describe('fingerprint', () => {
  it('puts copies with extra mentions, links, punctuation and a repost chain close together', () => {
    expect(distance(STORY, `@北京日报 ${STORY}！！ http://t.cn/A6xyz`)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
    expect(distance(STORY, `${STORY}//@王五:真的假的`)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
    expect(distance(STORY, `#化工厂偷排# ${STORY} #紧急扩散#`)).toBe(0);
    expect(distance(STORY, STORY.replace('，', ' '))).toBe(0);
  });

  it('puts a lightly edited copy and its traditional-script version close together', () => {
    const edited = STORY.replace('昨晚', '昨天晚上');
    expect(distance(STORY, edited)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
    expect(
      distance(
        STORY,
        '網傳城東化工廠昨晚發生爆炸，現場濃煙滾滾，附近居民已經緊急疏散，具體傷亡情況還不清楚，請大家注意安全',
      ),
    ).toBe(0);
  });

  it('keeps different stories far apart', () => {
    const other =
      '市图书馆本周末举办少儿阅读活动，欢迎家长带孩子参加，现场还有志愿者讲解和互动游戏，名额有限请提前报名';
    expect(distance(STORY, other)).toBeGreaterThan(2 * NEAR_DUPLICATE_DISTANCE);
  });

  it('gives emoji-only and empty posts the empty fingerprint', () => {
    expect(fp('😀😡👍')).toBe(EMPTY_FINGERPRINT);
    expect(fp('')).toBe(EMPTY_FINGERPRINT);
    expect(fp('转发微博')).toBe(EMPTY_FINGERPRINT);
  });
});
