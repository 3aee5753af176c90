import type { ItemPlace } from '@liaowang/contract';
import { normalizeText, segment } from '../text';
import { divisionTable, type Division } from './divisions';

// Short names that are also everyday words, rivers, people or other places: in a text they are
// not taken for the city (来宾 "guests", 白银 "silver", 安康 "well-being", 朝阳 Beijing's district
// or "morning sun", 大同 "大同小异", 中山 Sun Yat-sen, 阿里 Alibaba, 中卫 a footballer, 东方
// "east" …). Their full names (来宾市) still count, and so does the short name in a `region` field.
const COMMON_WORD_SHORT_NAMES = new Set([
  '来宾', '白银', '安康', '朝阳', '大同', '中山', '红河', '怒江', '阿里', '山南', '海西', '海北', '海东',
  '长治', '三明', '和田', '玉树', '普洱', '大理', '北海', '黑河', '白山', '日照', '开封', '中卫', '东方',
  '白杨', '双河', '天门', '新星',
]);

const HAN = /^[\u4e00-\u9fff]+$/;

/** The division a word names, if it names exactly one (a province wins over its namesake city: 吉林, 海南). */
function divisionOf(word: string, inText: boolean): Division | undefined {
  const forms = divisionTable().forms.get(word);
  if (!forms) return undefined;
  const usable = forms.filter((f) => f.full || !inText || !COMMON_WORD_SHORT_NAMES.has(word));
  const province = usable.find((f) => f.division.level === 'province');
  if (province) return province.division;
  return usable.length === 1 ? usable[0].division : undefined;
}

/** Divisions named by the words; a word the segmenter kept whole (广西南宁, 湖北武汉) is split into province + its city. */
function mentions(words: readonly string[], inText: boolean): Division[] {
  const found: Division[] = [];
  for (const word of words) {
    const division = divisionOf(word, inText);
    if (division) {
      found.push(division);
      continue;
    }
    if (word.length < 4 || !HAN.test(word)) continue;
    for (let i = 2; i <= word.length - 2; i++) {
      const province = divisionOf(word.slice(0, i), inText);
      const city = province?.level === 'province' ? divisionOf(word.slice(i), inText) : undefined;
      if (province && city?.level === 'city' && city.provinceCode === province.code) {
        found.push(province, city);
        break;
      }
    }
  }
  return found;
}

/** One province, and one city if the mentions name exactly one; mentions of two provinces say nothing for sure. */
function placeOf(found: Division[], source: ItemPlace['source']): ItemPlace | undefined {
  const provinceCodes = new Set(found.map((d) => d.provinceCode));
  if (provinceCodes.size !== 1) return undefined;
  const { byCode } = divisionTable();
  const province = byCode.get([...provinceCodes][0])!;
  const cityCodes = new Set(found.filter((d) => d.level === 'city').map((d) => d.code));
  const city = cityCodes.size === 1 ? byCode.get([...cityCodes][0]) : undefined;
  return {
    provinceCode: province.code,
    province: province.name,
    ...(city ? { cityCode: city.code, city: city.name } : {}),
    source,
  };
}

// Regions repeat (a handful of provinces make most of the stream): each is segmented once.
const REGION_CACHE_LIMIT = 10_000;
const regionCache = new Map<string, ItemPlace | undefined>();

/** The place a `region` field names ('湖北', '江苏省', '武汉', '湖北省武汉市'); undefined when none or unsure. */
export function resolveRegion(region: string): ItemPlace | undefined {
  const key = region.trim();
  if (regionCache.has(key)) return regionCache.get(key);
  const normalized = normalizeText(key);
  const whole = divisionOf(normalized, false);
  const place = placeOf(whole ? [whole] : mentions(segment(normalized), false), 'region');
  if (regionCache.size >= REGION_CACHE_LIMIT) regionCache.clear();
  regionCache.set(key, place);
  return place;
}

/**
 * Province / city of an item (issue 10 item 3): from its own `region` field when it has one,
 * otherwise from the place names among the words of its text (`tokens`, the segmenter's output
 * on the normalised text, so a name inside a longer word such as 三明治 or 大理石 is not seen).
 * A region that names no known place gives no place: the text is not asked to overrule it.
 * Precision first: a text naming two provinces, or a name that could be two places, gives none.
 */
export function resolvePlace(item: { region?: string; tokens: readonly string[] }): ItemPlace | undefined {
  if (item.region?.trim()) return resolveRegion(item.region);
  return placeOf(mentions(item.tokens, true), 'text');
}
