import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { buildIndex, search } from '../../../src/lib/search/search';
import { searchDocs } from '../../../src/lib/search/docs';
import { whyText } from '../../../src/lib/search/why';
import { t, type MessageKey } from '../../../src/lib/i18n';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
const sectorNames = (s: string) => [t('zh', `sector.${s}` as MessageKey), t('en', `sector.${s}` as MessageKey)];
const index = buildIndex(searchDocs(data, sectorNames), (zh) => pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' }));
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
