import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { buildIndex, editDistance, search, type SearchDoc } from '../../../src/lib/search/search';

const toPinyin = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' });

const docs: SearchDoc[] = [
  { id: 'wulituo-hitech', kind: 'zone', zh: '五里坨地区（市级高新区）', en: 'Wulituo municipal high-tech zone' },
  { id: 'ai-cluster', kind: 'zone', zh: '人工智能产业集聚区', en: 'AI industry cluster', extra: ['artificial intelligence'] },
  { id: 'shougang-park', kind: 'zone', zh: '首钢园', en: 'Shougang Park' },
  { id: 'station-xinshougang', kind: 'station', zh: '新首钢', en: 'Xinshougang' },
  { id: 'shijingshan', kind: 'district', zh: '石景山区', en: 'Shijingshan District' },
  { id: 'station-bajiao', kind: 'station', zh: '八角游乐园', en: 'Bajiao Amusement Park' },
];
const index = buildIndex(docs, toPinyin);
const top = (q: string) => search(index, q)[0]?.doc.id;

describe('search', () => {
  it('finds a zone by Chinese, English, pinyin with and without tones, tone numbers and initials', () => {
    for (const q of ['五里坨', 'wulituo', 'Wǔlǐtuó', 'wu3li3tuo2', 'wu li tuo', 'wlt', 'Wulituo municipal']) expect(top(q), q).toBe('wulituo-hitech');
  });

  it('tolerates a typo in a longer query', () => {
    expect(top('wulitou')).toBe('wulituo-hitech');
    expect(top('shuogang')).toBe('shougang-park');
    expect(top('Shijingshen')).toBe('shijingshan');
  });

  it('does not fuzz short queries into noise', () => {
    expect(search(index, 'zz')).toEqual([]);
    expect(search(index, 'q')).toEqual([]);
  });

  it('ranks an exact or prefix match above a substring match, and zones above stations', () => {
    const ids = search(index, 'shougang').map((h) => h.doc.id);
    expect(ids[0]).toBe('shougang-park');
    expect(ids).toContain('station-xinshougang');
  });

  it('matches English word prefixes and aliases', () => {
    expect(top('amusement')).toBe('station-bajiao');
    expect(top('artificial')).toBe('ai-cluster');
  });

  it('returns nothing for an empty query', () => {
    expect(search(index, '   ')).toEqual([]);
  });

  it('computes edit distance with transpositions', () => {
    expect(editDistance('tuo', 'tou')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
