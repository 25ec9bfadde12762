import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { buildIndex, search } from '../../../src/lib/search/search';
import { searchDocs } from '../../../src/lib/search/docs';
import { whyText } from '../../../src/lib/search/why';
import { t, type MessageKey } from '../../../src/lib/i18n';
import type { AtlasData } from '../../../src/lib/data/load';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
const sectorNames = (s: string) => [t('zh', `sector.${s}` as MessageKey), t('en', `sector.${s}` as MessageKey)];
const indexOf = (d: AtlasData) => buildIndex(searchDocs(d, sectorNames), (zh) => pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' }));
const index = indexOf(data);
const ids = (q: string, limit = 8) => search(index, q, limit).map((h) => h.doc.id);

/** Zone and point ids of a sector, read from the data files (not from the search code). */
const ofSector = (sector: string) => [
  ...new Set([
    ...data.zones.filter((z) => z.properties.sectors.includes(sector as never)).map((z) => z.properties.zone),
    ...data.points.filter((p) => p.properties.sectors.includes(sector as never)).map((p) => p.properties.id),
  ]),
];

describe('search vocabulary (issue #9)', () => {
  const sectorWords: Record<string, string[]> = {
    'scifi-gaming': ['science fiction', 'sci-fi', '科幻', 'game', '游戏', '电竞'],
    'modern-finance': ['finance', '金融', '银行', '保险'],
    ai: ['AI', '人工智能'],
    vr: ['VR', 'virtual reality', '虚拟现实'],
    'industrial-internet': ['industrial internet', '工业互联网'],
  };
  for (const [sector, words] of Object.entries(sectorWords))
    for (const w of words)
      it(`"${w}" finds the zones and places of sector ${sector}, and no district`, () => {
        const expected = ofSector(sector);
        expect(expected.length).toBeGreaterThan(0);
        const hits = search(index, w, 100);
        const found = hits.map((h) => h.doc.id);
        for (const id of expected) expect(found, `${w} → ${id}`).toContain(id);
        expect(hits.filter((h) => h.doc.kind === 'district').map((h) => h.doc.id)).toEqual([]);
      });

  for (const w of ['metro', 'station', '地铁', '站'])
    it(`"${w}" lists metro stations first`, () => {
      const hits = search(index, w, 8);
      expect(hits.length).toBe(8);
      expect(hits.every((h) => h.doc.kind === 'station')).toBe(true);
    });

  const named: [string, string][] = [
    ['HIT', 'hit-beijing-research-institute'],
    ['哈工大', 'hit-beijing-research-institute'],
    ['CETC', 'cetc-intelligence-institute'],
    ['中国电科', 'cetc-intelligence-institute'],
    ['CASIC', 'casic-intelligence-institute'],
    ['航天科工', 'casic-intelligence-institute'],
    ['Shougang', 'shougang-park'],
    ['Winter Olympics', 'shougang-park'],
    ['big air', 'shougang-park'],
    ['blast furnace', 'shougang-park'],
    ['群明湖', 'shougang-park'],
    ['zgc park', 'zgc-sjs-park'],
    ['五里陀', 'wulituo-hitech'],
    ['首刚', 'shougang-park'],
  ];
  for (const [q, id] of named)
    it(`"${q}" finds ${id} among the first three`, () => {
      expect(ids(q, 3)).toContain(id);
    });

  it('"AI" does not list districts whose names contain the letters (Haidian, Fengtai)', () => {
    expect(ids('AI', 100)).not.toContain('haidian');
    expect(ids('AI', 100)).not.toContain('fengtai');
  });

  it('says why each result matched', () => {
    const [w] = search(index, '五里陀', 1);
    expect(whyText(w!, 'en')).toBe('same sound, different characters');
    const [h] = search(index, 'HIT', 1);
    expect(whyText(h!, 'en')).toBe('also called HIT');
    const fin = search(index, 'finance', 8).find((x) => x.doc.id === 'finance-cetc-park')!;
    expect(whyText(fin, 'zh')).toBe('产业方向：现代金融');
  });

  it('ranks equally good results by closeness to the view', () => {
    const st = (id: string) => data.context.find((c) => c.properties.id === id)!.geometry.coordinates as [number, number];
    expect(search(index, 'metro', 1, st('station-jinanqiao'))[0]!.doc.id).toBe('station-jinanqiao');
    expect(search(index, 'metro', 1, st('station-bajiao-youleyuan'))[0]!.doc.id).toBe('station-bajiao-youleyuan');
  });
});

/** Zones (by zone id) and places of the data, with their names. */
const named = [
  ...new Map(data.zones.map((z) => [z.properties.zone, z.properties.name] as const)),
  ...data.points.map((p) => [p.properties.id, p.properties.name] as const),
];

describe('search ranks names above sectors and kinds (issue #19)', () => {
  it('lists the Sci-fi & gaming industry cluster first for "science fiction", and the VR park first for "虚拟现实"', () => {
    expect(ids('science fiction', 1)).toEqual(['scifi-cluster']);
    expect(ids('虚拟现实', 1)).toEqual(['vr-park']);
    expect(ids('virtual reality', 1)).toEqual(['vr-park']);
  });

  // Each query with the places whose name holds it (read from the data): they come before any
  // place found by its sector only.
  const inName: [string, (n: { zh: string; en: string }) => boolean][] = [
    ['虚拟现实', (n) => n.zh.includes('虚拟现实')],
    ['科幻', (n) => n.zh.includes('科幻')],
    ['工业互联网', (n) => n.zh.includes('工业互联网')],
    ['人工智能', (n) => n.zh.includes('人工智能')],
    ['VR', (n) => /\bVR\b/.test(n.en)],
    ['AI', (n) => /\bAI\b/.test(n.en)],
    ['industrial internet', (n) => /industrial[ -]internet/i.test(n.en)],
    ['sci-fi', (n) => /sci-fi/i.test(n.en)],
    ['science fiction', (n) => /sci-fi/i.test(n.en)],
  ];
  for (const [q, has] of inName)
    it(`"${q}": the places whose name holds it come first`, () => {
      const expected = named.filter(([, n]) => has(n)).map(([id]) => id);
      expect(expected.length).toBeGreaterThan(0);
      const found = ids(q, 100);
      expect(found.length).toBeGreaterThan(expected.length);
      expect([...found.slice(0, expected.length)].sort()).toEqual([...expected].sort());
    });
});

describe("investors' words for floor space and incubators (issue #19)", () => {
  /** Places with a floor-area figure (a claim with area "floor" about them), from the data. */
  const floor = new Set<string>();
  for (const c of data.claims.filter((c) => c.area === 'floor')) {
    if (c.scope.kind === 'zone') floor.add(c.scope.zone);
    if (c.scope.kind === 'point') floor.add(c.scope.point);
    for (const z of data.zones) if (z.properties.claims.includes(c.id)) floor.add(z.properties.zone);
    for (const p of data.points) if (p.properties.claims.includes(c.id)) floor.add(p.properties.id);
  }
  const incubators = new Set(named.filter(([, n]) => /孵化|育成|incubat/i.test(`${n.zh} ${n.en}`)).map(([id]) => id));

  for (const q of ['office space', '写字楼', '办公空间', '楼宇', '孵化', 'incubator'])
    it(`"${q}" finds every place with floor-area figures and every incubator, and nothing else`, () => {
      expect(floor.size).toBeGreaterThan(2);
      expect(incubators.size).toBeGreaterThan(0);
      const found = ids(q, 100);
      expect([...found].sort()).toEqual([...new Set([...floor, ...incubators])].sort());
    });

  it('says why a place was found', () => {
    const h = search(index, 'office space', 100).find((x) => floor.has(x.doc.id) && !incubators.has(x.doc.id))!;
    expect(whyText(h, 'en')).toBe('has floor-space figures');
    expect(whyText(h, 'zh')).toBe('有建筑面积数据');
  });
});

describe('search with Shougang Park under its own name (issue #19)', () => {
  const renamed = indexOf(loadRealData().data);
  const top = (q: string) => search(renamed, q, 1)[0]!;

  for (const q of ['首钢园', 'Shougang Park', 'shougang yuan'])
    it(`"${q}" finds Shougang Park first`, () => {
      expect(top(q).doc.id).toBe('shougang-park');
      expect(top(q).doc.en).toBe('Shougang Park');
    });

  it("finds it by the interview's wording too, and says so", () => {
    const h = top('首钢园(国际人才社区)');
    expect(h.doc.id).toBe('shougang-park');
    expect(whyText(h, 'zh')).toBe('又称“首钢园(国际人才社区)”');
  });

  it('"国际人才社区" finds the talent community first, not the park', () => {
    expect(top('国际人才社区').doc.id).toBe('shougang-talent-community');
    expect(top('international talent community').doc.id).toBe('shougang-talent-community');
  });
});
