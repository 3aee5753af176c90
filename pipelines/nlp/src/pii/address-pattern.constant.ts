// Building blocks of mainland postal addresses (R-ENR-5). Traditional forms are listed next
// to simplified ones because PII runs on the original text, before script conversion.

const PROVINCE_NAMES = (
  '北京 天津 上海 重庆 重慶 河北 山西 辽宁 遼寧 吉林 黑龙江 黑龍江 江苏 江蘇 浙江 安徽 福建 江西 山东 山東 河南 湖北 湖南 广东 ' +
  '廣東 海南 四川 贵州 貴州 云南 雲南 陕西 陝西 甘肃 甘肅 青海 内蒙古 內蒙古 广西 廣西 西藏 宁夏 寧夏 新疆'
).split(' ');

const HAN = '[\\u4e00-\\u9fff]';
/** A Han character that is not the end of a lower administrative level or a street part. */
const NAME_CHAR = `(?:(?![区區县縣旗镇鎮乡鄉路街道巷弄号號])${HAN})`;

/** Province, municipality or autonomous region, with its optional suffix. */
const PROVINCES = `(?:${PROVINCE_NAMES.join('|')})`;
export const PROVINCE = `${PROVINCES}(?:省|市|(?:壮族|壯族|回族|维吾尔|維吾爾)?自治[区區])?`;
/** Prefecture-level city, autonomous prefecture or league. */
export const CITY = `${NAME_CHAR}{1,6}?(?:市|州|盟|地区|地區)`;
// A city without its province must say 市, must not start with a word that merely leads into
// it ("住在杭州市" starts at 杭), and must not run over a province name ("家住北京市" starts at 北).
const LEAD_WORDS = '[在住于於到至是往去从從来來的和与與及为為寄送发發位处處址]';
const CITY_ALONE = `(?!${LEAD_WORDS})(?:(?!${PROVINCES})${NAME_CHAR}){2,4}?市`;
/** The part of an address that is kept visible when it is masked. */
export const REGION = `(?:${PROVINCE}(?:${CITY})?|${CITY_ALONE})`;

const DISTRICT = `${NAME_CHAR}{1,7}?(?:区|區|县|縣|旗)`;
const TOWN = `${NAME_CHAR}{1,7}?(?:镇|鎮|乡|鄉|街道)`;
const ROAD = `[\\u4e00-\\u9fff\\dA-Za-z]{1,12}?(?:大道|大街|路|街|巷|弄|胡同)`;
const NUMBER = '\\d{1,5}(?:-\\d{1,5})?(?:号|號)';
const BUILDING = `(?:[\\u4e00-\\u9fffA-Za-z\\d]{0,10}?\\d{1,4}(?:号楼|號樓|栋|棟|幢|座))?`;
const UNIT = '(?:\\d{1,3}(?:单元|單元))?';
const ROOM = '(?:\\d{1,5}(?:室|房))?';

// Precision over recall: a region AND a street with a house number are both required, so
// a place name alone ("北京市") or a street alone ("中山路") is not personal data.
export const ADDRESS = `${REGION}(?:${DISTRICT})?(?:${TOWN})?${ROAD}${NUMBER}${BUILDING}${UNIT}${ROOM}`;
