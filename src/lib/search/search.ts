/**
 * Search across zones, points, stations and districts in Chinese, English and pinyin (with or
 * without tone marks or tone numbers, or initials such as "wlt" for 五里坨), tolerant of typos.
 * Pure: the pinyin converter is passed in, so the app can load pinyin-pro lazily.
 */

export type SearchKind = 'zone' | 'point' | 'station' | 'district';

export interface SearchDoc {
  /** Id the app selects when the result is chosen (zone id, point id …). */
  id: string;
  kind: SearchKind;
  zh: string;
  en: string;
  /** Extra terms (aliases, sector names) matched with a lower weight. */
  extra?: string[];
}

/** Converts Chinese text to pinyin syllables without tones, e.g. 五里坨 → ["wu","li","tuo"]. */
export type ToPinyin = (zh: string) => string[];

interface IndexedDoc {
  doc: SearchDoc;
  zh: string;
  en: string;
  enWords: string[];
  pinyin: string;
  syllables: string[];
  initials: string;
  extra: string[];
}

export interface SearchIndex {
  docs: IndexedDoc[];
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Which name matched: shown to explain a fuzzy or pinyin hit. */
  via: 'zh' | 'en' | 'pinyin' | 'initials' | 'extra';
}

/** Lower-case, strip diacritics (tone marks), tone digits, spaces and punctuation. */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ü/g, 'u')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

export function buildIndex(docs: SearchDoc[], toPinyin: ToPinyin): SearchIndex {
  return {
    docs: docs.map((doc) => {
      const syllables = toPinyin(doc.zh)
        .map((s) => normalise(s))
        .filter(Boolean);
      return {
        doc,
        zh: doc.zh.replace(/\s+/g, ''),
        en: normalise(doc.en),
        enWords: doc.en.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(normalise),
        pinyin: syllables.join(''),
        syllables,
        initials: syllables.map((s) => s[0]).join(''),
        extra: (doc.extra ?? []).map(normalise),
      };
    }),
  };
}

/** Damerau-Levenshtein (optimal string alignment) distance, capped for speed. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
  }
  return d[a.length]![b.length]!;
}

/** Typos allowed for a query of this length. */
const allowedTypos = (n: number) => (n >= 8 ? 2 : n >= 4 ? 1 : 0);

/** Score of a query against one key: exact > prefix > word prefix > substring > fuzzy. */
function keyScore(q: string, key: string, words: string[] = []): number {
  if (!q || !key) return 0;
  if (key === q) return 100;
  if (key.startsWith(q)) return 85 - Math.min(10, (key.length - q.length) / 4);
  if (words.some((w) => w.startsWith(q))) return 75;
  if (key.includes(q)) return 60;
  const typos = allowedTypos(q.length);
  if (typos > 0) {
    // Compare with the key's prefix of the query's length (typo in a prefix), and with whole words.
    const candidates = [key.slice(0, q.length), key.slice(0, q.length + 1), key.slice(0, Math.max(0, q.length - 1)), ...words];
    const best = Math.min(...candidates.map((c) => editDistance(q, c, typos)));
    if (best <= typos) return 45 - best * 10;
  }
  return 0;
}

const KIND_BOOST: Record<SearchKind, number> = { zone: 3, point: 2, district: 1, station: 0 };

export function search(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const raw = query.trim();
  if (!raw) return [];
  const hits: SearchHit[] = [];
  const q = normalise(raw);
  const qPinyin = q.replace(/[0-9]/g, '');
  // One Latin letter matches half the index: wait for a second one.
  if (!hasHan(raw) && q.length < 2) return [];
  for (const d of index.docs) {
    let best: SearchHit | null = null;
    const consider = (score: number, via: SearchHit['via']) => {
      if (score > 0 && (!best || score > best.score)) best = { doc: d.doc, score, via };
    };
    if (hasHan(raw)) {
      const zq = raw.replace(/\s+/g, '');
      if (d.zh === zq) consider(100, 'zh');
      else if (d.zh.startsWith(zq)) consider(90, 'zh');
      else if (d.zh.includes(zq)) consider(70, 'zh');
    } else {
      consider(keyScore(q, d.en, d.enWords), 'en');
      consider(keyScore(qPinyin, d.pinyin, d.syllables) - 1, 'pinyin');
      if (qPinyin.length >= 2 && d.initials.startsWith(qPinyin)) consider(qPinyin.length === d.initials.length ? 80 : 65, 'initials');
      for (const e of d.extra) consider(keyScore(q, e) - 20, 'extra');
    }
    if (best) hits.push({ ...(best as SearchHit), score: (best as SearchHit).score + KIND_BOOST[d.doc.kind] });
  }
  return hits.sort((a, b) => b.score - a.score || a.doc.zh.length - b.doc.zh.length).slice(0, limit);
}
