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
  /** Tags a concept word finds (see vocabulary.ts): `sector:ai`, `kind:station`, `pkind:institute` … */
  tags?: string[];
  /** Other names and landmarks of this place, with why they name it. */
  aliases?: { why: 'alias' | 'landmark'; terms: string[] }[];
  /** Representative position [lon°, lat°], to rank equally good hits by closeness to the view. */
  at?: [number, number];
}

import { ALIASES, CONCEPTS, SYNONYMS, type Concept } from './vocabulary';

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
  aliases: { why: 'alias' | 'landmark'; term: string; key: string }[];
}

interface IndexedConcept {
  concept: Concept;
  keys: { term: string; key: string; han: boolean }[];
}

export interface SearchIndex {
  docs: IndexedDoc[];
  concepts: IndexedConcept[];
  /** Synonym groups, each term as its words (normalised). */
  synonyms: { term: string; words: string[] }[][];
  toPinyin: ToPinyin;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /**
   * Why it matched, shown with the result: its name (zh/en), its pinyin or initials, a Chinese
   * homophone or near-homophone (`sound`: 首刚 → 首钢), a spelling slip (`typo`), an alias or
   * landmark, a synonym of a word of the name (`synonym`: "science fiction" → "Sci-fi …"), a
   * sector, kind or space word, or a sector name (`extra`).
   */
  via: 'zh' | 'en' | 'pinyin' | 'initials' | 'extra' | 'sound' | 'typo' | 'alias' | 'landmark' | 'synonym' | 'sector' | 'kind' | 'space';
  /** The term that matched (alias, landmark or concept word), for the reason line. */
  term?: string;
  /** The tag a concept word found (e.g. `sector:scifi-gaming`). */
  tag?: string;
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
/** Words of a Latin text, normalised ("Sci-fi & gaming" → sci, fi, gaming). */
const wordsOf = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(normalise);

export function buildIndex(docs: SearchDoc[], toPinyin: ToPinyin): SearchIndex {
  return {
    toPinyin,
    concepts: CONCEPTS.map((concept) => ({ concept, keys: concept.terms.map((term) => ({ term, key: hasHan(term) ? term : normalise(term), han: hasHan(term) })) })),
    synonyms: SYNONYMS.map((g) => g.map((term) => ({ term, words: wordsOf(term) }))),
    docs: docs.map((doc) => {
      const syllables = toPinyin(doc.zh)
        .map((s) => normalise(s))
        .filter(Boolean);
      return {
        doc,
        zh: doc.zh.replace(/\s+/g, ''),
        en: normalise(doc.en),
        enWords: wordsOf(doc.en),
        pinyin: syllables.join(''),
        syllables,
        initials: syllables.map((s) => s[0]).join(''),
        extra: (doc.extra ?? []).map(normalise),
        aliases: [...(doc.aliases ?? []), ...(ALIASES[doc.id] ?? [])].flatMap((a) => a.terms.map((term) => ({ why: a.why, term, key: hasHan(term) ? term : normalise(term) }))),
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
  // Inside a word only from four letters on: "ai" must not find "Haidian" or "Fengtai".
  if (q.length >= 4 && key.includes(q)) return 60;
  const typos = allowedTypos(q.length);
  if (typos > 0) {
    // Compare with the key's prefix of the query's length (typo in a prefix), and with whole words.
    const candidates = [key.slice(0, q.length), key.slice(0, q.length + 1), key.slice(0, Math.max(0, q.length - 1)), ...words];
    const best = Math.min(...candidates.map((c) => editDistance(q, c, typos)));
    if (best <= typos) return 45 - best * 10;
  }
  return 0;
}

/** Ranking by kind: zones, then places, stations, districts (a district is rarely what is meant). */
const KIND_BOOST: Record<SearchKind, number> = { zone: 3, point: 2, station: 1, district: 0 };

/**
 * Matches of what names a place (its names, pinyin, aliases, landmarks, synonyms) rank above every
 * sector, kind or space word and every spelling slip (issue #19: "science fiction" listed the parks
 * of the sci-fi sector before the sci-fi cluster itself).
 */
const NAME_TIER = 100;
const NAMING: ReadonlySet<SearchHit['via']> = new Set(['zh', 'en', 'pinyin', 'initials', 'sound', 'alias', 'landmark', 'synonym']);

/**
 * The query with a synonym in place of one of its words or phrases ("science fiction" → "sci fi"),
 * each with the synonym put in; none when it holds no synonym.
 */
function synonymVariants(words: readonly string[], groups: SearchIndex['synonyms']): { words: string[]; term: string }[] {
  const out: { words: string[]; term: string }[] = [];
  for (const g of groups)
    for (const from of g)
      for (let i = 0; i + from.words.length <= words.length; i++) {
        if (!from.words.every((w, k) => words[i + k] === w)) continue;
        for (const to of g) if (to !== from) out.push({ words: [...words.slice(0, i), ...to.words, ...words.slice(i + from.words.length)], term: to.term });
      }
  return out;
}

/** Does a concept/alias key match the query? Han: equal, or contained when two or more characters. */
function termMatch(q: string, raw: string, key: string, han: boolean): number {
  if (han) {
    if (raw === key) return 100;
    if (key.length >= 2 && raw.includes(key)) return 80;
    if (raw.length >= 2 && key.startsWith(raw)) return 75;
    return 0;
  }
  if (q === key) return 100;
  if (q.length >= 3 && key.startsWith(q)) return 80;
  return 0;
}

/**
 * Results for a query, best first. Scores: a name matched exactly or as a prefix (90–100), an alias
 * or landmark (78–88), a word prefix (75), a sector, kind or space word (68–70), pinyin of a
 * Chinese query that sounds like a name (52–60: 五里陀 → 五里坨), a substring of four letters or
 * more (60), a synonym of a word of the name (the name's score less 2), a typo (35–45); whatever
 * names the place then goes above every other match (`NAME_TIER`); plus a small boost by kind;
 * ties go to the place nearest `near` [lon°, lat°]. Short Latin queries ("AI") never match inside
 * words, so "AI" does not find "Haidian".
 */
export function search(index: SearchIndex, query: string, limit = 8, near?: [number, number]): SearchHit[] {
  const raw = query.trim().replace(/\s+/g, hasHan(query) ? '' : ' ');
  if (!raw) return [];
  const q = normalise(raw);
  const qPinyin = q.replace(/[0-9]/g, '');
  const han = hasHan(raw);
  // One Latin letter matches half the index: wait for a second one.
  if (!han && q.length < 2) return [];
  const qWords = wordsOf(raw);
  const qGroups = raw.toLowerCase().split(/\s+/).map(wordsOf).filter((g) => g.length > 0);
  const variants = han ? [] : synonymVariants(qWords, index.synonyms);
  // A Chinese query is also read by its sound: a wrong character with the right pinyin still finds.
  const soundQ = han ? index.toPinyin(raw).map(normalise).filter(Boolean).join('') : '';
  // Concept words (sectors, kinds) in the query.
  const tagHits = new Map<string, { score: number; term: string; why: Concept['why'] }>();
  for (const c of index.concepts)
    for (const k of c.keys) {
      const m = termMatch(q, raw, k.key, k.han);
      if (m === 0) continue;
      for (const tag of c.concept.tags) if (m > (tagHits.get(tag)?.score ?? 0)) tagHits.set(tag, { score: m, term: k.term, why: c.concept.why });
    }
  const hits: SearchHit[] = [];
  for (const d of index.docs) {
    let best: SearchHit | null = null;
    const consider = (base: number, via: SearchHit['via'], extra: Partial<SearchHit> = {}) => {
      if (!(base > 0)) return;
      const score = base + (NAMING.has(via) ? NAME_TIER : 0);
      if (!best || score > best.score) best = { doc: d.doc, score, via, ...extra };
    };
    if (han) {
      if (d.zh === raw) consider(100, 'zh');
      else if (d.zh.startsWith(raw)) consider(90, 'zh');
      else if (d.zh.includes(raw)) consider(70, 'zh');
      if (soundQ.length >= 4) {
        if (d.pinyin === soundQ) consider(60, 'sound');
        else if (d.pinyin.startsWith(soundQ)) consider(56, 'sound');
        else if (soundQ.length >= 6 && d.pinyin.includes(soundQ)) consider(52, 'sound');
      }
    } else {
      const en = keyScore(q, d.en, d.enWords);
      consider(en, en < 50 ? 'typo' : 'en');
      const py = keyScore(qPinyin, d.pinyin, d.syllables) - 1;
      consider(py, py < 50 ? 'typo' : 'pinyin');
      if (qPinyin.length >= 2 && d.initials.startsWith(qPinyin)) consider(qPinyin.length === d.initials.length ? 80 : 65, 'initials');
      for (const e of d.extra) consider(keyScore(q, e) - 20, 'extra');
      // Several words: each a prefix of some word of the English name ("zgc park").
      // A hyphenated word ("sci-fi") keeps its parts together and in order: "Sci-tech Finance" is no match.
      const inOrder = (g: readonly string[]) => d.enWords.some((_, i) => g.every((w, k) => d.enWords[i + k]?.startsWith(w)));
      if (qWords.length > 1 && qGroups.every(inOrder)) consider(74, 'en');
      for (const v of variants) {
        const en = Math.max(keyScore(v.words.join(''), d.en, d.enWords), v.words.length > 1 && inOrder(v.words) ? 74 : 0);
        if (en >= 50) consider(en - 2, 'synonym', { term: v.term });
      }
    }
    for (const a of d.aliases) {
      const m = termMatch(q, raw, a.key, hasHan(a.key));
      if (m) consider(m - 12, a.why, { term: a.term });
    }
    for (const tag of d.doc.tags ?? []) {
      const th = tagHits.get(tag);
      if (th) consider(th.score - 30, th.why, { term: th.term, tag });
    }
    if (best) hits.push({ ...(best as SearchHit), score: (best as SearchHit).score + KIND_BOOST[d.doc.kind] });
  }
  const dist = (h: SearchHit) => (near && h.doc.at ? Math.hypot((h.doc.at[0] - near[0]) * Math.cos((near[1] * Math.PI) / 180), h.doc.at[1] - near[1]) : Infinity);
  return hits.sort((a, b) => b.score - a.score || dist(a) - dist(b) || a.doc.zh.length - b.doc.zh.length).slice(0, limit);
}
