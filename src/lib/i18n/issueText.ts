/**
 * Located messages (import, restore, validation issues; see located.ts) in the UI's language. The
 * two catalogues (issues.en.ts, issues.zh.ts) are not on the first screen: the code that makes
 * issues in the app (opening, restoring, saving files) registers them when it loads (issues.ts),
 * before any of its issues is shown. Until then, and for issues without a key, the English
 * `message` is shown.
 */
import type { IssueKey } from './issues.en';

export interface Located {
  key: IssueKey;
  vars?: Record<string, LocatedVar>;
}
export type LocatedVar = string | number | Located | { zh: string; en: string };
type Catalogue = Record<IssueKey, string>;

const registered: Partial<Record<'zh' | 'en', Catalogue>> = {};

export function registerIssueTexts(c: { zh: Catalogue; en: Catalogue }): void {
  Object.assign(registered, c);
}

/** The text of a message with a catalogue (`lang` picks the side of `{ zh, en }` values). */
export function formatLocated(catalogue: Catalogue, lang: 'zh' | 'en', l: Located): string {
  const value = (v: LocatedVar): string => (typeof v === 'object' ? ('key' in v ? formatLocated(catalogue, lang, v) : v[lang]) : String(v));
  const s = catalogue[l.key];
  return (l.vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (l.vars![k] !== undefined ? value(l.vars![k]!) : m)) : s).replace(/ {2,}/g, ' ').trim();
}

/** An issue's message in the UI's language. */
export function issueText(lang: 'zh' | 'en', issue: { message: string; text?: Located }): string {
  const c = registered[lang];
  return issue.text && c ? formatLocated(c, lang, issue.text) : issue.message;
}
