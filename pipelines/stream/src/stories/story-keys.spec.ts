import { fingerprint, normalizeText } from '@liaowang/nlp';
import { bandKeys, shareBand, STORY_BANDS, STORY_DISTANCE, storyDistance, storyFingerprints } from './story-keys';

const CLAIM = '网传滨江新区一所小学食堂用过期肉做午餐，多名学生腹痛送医，家长在校门口聚集讨要说法，教育局尚未回应';
const fps = (text: string) => storyFingerprints(fingerprint(normalizeText(text)), text);

describe('bandKeys', () => {
  it('splits the 64-bit fingerprint into numbered bands', () => {
    expect(bandKeys('0123456789abcdef')).toEqual(['0:01', '1:23', '2:45', '3:67', '4:89', '5:ab', '6:cd', '7:ef']);
    expect(bandKeys('0123456789abcdef')).toHaveLength(STORY_BANDS);
  });
});

describe('storyFingerprints', () => {
  it('adds the quoted chain of a repost that has words of its own', () => {
    const repost = fps(`这是真的吗？大家小心//@热心网友:${CLAIM}`);
    expect(repost).toHaveLength(2);
    expect(repost).toContain(fps(CLAIM)[0]);
  });

  it('has nothing for a post without text of its own', () => {
    expect(fps('转发微博')).toEqual([]);
  });
});

describe('storyDistance', () => {
  it('puts hashtags, traditional script and a comment line within the threshold, and a different claim beyond', () => {
    const base = fps(CLAIM);
    expect(storyDistance(base, fps(`#突发#${CLAIM} @教育局`))).toBeLessThanOrEqual(STORY_DISTANCE);
    expect(storyDistance(base, fps('網傳濱江新區一所小學食堂用過期肉做午餐，多名學生腹痛送醫，家長在校門口聚集討要說法，教育局尚未回應'))).toBeLessThanOrEqual(STORY_DISTANCE);
    expect(storyDistance(base, fps(`求证！\n${CLAIM}`))).toBeLessThanOrEqual(STORY_DISTANCE);
    const other = fps('滨江新区一所小学今天举办秋季运动会，学生们在操场上进行接力赛跑，家长在校门口为孩子们加油，气氛热烈');
    expect(storyDistance(base, other)).toBeGreaterThan(STORY_DISTANCE);
  });

  it('takes the closest pair of fingerprints', () => {
    expect(storyDistance(['0000000000000000', 'ffffffffffffffff'], ['fffffffffffffffe'])).toBe(1);
    expect(shareBand(['0000000000000000'], ['00ffffffffffffff'])).toBe(true);
    expect(shareBand(['0000000000000000'], ['0101010101010101'])).toBe(false);
  });
});
