/**
 * `npm run import:streets -- --from DIR`: writes `geodata/streets.geojson` and
 * `geodata/junctions.geojson` from the team's reference files in DIR (`streets_osm2013_sparsetaxi`,
 * `junctions_jinjing365`). Run by hand when the reference data or the rules below change; the
 * output is committed, reviewed like code, and is what the build reads (the build never reads DIR).
 *
 * Streets (a c. 2013 OpenStreetMap extract, ODbL, ±60 m at vertices):
 * - classes from OSM `highway`: major (motorway, trunk, primary, links), secondary (secondary,
 *   tertiary, links), minor (unclassified, residential, living street, service, road, pedestrian);
 *   footpaths, steps, tracks and platforms are left out (not streets);
 * - names: a Chinese name is kept as it is, with an English form in pinyin by Beijing's street-sign
 *   convention (`pinyinName`, pinyin-pro: 阜石路 → Fushi Lu, 永引渠南路 → Yongyinqu Nanlu); a piece
 *   named only in English or pinyin gets its Chinese name from {@link LATIN_NAMES} only when that
 *   name is confirmed, by a Chinese-named OSM piece or by a named junction within 300 m of the
 *   piece, else it is left unnamed (never guessed);
 * - every piece of one named street shares its `street` key (what a reference to the street names);
 * - coordinates rounded to 5 decimals (≈ 1 m; the data is ±60 m).
 * Newer streets (built after the extract, or whose bends the extract cuts) are lines through named
 * junctions ({@link NEW_STREETS}); each lists its junctions, and the OSM pieces it replaces are
 * dropped so a street is not drawn twice.
 *
 * Junctions (crowd-sourced traffic-camera sites, GCJ-02 converted to WGS84, ±60 m or their spread):
 * only those the Atlas refers to ({@link JUNCTIONS}), with an English form written by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { destination, pointToLineDistance } from '@turf/turf';

type Pos = [number, number];
interface RawStreet { type: 'Feature'; geometry: { type: 'LineString'; coordinates: Pos[] }; properties: { name: string | null; highway: string; oneway: string | null; osm_way_index: number } }
interface RawJunction { type: 'Feature'; geometry: { type: 'Point'; coordinates: Pos }; properties: { place_zh: string; n_cameras: number; spread_m: number; accuracy_m: number } }

const CLASS: Record<string, 'major' | 'secondary' | 'minor'> = {
  motorway: 'major', motorway_link: 'major', trunk: 'major', trunk_link: 'major', primary: 'major', primary_link: 'major',
  secondary: 'secondary', secondary_link: 'secondary', tertiary: 'secondary', tertiary_link: 'secondary',
  unclassified: 'minor', residential: 'minor', living_street: 'minor', service: 'minor', road: 'minor', pedestrian: 'minor',
};

/**
 * Pieces named only in English or pinyin in the extract, and the Chinese name each would be. Used
 * only when confirmed (see the file comment); the rest stay unnamed and are listed by the script.
 */
export const LATIN_NAMES: Record<string, string> = {
  'Fushi Road': '阜石路',
  '5th Ring road': '五环路',
  'Xiaotun Lu': '小屯路',
  'Qingta Xilu': '青塔西路',
  'Bajiao Beilu': '八角北路',
  'Xiangquan Bridge': '香泉桥',
  'Yamenkou Bridge': '衙门口桥',
  'Lugu Bridge': '鲁谷桥',
  'Zhangyicun Lu': '张仪村路',
  'Wujiaocun Lu': '吴家村路',
  'Bajiao Qiao': '八角桥',
  'Wujing Bridge': '五景桥',
  'Ping Guo Yuan Road': '苹果园路',
  'Mo Shi Kou Street': '模式口大街',
  'Jin Ding Shan Road': '金顶山路',
  'Minzhuang Lu': '闵庄路',
  'Shuanglin Donglu': '双林东路',
  'Lugu Lu': '鲁谷路',
  // Not confirmed by any Chinese-named piece or junction nearby: left unnamed.
  'Jin Ding East Road': '金顶东路',
  'Jin Ding North Road': '金顶北路',
  'Jin Ding North Street': '金顶北街',
  'Lugu Jie': '鲁谷街',
  'Lugu Donglu': '鲁谷东路',
  'Shuanglin Nanlu': '双林南路',
  'Shangzhuang Donglu': '上庄东路',
  'Bajiao Donglu': '八角东路',
  'Bajiao Xilu': '八角西路',
};

/** English names where the pinyin form is not what an English reader knows the road by. */
const EN_OVERRIDE: Record<string, string> = {
  五环路: '5th Ring Road',
  北五环: 'North 5th Ring Road',
  京石高速公路: 'Jingshi Expressway',
  京石高速公路辅路: 'Jingshi Expressway (side road)',
  五一剧场南路: 'Wuyi Juchang Nanlu',
  中科院研究生院校内路: 'UCAS campus road',
  高能所出口路: 'IHEP exit road',
};

/** Junctions the Atlas refers to: the source's name (`place_zh`), an id and an English form. */
export const JUNCTIONS: { zh: string; id: string; en: string }[] = [
  { zh: '金安桥路口', id: 'jn-jinanqiao', en: "Jin'anqiao junction" },
  { zh: '金顶南路金安桥', id: 'jn-jinding-nanlu-jinanqiao', en: "Jinding Nanlu at Jin'anqiao" },
  { zh: '金顶街南口桥下', id: 'jn-jindingjie-south', en: 'Jindingjie, south end (under the bridge)' },
  { zh: '金顶街北口', id: 'jn-jindingjie-north', en: 'Jindingjie, north end' },
  { zh: '金顶南路金顶南路东口西', id: 'jn-jinding-nanlu-east', en: 'Jinding Nanlu, east end' },
  { zh: '阜石路高架晋元桥西3.6公里龙门', id: 'jn-fushilu-gantry-3600', en: 'Fushi Lu viaduct, gantry 3.6 km west of Jinyuan Bridge' },
  { zh: '广宁路口桥下', id: 'jn-guangning', en: 'Guangning Lu junction (under the bridge)' },
  { zh: '北辛安路与古城西路交口', id: 'jn-beixinan-lu-guchengxi-lu', en: "Beixin'an Lu / Guchengxi Lu" },
  { zh: '首钢厂东门路口', id: 'jn-shougang-east-gate', en: 'Shougang works east gate junction' },
  { zh: '石景山路新首钢大桥东北', id: 'jn-xinshougang-bridge-ne', en: 'Shijingshan Lu, north-east of the New Shougang Bridge' },
  { zh: '首钢厂东门路口西人行', id: 'jn-shougang-east-gate-crossing', en: 'Shijingshan Lu crossing west of the Shougang east gate' },
  { zh: '首钢试验厂公交站人行西人行', id: 'jn-shiyanchang-crossing', en: 'Shijingshan Lu crossing at the Shougang Shiyanchang bus stop' },
  { zh: '群明湖大街南口', id: 'jn-qunminghu-dajie-south', en: 'Qunminghu Dajie, south end' },
  { zh: '群明湖西街与群明湖大街交口', id: 'jn-qunminghu-xijie-dajie', en: 'Qunminghu Xijie / Qunminghu Dajie' },
  { zh: '群明湖大街与五一剧场南路交口', id: 'jn-qunminghu-dajie-wuyi-nanlu', en: 'Qunminghu Dajie / Wuyi Juchang Nanlu' },
  { zh: '秀池南路与群明湖大街交口', id: 'jn-xiuchi-nanlu-qunminghu-dajie', en: 'Xiuchi Nanlu / Qunminghu Dajie' },
  { zh: '秀池南路西口25米', id: 'jn-xiuchi-nanlu-west', en: 'Xiuchi Nanlu, west end' },
  { zh: '五一剧场南路西口25米', id: 'jn-wuyi-nanlu-west', en: 'Wuyi Juchang Nanlu, west end' },
  { zh: '动力东街与五一剧场南路交口', id: 'jn-dongli-dongjie-wuyi-nanlu', en: 'Dongli Dongjie / Wuyi Juchang Nanlu' },
  { zh: '永引渠南路西口0米', id: 'jn-yongyinqu-nanlu-west', en: 'Yongyinqu Nanlu, west end' },
  { zh: '刘娘府桥路口0米', id: 'jn-liuniangfu-bridge', en: 'Liuniangfu Bridge junction' },
  { zh: '实兴大街北口0米', id: 'jn-shixing-dajie-north', en: 'Shixing Dajie, north end' },
  { zh: '西井路与实兴大街交口', id: 'jn-xijing-lu-shixing-dajie', en: 'Xijing Lu / Shixing Dajie' },
  { zh: '永引渠南路与福田寺路交口', id: 'jn-yongyinqu-nanlu-futiansi-lu', en: 'Yongyinqu Nanlu / Futiansi Lu' },
  { zh: '永引渠南路东口至亚疗桥路口段0米', id: 'jn-yongyinqu-nanlu-east', en: 'Yongyinqu Nanlu, east end (towards Yaliao Bridge)' },
  { zh: '刘娘府南街与刘娘府路交口', id: 'jn-liuniangfu-nanjie-lu', en: 'Liuniangfu Nanjie / Liuniangfu Lu' },
  { zh: '实兴北街与金顶山路交口', id: 'jn-shixing-beijie-jindingshan-lu', en: 'Shixing Beijie / Jindingshan Lu' },
  { zh: '东下庄南路与八大处路交口', id: 'jn-dongxiazhuang-nanlu-badachu-lu', en: 'Dongxiazhuang Nanlu / Badachu Lu' },
  { zh: '古城西路与古城西街交口', id: 'jn-guchengxi-lu-guchengxi-jie', en: 'Guchengxi Lu / Guchengxi Jie' },
  { zh: '古城西街南口', id: 'jn-guchengxi-jie-south', en: 'Guchengxi Jie, south end' },
  { zh: '石景山路与燕堤大街交口', id: 'jn-shijingshan-lu-yandi-dajie', en: 'Shijingshan Lu / Yandi Dajie' },
  { zh: '古城大街与石景山路交口', id: 'jn-gucheng-dajie-shijingshan-lu', en: 'Gucheng Dajie / Shijingshan Lu' },
  { zh: '石景山路古城路口', id: 'jn-shijingshan-lu-gucheng-lu', en: 'Shijingshan Lu / Gucheng Lu' },
  { zh: '阜石路与杨庄大街交口', id: 'jn-fushi-lu-yangzhuang-dajie', en: 'Fushi Lu / Yangzhuang Dajie' },
];

/** Newer streets (or stretches the extract draws too roughly): lines through named junctions. */
export const NEW_STREETS: {
  zh: string;
  class: 'major' | 'secondary' | 'minor';
  highway: string;
  junctions: string[];
  /** A stretch a source describes beyond the last junction: its direction and length (then ± `accuracy_m`). */
  extend?: { bearing: number; length_m: number; accuracy_m: number };
  /** When set, the piece's key differs from its name's (a described stretch drawn apart from the traced one). */
  key?: string;
  replaces?: { index: number; keepUpTo?: number }[];
  notes: string;
}[] = [
  {
    zh: '群明湖大街', class: 'secondary', highway: 'tertiary',
    junctions: ['群明湖大街南口', '群明湖西街与群明湖大街交口', '群明湖大街与五一剧场南路交口', '秀池南路与群明湖大街交口'],
    notes: 'Built after the c. 2013 extract. Drawn N–S through its four named junctions, from 石景山路 (南口) to 秀池南路. A source says it reaches 阜石路 further north (沿阜石路一路向西,群明湖大街向南); no junction places that stretch, so it is not drawn.',
  },
  {
    zh: '秀池南路', class: 'minor', highway: 'residential',
    junctions: ['秀池南路西口25米', '秀池南路与群明湖大街交口'],
    notes: 'Built after the c. 2013 extract. From its west end (camera 25 m from it) to 群明湖大街.',
  },
  {
    zh: '五一剧场南路', class: 'minor', highway: 'residential',
    junctions: ['五一剧场南路西口25米', '动力东街与五一剧场南路交口', '群明湖大街与五一剧场南路交口'],
    notes: 'Built after the c. 2013 extract. From its west end (camera 25 m from it) through 动力东街 to 群明湖大街.',
  },
  {
    zh: '金顶南路', class: 'secondary', highway: 'tertiary',
    junctions: ['金顶南路金安桥', '金顶街南口桥下', '金顶南路金顶南路东口西'],
    replaces: [{ index: 22631 }, { index: 22633 }, { index: 23104 }],
    notes: 'At 金安桥: through its three named junctions, replacing the extract\'s three pieces of 金顶南路 (which lie within 30 m of it).',
  },
  {
    zh: '北辛安路', class: 'secondary', highway: 'tertiary',
    junctions: ['北辛安路与古城西路交口', '金安桥路口'],
    replaces: [{ index: 8131, keepUpTo: 2 }, { index: 26471 }, { index: 26472 }],
    notes: 'North of 古城西路: from its junction with 古城西路 to the 金安桥 junction, replacing the extract\'s pieces north of 古城西路 (within 50 m of this line). South of 古城西路 the extract\'s piece is kept.',
  },
  {
    zh: '永引渠南路', class: 'minor', highway: 'residential',
    junctions: ['永引渠南路西口0米', '刘娘府桥路口0米', '实兴大街北口0米', '永引渠南路与福田寺路交口', '永引渠南路东口至亚疗桥路口段0米'],
    replaces: [{ index: 26500 }],
    notes: 'Through its named junctions from the west end (西口) to the east end (东口), replacing the extract\'s single piece (which starts 500 m further east at 刘娘府桥). Passing 刘娘府桥 and the north end of 实兴大街 is an inference from their positions on the line (±60 m).',
  },
  {
    zh: '群明湖大街', key: 'qunminghu-dajie', class: 'secondary', highway: 'tertiary',
    junctions: ['秀池南路与群明湖大街交口'],
    extend: { bearing: 0, length_m: 520, accuracy_m: 100 },
    notes: 'North of 秀池南路: no junction names this stretch; a source walks it from 阜石路 (沿阜石路一路向西,群明湖大街向南步行约500米, air11.cn 2023), so it is drawn due north from the 秀池南路 junction to 广宁路/阜石路 (520 m), ±100 m.',
  },
  {
    zh: '二高炉南路', class: 'minor', highway: 'residential',
    junctions: ['秀池南路与群明湖大街交口'],
    extend: { bearing: 90, length_m: 500, accuracy_m: 100 },
    notes: 'Opened 2022. No junction names it; Beijing Daily (2022-07-17, via Xinhua) describes it: 道路为东西方向,长度约500米,北侧坐落着首钢1、2号高炉等工业遗存,南侧为服贸会首钢园展区…分别与西侧的秀池南路和东侧的北辛安北街连通. Drawn as 秀池南路\'s eastward continuation from the 群明湖大街 junction, due east for 500 m, ±100 m.',
  },
  {
    zh: '石景山路', class: 'major', highway: 'primary',
    junctions: ['首钢厂东门路口', '首钢厂东门路口西人行', '首钢试验厂公交站人行西人行', '石景山路新首钢大桥东北', '群明湖大街南口'],
    notes: 'The Chang\'an Avenue west extension across Shougang (opened 2019, after the c. 2013 extract), from the Shougang east gate west to 群明湖大街, through the named junctions and crossings on it. West of 群明湖大街 it crosses the river on the New Shougang Bridge (context.geojson, schematic).',
  },
  {
    zh: '金顶街', class: 'secondary', highway: 'tertiary',
    junctions: ['金顶街南口桥下', '金顶街北口'],
    notes: 'Not named in the c. 2013 extract. N–S between its named south end (at 金顶南路, under the 阜石路 viaduct) and north end.',
  },
  {
    zh: '实兴大街', class: 'secondary', highway: 'tertiary',
    junctions: ['西井路与实兴大街交口', '实兴大街北口0米'],
    replaces: [{ index: 5390, keepUpTo: 2 }],
    notes: 'Unnamed in the c. 2013 extract. N–S from 西井路 to its north end (北口) at 永引渠南路, through its two named junctions, replacing the extract\'s unnamed piece there (within 20 m of it); south of 西井路 the unnamed piece is kept.',
  },
];

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** Splits a Chinese street name into its stem and its generic part (路, 大街, 南路, 桥 …). */
const SUFFIXES = ['高速公路辅路', '高速公路', '环岛', '大街', '大道', '辅路', '路', '街', '道', '桥', '巷'];
const DIRECTIONS = ['东', '西', '南', '北', '中'];
function splitName(zh: string): { stem: string; suffix: string } {
  for (const s of SUFFIXES) {
    if (!zh.endsWith(s) || zh.length <= s.length) continue;
    let stem = zh.slice(0, -s.length);
    let suffix = s;
    const last = stem.at(-1)!;
    // 古城西路 → 古城 + 西路; keep 北辛安路 as 北辛安 + 路 (a stem of at least two characters).
    if (['路', '街'].includes(s) && DIRECTIONS.includes(last) && stem.length >= 3) {
      stem = stem.slice(0, -1);
      suffix = last + s;
    }
    return { stem, suffix };
  }
  return { stem: zh, suffix: '' };
}

/** Syllables as one word, with an apostrophe before a, o, e (Xin'an), capitalised. */
function pinyinWord(zh: string): string {
  const syl = pinyin(zh, { toneType: 'none', type: 'array', v: true }) as string[];
  const w = syl.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** English form of a Chinese street name: Beijing street-sign pinyin (阜石路 → Fushi Lu). */
export function pinyinName(zh: string): string {
  if (EN_OVERRIDE[zh]) return EN_OVERRIDE[zh]!;
  const { stem, suffix } = splitName(zh);
  return suffix ? `${pinyinWord(stem)} ${pinyinWord(suffix)}` : pinyinWord(stem);
}

/** Key shared by every piece of a street: its pinyin, kebab-case. */
export function streetKey(zh: string): string {
  const { stem, suffix } = splitName(zh);
  return [stem, suffix].filter(Boolean).map((w) => pinyinWord(w).toLowerCase().replace(/[^a-z0-9]/g, '')).join('-');
}

const round5 = (p: Pos): Pos => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];

function main() {
  const args = process.argv.slice(2);
  const from = args[args.indexOf('--from') + 1];
  if (!args.includes('--from') || !from) {
    console.error('usage: npm run import:streets -- --from DIR   (DIR holds streets_osm2013_sparsetaxi.geojson and junctions_jinjing365.geojson)');
    process.exit(2);
  }
  const out = join(import.meta.dirname, '..', '..', 'geodata');
  const streets = JSON.parse(readFileSync(join(from, 'streets_osm2013_sparsetaxi.geojson'), 'utf8')).features as RawStreet[];
  const junctions = JSON.parse(readFileSync(join(from, 'junctions_jinjing365.geojson'), 'utf8')).features as RawJunction[];
  const byName = new Map(junctions.map((j) => [j.properties.place_zh, j]));

  const zhNames = new Set(streets.map((s) => s.properties.name).filter((n): n is string => !!n && hasHan(n)));
  const confirmed = (zh: string, line: Pos[]) =>
    zhNames.has(zh) ||
    junctions.some((j) => j.properties.place_zh.includes(zh) && pointToLineDistance(j.geometry.coordinates, { type: 'LineString', coordinates: line }, { units: 'meters' }) <= 300);

  // One Latin name is one road: confirmed when any of its pieces is.
  const latinConfirmed = (latin: string, zh: string) =>
    streets.some((x) => x.properties.name === latin && confirmed(zh, x.geometry.coordinates));

  const dropped = new Map<number, number | undefined>();
  for (const n of NEW_STREETS) for (const r of n.replaces ?? []) dropped.set(r.index, r.keepUpTo);

  const provOsm = {
    source: 'osm-2013-sparsetaxi',
    method: 'digitised',
    accuracy_m: 60,
    date: '2013',
    licence: 'ODbL-1.0',
  };
  const unnamedLatin = new Map<string, number>();
  const counts = new Map<string, number>();
  const features: unknown[] = [];
  for (const s of streets) {
    const p = s.properties;
    const cls = CLASS[p.highway];
    if (!cls) continue;
    let coords = s.geometry.coordinates;
    if (dropped.has(p.osm_way_index)) {
      const keep = dropped.get(p.osm_way_index);
      if (keep === undefined) continue;
      coords = coords.slice(0, keep + 1);
    }
    coords = coords.map(round5).filter((c, i, a) => i === 0 || c[0] !== a[i - 1]![0] || c[1] !== a[i - 1]![1]);
    if (coords.length < 2) continue;
    let zh: string | undefined;
    if (p.name && hasHan(p.name)) zh = p.name;
    else if (p.name) {
      const cand = LATIN_NAMES[p.name];
      if (cand && latinConfirmed(p.name, cand)) zh = cand;
      else unnamedLatin.set(p.name, (unnamedLatin.get(p.name) ?? 0) + 1);
    }
    const props: Record<string, unknown> = { id: `street-${p.osm_way_index}`, class: cls, highway: p.highway };
    if (zh) {
      props.street = streetKey(zh);
      props.name = { zh, en: pinyinName(zh) };
      counts.set(zh, (counts.get(zh) ?? 0) + 1);
    }
    // The extract's method is described once (README, source record); a piece's notes say only
    // what is particular to it: how a Latin-only name was read.
    const latin = p.name && !hasHan(p.name);
    props.provenance = {
      ...provOsm,
      ...(latin && { notes: `Named "${p.name}" in the extract; ${zh ? `Chinese name ${zh} confirmed by ${zhNames.has(zh) ? 'a Chinese-named piece' : 'a named junction within 300 m'}` : 'no Chinese name confirmed: left unnamed'}.` }),
    };
    features.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } });
  }
  const usedJunctions = new Set<string>();
  for (const n of NEW_STREETS) {
    const pts = n.junctions.map((name) => {
      const j = byName.get(name);
      if (!j) throw new Error(`junction ${name} not found`);
      usedJunctions.add(name);
      return round5(j.geometry.coordinates);
    });
    if (n.extend) pts.push(round5(destination(pts.at(-1)!, n.extend.length_m / 1000, n.extend.bearing).geometry.coordinates as Pos));
    const jid = (name: string) => JUNCTIONS.find((j) => j.zh === name)?.id ?? (() => { throw new Error(`junction ${name} has no id in JUNCTIONS`); })();
    const acc = Math.max(n.extend?.accuracy_m ?? 0, ...n.junctions.map((name) => byName.get(name)!.properties.accuracy_m));
    const key = n.key ?? streetKey(n.zh);
    const id = `street-new-${key}${n.extend && n.junctions.length === 1 ? '-described' : ''}`;
    features.push({
      type: 'Feature',
      properties: {
        id,
        class: n.class,
        highway: n.highway,
        street: key,
        name: { zh: n.zh, en: pinyinName(n.zh) },
        junctions: n.junctions.map(jid),
        provenance: {
          source: 'project-digitising',
          method: 'digitised',
          accuracy_m: acc,
          date: '2026-12',
          notes: `${n.notes} Junctions (jinjing365 camera sites, median per name, GCJ-02 → WGS84): ${n.junctions.join('、')}. Straight between junctions.`,
          ...(n.extend && { method: 'estimated' }),
        },
      },
      geometry: { type: 'LineString', coordinates: pts },
    });
    counts.set(n.zh, (counts.get(n.zh) ?? 0) + 1);
  }
  const streetFc = {
    type: 'FeatureCollection',
    name: 'Streets of Shijingshan and its edges: OSM c. 2013 (ODbL) and newer streets through named junctions',
    features,
  };
  writeFileSync(join(out, 'streets.geojson'), `{"type":"FeatureCollection","name":${JSON.stringify(streetFc.name)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);

  const jFeatures = JUNCTIONS.map((j) => {
    const raw = byName.get(j.zh);
    if (!raw) throw new Error(`junction ${j.zh} not found in the reference file`);
    const p = raw.properties;
    return {
      type: 'Feature',
      properties: {
        id: j.id,
        name: { zh: j.zh, en: j.en },
        n_cameras: p.n_cameras,
        provenance: {
          source: 'jinjing365-junctions',
          method: 'digitised',
          accuracy_m: p.accuracy_m,
          date: '2026',
          notes: `Median of ${p.n_cameras} traffic-camera site(s) named "${j.zh}" (spread ${p.spread_m} m), crowd-sourced on jinjing365.com and collected in wz20/jinjing-skill @ fe381ee3; placed on AMap by contributors (GCJ-02), converted to WGS84 with gcoord 1.0.7. A camera stands on one approach, 10–60 m from the junction's centre.`,
        },
      },
      geometry: { type: 'Point', coordinates: [Math.round(raw.geometry.coordinates[0] * 1e6) / 1e6, Math.round(raw.geometry.coordinates[1] * 1e6) / 1e6] },
    };
  });
  writeFileSync(join(out, 'junctions.geojson'), `{"type":"FeatureCollection","name":"Named junctions the Atlas refers to (jinjing365 camera sites, WGS84)","features":[\n${jFeatures.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);

  const named = features.filter((f) => (f as { properties: { name?: unknown } }).properties.name).length;
  console.log(`streets.geojson: ${features.length} pieces (${named} named, ${counts.size} names); junctions.geojson: ${jFeatures.length}`);
  if (unnamedLatin.size) console.log(`left unnamed (no confirmed Chinese name): ${[...unnamedLatin].map(([n, c]) => `${n} ×${c}`).join(', ')}`);
}

main();
