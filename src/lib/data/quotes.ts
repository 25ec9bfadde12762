/**
 * Verbatim check of quotes against a source text (issue #8): every phrase attributed to a source
 * must be a piece of that source's text. Comparison ignores what typesetting changes without
 * changing words: Unicode compatibility forms (full-width ↔ half-width punctuation, NFKC),
 * whitespace, and the kind of quotation marks; 、 is read as a comma.
 */
import type { Claim, Evidence, NamedAs } from './schema';
import type { DataIssue } from './load';

/** The text as compared: NFKC, no whitespace, no quotation marks, 、 → ",". */
export function normaliseQuoteText(s: string): string {
  return s.normalize('NFKC').replace(/[\s"'“”‘’「」『』]/g, '').replace(/、/g, ',');
}

export interface QuotedItem {
  /** `claims.json` or the geodata file of the feature. */
  file: string;
  id: string;
  field: string;
  phrase: string;
}

/** The interview's quotes: `quote_zh` of its claims, evidence phrases citing it, and its wordings of names (`named_as`). */
export function quotesOf(
  sourceId: string,
  claims: readonly Claim[],
  features: readonly { file: string; id: string; evidence: readonly Evidence[]; named_as?: readonly NamedAs[] }[],
): QuotedItem[] {
  const out: QuotedItem[] = [];
  for (const c of claims) if (c.source === sourceId && c.quote_zh) out.push({ file: 'claims.json', id: c.id, field: 'quote_zh', phrase: c.quote_zh });
  for (const f of features)
    for (const [key, list] of [['evidence', f.evidence], ['named_as', f.named_as ?? []]] as const)
      list.forEach((e, i) => {
        if (e.source === sourceId) out.push({ file: f.file, id: f.id, field: `properties.${key}[${i}].phrase`, phrase: e.phrase });
      });
  return out;
}

/** One located error per quote that is not a piece of `text`. */
export function quoteIssues(items: readonly QuotedItem[], text: string, textName: string): DataIssue[] {
  const hay = normaliseQuoteText(text);
  return items
    .filter((q) => !hay.includes(normaliseQuoteText(q.phrase)))
    .map((q) => ({
      file: q.file,
      id: q.id,
      field: q.field,
      code: 'quote-not-verbatim',
      severity: 'error' as const,
      message: `quote not found verbatim in ${textName}: "${q.phrase.length > 40 ? q.phrase.slice(0, 40) + '…' : q.phrase}"`,
    }));
}
