/**
 * UI strings in zh-Hans and en. Both catalogues have the same keys (the zh catalogue `satisfies`
 * the key set of en, and en is typed from its keys, so a missing key on either side fails to compile).
 */
import { en, maplibreEn, type MessageKey } from './en';
import { zh, maplibreZh } from './zh';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, zh };
// en must not have keys zh lacks either: this line fails to compile if zh gains an extra key.
const _sameKeys: Record<keyof typeof zh, string> = en;
void _sameKeys;

/** Translates a key, replacing `{name}` placeholders with the given values (already formatted). */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const s = catalogues[lang][key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** BCP 47 tag for Intl and the document's `lang` attribute. */
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-Hans' : 'en');

/** Picks the default language from the browser's preferences: Chinese if any zh tag comes first. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const tag = l.toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

export const maplibreLocale = (lang: Lang) => (lang === 'zh' ? maplibreZh : maplibreEn);

export { issueText } from './issueText';
