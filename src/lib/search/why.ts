/** The reason line of a search result ("sector: Sci-fi & gaming", "also called HIT", "sounds like"). */
import { t, type Lang, type MessageKey } from '../i18n';
import type { SearchHit } from './search';

/** Name of a tag (`sector:ai`, `kind:station`, `pkind:institute`, `zkind:park`, `space:floor`) in the UI language. */
function tagName(tag: string, lang: Lang): string {
  const [k, v] = tag.split(':') as [string, string];
  const key = k === 'sector' ? `sector.${v}` : k === 'kind' ? `search.kind.${v}` : k === 'pkind' ? `pkind.${v}` : k === 'space' ? `search.space.${v}` : `kind.${v}`;
  return t(lang, key as MessageKey);
}

export function whyText(h: SearchHit, lang: Lang): string {
  switch (h.via) {
    case 'zh':
    case 'en':
      return t(lang, 'search.why.name');
    case 'pinyin':
      return t(lang, 'search.why.pinyin');
    case 'initials':
      return t(lang, 'search.why.initials');
    case 'sound':
      return t(lang, 'search.why.sound');
    case 'typo':
      return t(lang, 'search.why.typo');
    case 'alias':
      return t(lang, 'search.why.alias', { term: h.term ?? '' });
    case 'landmark':
      return t(lang, 'search.why.landmark', { term: h.term ?? '' });
    case 'sector':
      return t(lang, 'search.why.sector', { name: h.tag ? tagName(h.tag, lang) : (h.term ?? '') });
    case 'kind':
      return t(lang, 'search.why.kind', { name: h.tag ? tagName(h.tag, lang) : (h.term ?? '') });
    case 'synonym':
      return t(lang, 'search.why.synonym', { term: h.term ?? '' });
    case 'space':
      return t(lang, 'search.why.space', { name: h.tag ? tagName(h.tag, lang) : (h.term ?? '') });
    case 'extra':
      return t(lang, 'search.why.sectorName');
  }
}
