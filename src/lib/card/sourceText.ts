/**
 * Sources as people cite them (issue #9): "Interview with Gao Yanna …, Shijingshan District S&T
 * Commission (park) and District Media Centre, 2026", never a record id such as `interview-2026`.
 * Pure; the words for sources that are not publications (OpenStreetMap, the Atlas's own
 * digitising) come from the i18n catalogue.
 */
import type { Source } from '../data/schema';
import { t, type Lang } from '../i18n';

/** Publisher up to its first ";" (reposting details are kept for the full citation). */
const shortPublisher = (p: string) => p.split(/[;；]/)[0]!.trim();

/** Geometry sources that are not publications in `claims.json`, by provenance id. */
const NON_PUBLICATION: Record<string, 'source.osm' | 'source.geoboundaries' | 'source.digitising'> = {
  osm: 'source.osm',
  geoboundaries: 'source.geoboundaries',
  'project-digitising': 'source.digitising',
};

/** Year of an ISO date, or null. */
const year = (date?: string) => (date ? date.slice(0, 4) : null);

/**
 * Short citation: title and publisher for the interview, publisher for other sources, with the
 * year ("undated" when the page has none). Unknown ids read as "a source not in the registry".
 */
export function sourceShort(id: string, sources: readonly Source[], lang: Lang): string {
  const s = sources.find((x) => x.id === id);
  if (!s) return NON_PUBLICATION[id] ? t(lang, NON_PUBLICATION[id]) : t(lang, 'source.unlisted');
  const sep = lang === 'zh' ? '，' : ', ';
  const y = year(s.date);
  const when = y ? (lang === 'zh' ? `${y}年` : y) : t(lang, 'source.undated');
  const parts = s.role === 'interview' ? [s.title[lang], shortPublisher(s.publisher[lang]), when] : [shortPublisher(s.publisher[lang]), when];
  return parts.join(sep);
}

/** Full citation for the data details: title, publisher, date and address (as text). */
export function sourceFull(id: string, sources: readonly Source[], lang: Lang): { text: string; url?: string } {
  const s = sources.find((x) => x.id === id);
  if (!s) return { text: sourceShort(id, sources, lang) };
  const sep = lang === 'zh' ? '，' : ', ';
  const text = [lang === 'zh' ? `《${s.title.zh}》` : `“${s.title.en}”`, s.publisher[lang], s.date ?? t(lang, 'source.undated')].join(sep);
  return { text, url: s.url };
}

/**
 * Lead-in of a source's own wording of a place's name (issue #19), followed on the card by the
 * wording itself: "The interview calls it" “首钢园(国际人才社区)”.
 */
export function namedAsLead(id: string, sources: readonly Source[], lang: Lang): string {
  return sources.find((x) => x.id === id)?.role === 'interview' ? t(lang, 'card.namedAs.interview') : t(lang, 'card.namedAs', { source: sourceShort(id, sources, lang) });
}
