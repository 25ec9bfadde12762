/**
 * Words people search with that are not in the places' names (issue #9): sector and kind words with
 * their synonyms in both languages, institutes' short names and landmarks. A concept word finds the
 * zones and places tagged with it (a sector, a kind); an alias finds the named place. Ids that are
 * not in the data are ignored, so the data can change without breaking search.
 */

/**
 * Tags a search document carries: `sector:<id>`, `kind:station`, `pkind:<point kind>`,
 * `zkind:<zone kind>`, and `space:floor` (the place has floor-area figures, claims with
 * `area: 'floor'`) or `space:incubator` (an incubator by its name), see docs.ts.
 */
export type Tag = string;

export interface Concept {
  /** Shown as the reason of a hit (i18n key suffix `search.why.<why>`), with the matched term. */
  why: 'sector' | 'kind' | 'space';
  /** Terms in any language and script, matched after normalisation (case, tones, spaces). */
  terms: string[];
  /** Documents with any of these tags match. */
  tags: Tag[];
}

export const CONCEPTS: Concept[] = [
  { why: 'sector', terms: ['science fiction', 'sci-fi', 'scifi', 'sf', '科幻'], tags: ['sector:scifi-gaming'] },
  { why: 'sector', terms: ['game', 'games', 'gaming', 'video game', 'esports', 'e-sports', '游戏', '电竞', '电子竞技'], tags: ['sector:scifi-gaming'] },
  { why: 'sector', terms: ['finance', 'financial', 'fintech', 'bank', 'banking', 'insurance', '金融', '银行', '保险', '科技金融'], tags: ['sector:modern-finance'] },
  { why: 'sector', terms: ['ai', 'a.i.', 'artificial intelligence', '人工智能', '智能', 'robot', 'robotics', '机器人', 'humanoid', '人形机器人'], tags: ['sector:ai'] },
  { why: 'sector', terms: ['vr', 'virtual reality', 'xr', 'ar', 'metaverse', '虚拟现实', '元宇宙', '扩展现实'], tags: ['sector:vr'] },
  { why: 'sector', terms: ['industrial internet', 'iiot', 'industrial iot', 'industry internet', '工业互联网', '工业互联'], tags: ['sector:industrial-internet'] },
  { why: 'sector', terms: ['health', 'future health', 'biotech', 'medical', '健康', '未来健康', '医疗', '生物医药'], tags: ['sector:future-health'] },
  { why: 'sector', terms: ['culture', 'cultural', '文化'], tags: ['sector:culture'] },
  { why: 'sector', terms: ['international', 'talent', 'expat', '国际', '人才', '国际人才'], tags: ['sector:international'] },
  { why: 'kind', terms: ['metro', 'subway', 'station', 'underground', 'rail', 'line', '地铁', '地铁站', '站', '车站', '轨道交通'], tags: ['kind:station'] },
  { why: 'kind', terms: ['institute', 'research institute', 'university', 'lab', '研究院', '研究所', '院所', '科研院所', '高校'], tags: ['pkind:institute'] },
  { why: 'kind', terms: ['centre', 'center', '中心'], tags: ['pkind:centre'] },
  // Investors' words for space to rent or grow in (issue #19): the places with floor-area figures
  // and the incubators.
  {
    why: 'space',
    terms: [
      'office space', 'offices', 'office building', 'floor space', 'floor area', 'space to rent', 'incubator', 'incubation', 'start-up space', 'startup space',
      '写字楼', '办公空间', '办公楼', '办公', '楼宇', '载体', '建筑面积', '孵化', '孵化器', '孵化空间', '众创空间', '育成',
    ],
    tags: ['space:incubator', 'space:floor'],
  },
  { why: 'kind', terms: ['park', 'industrial park', 'zone', '园区', '产业园'], tags: ['zkind:featured-park', 'zkind:national-hitech-park', 'zkind:park'] },
];

/**
 * Other names of particular places: short names of institutes, landmarks inside a zone. Keyed by
 * zone or point id. `why` is shown with the hit ("also called HIT", "landmark: Big Air").
 */
export const ALIASES: Record<string, { why: 'alias' | 'landmark'; terms: string[] }[]> = {
  'hit-beijing-research-institute': [{ why: 'alias', terms: ['HIT', '哈工大', 'Harbin Tech', '哈工大北京研究院'] }],
  'cetc-intelligence-institute': [{ why: 'alias', terms: ['CETC', '中国电科', '电科', 'China Electronics Technology Group'] }],
  'finance-cetc-park': [{ why: 'alias', terms: ['CETC', '中电科', '中国电科'] }],
  'casic-intelligence-institute': [{ why: 'alias', terms: ['CASIC', '航天科工', 'China Aerospace Science and Industry'] }],
  'zgc-sjs-park': [{ why: 'alias', terms: ['ZGC', 'ZGC park', 'Zhongguancun', '中关村', '石景山园', 'Shijingshan Park'] }],
  'shougang-park': [
    { why: 'alias', terms: ['Shougang', '首钢', 'New Shougang', '新首钢', 'Shougang Industrial Park'] },
    {
      why: 'landmark',
      terms: [
        'Winter Olympics', 'Olympics', 'Beijing 2022', '冬奥', '冬奥会', '北京冬奥组委',
        'Big Air', 'Big Air Shougang', '首钢滑雪大跳台', '大跳台', '滑雪大跳台',
        'blast furnace', 'furnace', '高炉', '一高炉', '三高炉', '四高炉',
        '群明湖', 'Qunming Lake', 'Xiuchi', '秀池', 'Shijing Mountain', '石景山（山）',
      ],
    },
  ],
  'scifi-cluster': [{ why: 'landmark', terms: ['金安科幻广场', 'Jin\u2019an Sci-fi Plaza', 'Jinan sci-fi plaza', 'SoReal', '一高炉', 'blast furnace'] }],
  'wulituo-hitech': [{ why: 'alias', terms: ['Wulituo', '五里坨'] }],
};

/**
 * Words and phrases that name the same thing in place names (issue #19): "science fiction" finds
 * the "Sci-fi & gaming industry cluster" by its name, not only by its sector. A query with one of
 * these is also read with each other one in its place; such a hit counts as a name match.
 */
export const SYNONYMS: string[][] = [
  ['science fiction', 'sci-fi', 'SF'],
  ['virtual reality', 'VR'],
  ['artificial intelligence', 'AI'],
  ['Zhongguancun', 'ZGC'],
  ['centre', 'center'],
  ['high-tech', 'hi-tech', 'hitech'],
  ['games', 'gaming'],
  ['game', 'gaming'],
];
