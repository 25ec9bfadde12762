/**
 * Issue #18: the docs stay true. The counts stated in geodata/README.md (between the
 * `counts:start` and `counts:end` markers) are the data's; every `npm run …` the docs name exists;
 * every relative link between the docs leads to a file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/lib/audit/audit';
import { loadRealData } from './geodata';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const DOCS = ['README.md', 'geodata/README.md', 'public/basemap/README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The `| what | count |` rows between the markers of a document. */
function statedCounts(doc: string): Map<string, number> {
  const m = /<!-- counts:start -->([\s\S]*?)<!-- counts:end -->/.exec(doc);
  if (!m) throw new Error('no counts block (<!-- counts:start --> … <!-- counts:end -->)');
  const rows = m[1]!.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l) && !/^\|\s*what\s*\|/.test(l));
  return new Map(rows.map((l) => {
    const [what, n] = l.split('|').slice(1, 3).map((c) => c.trim());
    return [what!, Number(n!.replace(/[,\s]/g, ''))] as const;
  }));
}

describe('the counts the docs state are the data’s', () => {
  const { data } = loadRealData();
  const audit = runAudit({ zones: data.zones, districts: data.districts, claims: data.claims, sources: data.sources });
  const official = audit.claims.filter((c) => c.proposal === null);
  const interview = new Set(data.sources.filter((s) => s.role === 'interview').map((s) => s.id));
  const actual: Record<string, number> = {
    'zone versions': data.zones.length,
    zones: new Set(data.zones.map((z) => z.properties.zone)).size,
    'zone versions with unknown site': data.zones.filter((z) => z.geometry === null).length,
    'places (points)': data.points.length,
    'places with unknown position': data.points.filter((p) => p.geometry === null).length,
    'street pieces': data.streets.length,
    'street names': new Set(data.streets.flatMap((s) => (s.properties.name ? [s.properties.street] : []))).size,
    'named junctions': data.junctions.length,
    'source records': data.sources.length,
    claims: data.claims.length,
    'claims of the interview': data.claims.filter((c) => interview.has(c.source)).length,
    'land-area claims audited': official.length,
    'verdicts: consistent': official.filter((c) => c.verdict.verdict === 'consistent').length,
    'verdicts: inconsistent': official.filter((c) => c.verdict.verdict === 'inconsistent').length,
    'verdicts: undetermined': official.filter((c) => c.verdict.verdict === 'undetermined').length,
  };
  const stated = statedCounts(read('geodata/README.md'));

  it('states every count it checks, and no other', () => {
    expect([...stated.keys()].sort()).toEqual(Object.keys(actual).sort());
  });

  for (const [what, n] of Object.entries(actual))
    it(`geodata/README.md: ${what}`, () => {
      expect(stated.get(what), `update the "${what}" row of geodata/README.md's counts block`).toBe(n);
    });
});

describe('what the docs tell people to run', () => {
  const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);

  it('every `npm run …` named in the docs is a script of package.json', () => {
    const named = new Set<string>();
    for (const f of DOCS) for (const m of read(f).matchAll(/npm run (?:-s )?([\w:.-]+)/g)) named.add(`${m[1]} (${f})`);
    expect(named.size).toBeGreaterThan(5);
    const missing = [...named].filter((n) => !scripts.includes(n.split(' ')[0]!));
    expect(missing).toEqual([]);
  });

  it('every relative link between the docs leads to a file', () => {
    const broken: string[] = [];
    for (const f of DOCS)
      for (const m of read(f).matchAll(/\]\(((?!https?:|#|mailto:)[^)\s#]+)(#[^)]*)?\)/g)) {
        if (!existsSync(join(ROOT, dirname(f), m[1]!))) broken.push(`${f} → ${m[1]}`);
      }
    expect(broken).toEqual([]);
  });
});
