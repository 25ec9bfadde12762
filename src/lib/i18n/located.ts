/**
 * Located messages in both languages (issue #17). A producer (import worker, validation, restore)
 * writes `say(key, vars)` into an issue: its English `message` (CLIs, logs, tests) and the key and
 * values (`text`), from which the UI writes the message in its own language (`localise`). A value
 * may itself be a message (`msg(key, vars)`), e.g. the hint inside a coordinate-system error, or a
 * pair of texts made elsewhere (`{ zh, en }`, e.g. a schema error worded by zod's own locales).
 * Values taken from the file (names, coordinates, library errors) are shown as they are.
 */
import { issuesEn, type IssueKey } from './issues.en';
import { formatLocated, type Located, type LocatedVar } from './issueText';

export type { IssueKey, Located, LocatedVar };
export { formatLocated };

/** A message (as a value inside another one, or to be said later). */
export const msg = (key: IssueKey, vars?: Record<string, LocatedVar>): Located => (vars ? { key, vars } : { key });

/** An issue's message in English and its key and values, to spread into a DataIssue. */
export function say(key: IssueKey, vars?: Record<string, LocatedVar>): { message: string; text: Located } {
  const text = msg(key, vars);
  return { message: formatLocated(issuesEn, 'en', text), text };
}
