import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { GEODATA_FILES, loadAtlasData } from '../../../src/lib/data/load';
import { normaliseQuoteText, quoteIssues, quotesOf } from '../../../src/lib/data/quotes';

const read = (f: string) => readFileSync(new URL(`../../../geodata/${f}`, import.meta.url), 'utf8');
const { data } = loadAtlasData(Object.fromEntries(Object.entries(GEODATA_FILES).map(([k, f]) => [k, read(f)])));
const features = [
  ...data.zones.map((z) => ({ file: 'zones.geojson', id: z.properties.id, evidence: z.properties.evidence, named_as: z.properties.named_as })),
  ...data.points.map((p) => ({ file: 'points.geojson', id: p.properties.id, evidence: p.properties.evidence })),
];

describe('verbatim quote check', () => {
  const text = '推动中关村石景山园面积由13.34平方公里拓展至14.4平方公里;获批增设1个市级高新区,将五里坨地区相关产业用地纳入其中。';
  const item = (phrase: string) => ({ file: 'claims.json', id: 'x', field: 'quote_zh', phrase });

  it('accepts a verbatim piece whatever the width of its punctuation or its quotation marks', () => {
    expect(quoteIssues([item('获批增设1个市级高新区，将五里坨地区相关产业用地纳入其中')], text, 'interview')).toEqual([]);
    expect(normaliseQuoteText('“十四五” 时期，')).toBe('十四五时期,');
  });

  it('reports a reworded quote with its file, id and field', () => {
    const issues = quoteIssues([item('经中关村新一轮空间调整,石景山园面积由13.34平方公里增至14.4平方公里')], text, 'interview');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'claims.json', id: 'x', field: 'quote_zh', code: 'quote-not-verbatim', severity: 'error' });
  });

  it('collects every quote attributed to the interview: claims and evidence phrases', () => {
    const items = quotesOf('interview-2026', data.claims, features);
    expect(items.filter((i) => i.file === 'claims.json').length).toBe(data.claims.filter((c) => c.source === 'interview-2026').length);
    expect(items.some((i) => i.file !== 'claims.json')).toBe(true);
  });

  it("collects a source's wording of a name (named_as) as that source's quote, located", () => {
    const items = quotesOf('interview-2026', [], [{ file: 'zones.geojson', id: 'shougang-park', evidence: [], named_as: [{ source: 'interview-2026', phrase: '首钢园(国际人才社区)', lang: 'zh' }] }]);
    expect(items).toEqual([{ file: 'zones.geojson', id: 'shougang-park', field: 'properties.named_as[0].phrase', phrase: '首钢园(国际人才社区)' }]);
    // Verbatim in the interview's sentence, whatever the width of its brackets.
    expect(quoteIssues(items, '依托首钢园（国际人才社区）、工业互联网产业园等空间载体', 'interview')).toEqual([]);
  });

  // The interview's text is not in the repository (quotes are citations, not a copy). CI checks the
  // quotes with `npm run validate -- --source <the team copy of the interview>` after `npm test`;
  // set ATLAS_INTERVIEW_TEXT to a copy of the text to run the same check here.
  const path = process.env.ATLAS_INTERVIEW_TEXT;
  it.skipIf(!path || !existsSync(path))('every interview quote is verbatim in $ATLAS_INTERVIEW_TEXT (not run: the text is not in the repository)', () => {
    expect(quoteIssues(quotesOf('interview-2026', data.claims, features), readFileSync(path!, 'utf8'), path!)).toEqual([]);
  });
});
