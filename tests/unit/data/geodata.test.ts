import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GEODATA_FILES, loadAtlasData } from '../../../src/lib/data/load';

const read = (f: string) => readFileSync(new URL(`../../../geodata/${f}`, import.meta.url), 'utf8');
const raw = Object.fromEntries(Object.entries(GEODATA_FILES).map(([k, f]) => [k, read(f)]));
const { data, issues } = loadAtlasData(raw);
// The 20 figures of the facts sheet (§2), copied here so the test needs nothing outside the repository.
const FACTS: [string, number][] = [
  ['park-area-before', 13.34], ['park-area-after', 14.4], ['municipal-hitech-zones-added', 1], ['rd-institutions', 22],
  ['key-labs', 9], ['tech-platforms', 17], ['national-st-awards', 8], ['beijing-st-awards', 50], ['university-partners', 10],
  ['little-giants', 26], ['srdi-smes', 441], ['hitech-firms', 1100], ['jingxian-talents', 314], ['youth-teams', 40],
  ['patents-per-10k-growth', 186], ['tech-contract-growth', 126], ['park-revenue-growth', 48.3], ['pct-growth', 15],
  ['ndrc-commendation', 2], ['featured-parks-2026', 6],
];

describe('the real geodata', () => {
  it('passes every schema and honesty rule with no issue at all', () => {
    expect(issues).toEqual([]);
  });

  it('keeps every feature (nothing was left out)', () => {
    for (const [k, f] of Object.entries(GEODATA_FILES)) {
      if (k === 'claims') continue;
      const n = JSON.parse(raw[k]!).features.length;
      expect(data[k as 'zones'].length, f).toBe(n);
    }
  });

  it('registers every figure of the facts sheet under the interview, each with its Chinese phrase', () => {
    for (const [id, value] of FACTS) {
      const c = data.claims.find((x) => x.id === id);
      expect(c, id).toBeDefined();
      expect(c!.value, id).toBe(value);
      expect(c!.quote_zh).toMatch(/\p{Script=Han}/u);
      expect(c!.source).toBe('interview-2026');
    }
    expect(data.sources.filter((s) => s.role === 'interview').map((s) => s.id)).toEqual(['interview-2026']);
  });

  it('keeps figures of other public sources under their own source record, with publisher, date or note, URL or note, and language', () => {
    const other = data.claims.filter((c) => c.source !== 'interview-2026');
    expect(new Set(other.map((c) => c.source)).size).toBeGreaterThanOrEqual(3);
    for (const c of other) {
      const s = data.sources.find((x) => x.id === c.source)!;
      expect(s.role, c.id).toBe('other');
      expect(s.publisher.zh.length + s.publisher.en.length).toBeGreaterThan(0);
      expect(s.url ?? s.note, c.id).toBeDefined();
      expect(s.lang === 'zh' ? c.quote_zh : c.quote_en, c.id).toBeDefined();
    }
  });

  it('audits at least 7 land-area claims from at least 3 sources, and never compares a floor area with land', () => {
    const land = data.claims.filter((c) => c.area === 'land' && c.spatial);
    expect(land.length).toBeGreaterThanOrEqual(7);
    expect(new Set(land.map((c) => c.source)).size).toBeGreaterThanOrEqual(3);
    for (const c of data.claims.filter((c) => c.area === 'floor')) expect(c.spatial, c.id).toBe(false);
  });

  it('draws no two zones with the same outline, unless one is drawn as exactly the plots of the other', () => {
    const byOutline = new Map<string, Set<string>>();
    for (const z of data.zones.filter((x) => x.geometry)) {
      const g = JSON.stringify(z.geometry!.coordinates);
      byOutline.set(g, new Set([...(byOutline.get(g) ?? []), z.properties.zone]));
    }
    const plotsOf = (zone: string) => new Set(data.zones.filter((z) => z.properties.zone === zone).flatMap((z) => z.properties.plots?.flatMap((p) => p.zone ?? []) ?? []));
    for (const zones of byOutline.values()) {
      const [first, ...rest] = [...zones];
      for (const other of rest) expect(plotsOf(first!).has(other) || plotsOf(other).has(first!), `${first} and ${other} share an outline`).toBe(true);
    }
  });

  it('links the two park-area claims to the before and after geometry of ZGC Shijingshan Park', () => {
    const before = data.claims.find((c) => c.id === 'park-area-before')!;
    const after = data.claims.find((c) => c.id === 'park-area-after')!;
    expect(before.scope).toEqual({ kind: 'zone', zone: 'zgc-sjs-park', version: 'before' });
    expect(after.scope).toEqual({ kind: 'zone', zone: 'zgc-sjs-park', version: 'after' });
    expect([before.value, after.value, before.unit, before.spatial]).toEqual([13.34, 14.4, 'km2', true]);
    const versions = data.zones.filter((z) => z.properties.zone === 'zgc-sjs-park').map((z) => z.properties.version.id).sort();
    expect(versions).toEqual(['after', 'before', 'designated-2006']);
  });

  it('gives every zone and point a provenance with method and accuracy, and names in zh and en', () => {
    for (const f of [...data.zones, ...data.points, ...data.context, ...data.districts]) {
      expect(f.properties.provenance.accuracy_m).toBeGreaterThan(0);
      expect(f.properties.name.zh).toMatch(/\p{Script=Han}/u);
      expect(f.properties.name.en).toMatch(/[A-Za-z]/);
    }
  });

  it('never invents a position: unknown places have no geometry, estimated ones an error radius', () => {
    for (const p of data.points) {
      if (p.properties.location === 'unknown') expect(p.geometry).toBeNull();
      if (p.properties.location === 'estimated') expect(p.properties.error_m).toBeGreaterThan(0);
    }
    for (const z of data.zones) expect(z.geometry === null).toBe(z.properties.extent === 'unknown');
  });
});

describe('the audit of the real data', () => {
  it('checks every land-area claim against its zone or sub-zone, with the numbers', async () => {
    const { runAudit } = await import('../../../src/lib/audit/audit');
    const report = runAudit({ zones: data.zones, districts: data.districts, claims: data.claims, sources: data.sources });
    const land = data.claims.filter((c) => c.area === 'land' && c.spatial);
    expect(report.claims.map((c) => c.claim).sort()).toEqual(land.map((c) => c.id).sort());
    for (const c of report.claims) {
      expect(c.verdict.stated_m2, c.claim).toBeGreaterThan(0);
      expect(c.interview, c.claim).toBe(c.source === 'interview-2026');
      const z = data.zones.find((f) => f.properties.id === c.feature);
      if (z?.geometry) expect(c.verdict.computed_m2, c.claim).toBeGreaterThan(0);
      else expect(c.verdict.reason, c.claim).toBe('no-geometry');
    }
    // A floor area is never checked against land.
    expect(report.claims.some((c) => data.claims.find((x) => x.id === c.claim)!.area === 'floor')).toBe(false);
  });

  it('never draws a zone whose measured area equals a stated figure to the digits stated', async () => {
    const { runAudit } = await import('../../../src/lib/audit/audit');
    const report = runAudit({ zones: data.zones, districts: data.districts, claims: data.claims, sources: data.sources });
    const { areaUnitM2 } = await import('../../../src/lib/geo/units');
    for (const c of report.claims) {
      if (c.verdict.computed_m2 === null) continue;
      // The measured area, in the claim's unit, rounded to the digits the claim states, must not read
      // as the stated figure: an outline that does was scaled to it (honesty rule 1).
      const decimals = (String(c.value).split('.')[1] ?? '').length;
      const measured = c.verdict.computed_m2 / areaUnitM2(c.unit)!;
      expect(measured.toFixed(decimals), c.claim).not.toBe(c.value.toFixed(decimals));
    }
  });
});
