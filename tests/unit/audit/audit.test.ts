import { describe, expect, it } from 'vitest';
import { auditTables, closenessWithoutEvidence, runAudit, type AuditInput } from '../../../src/lib/audit/audit';
import { verdict } from '../../../src/lib/geo/verdict';
import { areaClaim, countClaim, district, multi, rect, zone } from './fixtures';

// One unit square ≈ 0.948 km² (see fixtures.ts); bands are perimeter × accuracy.
function scenario(): AuditInput {
  return {
    districts: [district(rect(0, 0, 10, 8), 76)], // ≈ 75.8 km², band ≈ 35 km × 100 m = 3.5 km²
    zones: [
      // listed after → before on purpose: the audit orders versions by valid.since
      zone({
        zone: 'zgc-sjs-park',
        version: 'after',
        since: 2021,
        geometry: multi(rect(1, 1, 5, 5), rect(7, 6, 8, 7)), // 17 units ≈ 16.1 km²
        plots: [{ zone: 'ai-cluster', note: { zh: '核心', en: 'core, with the AI cluster' } }, { note: { zh: '飞地', en: 'outlier' } }],
      }),
      zone({ zone: 'zgc-sjs-park', version: 'before', current: false, since: 2006, geometry: rect(1, 1, 4, 5) }), // 12 units ≈ 11.4 km², band ≈ 0.70 km²
      zone({ zone: 'ai-cluster', version: 'phase-1', current: false, geometry: rect(2, 2, 3, 3) }),
      zone({ zone: 'ai-cluster', version: 'phase-2', geometry: rect(2, 2, 3, 4) }),
      zone({ zone: 'shougang-park', geometry: rect(3, 2, 7, 4) }), // overlaps the park in x 3–5, y 2–4
      zone({ zone: 'finance-cetc-park', geometry: rect(9, 7, 11, 8), accuracy_m: 30 }), // half outside the district
      zone({ zone: 'vr-park', geometry: rect(6, 6, 6.2, 6.2), accuracy_m: 500 }), // ≈ 0.04 km², band ≈ 0.39 km²
      zone({ zone: 'scifi-cluster', geometry: rect(5, 0.5, 6, 1), extent: 'partial' }), // ≈ 0.47 km², a lower bound
      zone({ zone: 'wulituo-hitech', geometry: null }),
    ],
    claims: [
      areaClaim('park-area-before', 11.4, 'zgc-sjs-park', 'before'),
      areaClaim('park-area-after', 12, 'zgc-sjs-park', 'after'),
      areaClaim('ai-phase-3', 2, 'ai-cluster', 'phase-3'),
      areaClaim('wulituo-area', 1, 'wulituo-hitech'),
      areaClaim('vr-area', 0.04, 'vr-park'),
      areaClaim('scifi-area', 0.717, 'scifi-cluster'),
      countClaim('key-labs', 9),
    ],
  };
}

describe('runAudit', () => {
  const report = runAudit(scenario());
  const claim = (id: string) => report.claims.find((c) => c.claim === id)!;

  it('measures every zone version with a band of perimeter × accuracy', () => {
    expect(report.zones).toHaveLength(9);
    const before = report.zones.find((z) => z.id === 'zgc-sjs-park-before')!;
    expect(before.measure!.area_m2 / 1e6).toBeCloseTo(11.4, 0);
    expect(before.measure!.band_m2).toBeCloseTo(before.measure!.perimeter_m * 50, 6);
    expect(report.zones.find((z) => z.zone === 'wulituo-hitech')!.measure).toBeNull();
  });

  it('finds a stated figure inside the band consistent', () => {
    expect(claim('park-area-before').verdict).toMatchObject({ verdict: 'consistent', reason: 'within-band' });
    expect(claim('park-area-before').feature).toBe('zgc-sjs-park-before');
  });

  it('finds a stated figure far outside the band inconsistent, with the difference', () => {
    const v = claim('park-area-after').verdict;
    expect(v.verdict).toBe('inconsistent');
    expect(v.difference_m2! / 1e6).toBeGreaterThan(3);
    expect(v.stated_m2).toBe(12e6);
  });

  it('leaves claims without geometry undetermined', () => {
    expect(claim('ai-phase-3').verdict).toMatchObject({ verdict: 'undetermined', reason: 'no-geometry' });
    expect(claim('ai-phase-3').feature).toBeNull();
    expect(claim('wulituo-area').verdict).toMatchObject({ verdict: 'undetermined', reason: 'no-geometry' });
  });

  it('leaves a claim undetermined when the band is wider than half the figure', () => {
    expect(claim('vr-area').verdict).toMatchObject({ verdict: 'undetermined', reason: 'band-too-wide' });
  });

  it('treats a partial geometry as a lower bound that cannot confirm a larger figure', () => {
    expect(claim('scifi-area').verdict).toMatchObject({ verdict: 'undetermined', reason: 'within-bound', options: { measured: 'lower-bound' } });
  });

  it('uses the stated figure’s own rounding as its tolerance', () => {
    expect(claim('park-area-before').verdict.options.statedTolerance_m2).toBeCloseTo(0.05e6, 6);
  });

  it('checks only spatial claims', () => {
    expect(report.claims.map((c) => c.claim)).not.toContain('key-labs');
    expect(report.summary.claims).toEqual({ consistent: 1, inconsistent: 1, undetermined: 4 });
  });

  it('links checked claims to the zone versions they describe', () => {
    expect(report.zones.find((z) => z.id === 'zgc-sjs-park-after')!.claims).toEqual(['park-area-after']);
  });

  it('measures containment in the district and flags an undeclared zone half outside it', () => {
    const fin = report.zones.find((z) => z.zone === 'finance-cetc-park')!;
    expect(fin.containment!.share_inside).toBeCloseTo(0.5, 2);
    expect(fin.containment!.outside?.type).toBe('Polygon');
    expect(report.issues.some((i) => i.code === 'outside-district' && i.feature === 'finance-cetc-park')).toBe(true);
    const park = report.zones.find((z) => z.id === 'zgc-sjs-park-after')!;
    expect(park.containment!.share_inside).toBeCloseTo(1, 9);
  });

  it('lists overlaps between current versions of different zones only', () => {
    const pairs = report.overlaps.map((o) => [o.zone_a, o.zone_b].sort().join('|')).sort();
    // ai-cluster (x 2–3) only touches shougang-park (x 3–7): no overlap listed
    expect(pairs).toEqual(['ai-cluster|zgc-sjs-park', 'shougang-park|zgc-sjs-park']);
    for (const o of report.overlaps) expect(o.zone_a).not.toBe(o.zone_b);
  });

  it('marks the overlap of a multi-plot park with one of its plots', () => {
    const o = report.overlaps.find((x) => [x.zone_a, x.zone_b].includes('ai-cluster') && [x.zone_a, x.zone_b].includes('zgc-sjs-park'))!;
    expect(o).toMatchObject({ relation: 'plot-of', parent: 'zgc-sjs-park' });
    const ai = o.zone_a === 'ai-cluster' ? o.share_a : o.share_b;
    expect(ai).toBeCloseTo(1, 6);
    const sg = report.overlaps.find((x) => [x.zone_a, x.zone_b].includes('shougang-park') && [x.zone_a, x.zone_b].includes('zgc-sjs-park'))!;
    expect(sg.relation).toBeNull();
    expect(sg.overlap_m2 / 1e6).toBeCloseTo(4 * 0.948, 1);
  });

  it('gives expansions for zones with several versions, in order', () => {
    const park = report.expansions.find((e) => e.zone === 'zgc-sjs-park')!;
    expect([park.from_version, park.to_version]).toEqual(['before', 'after']);
    expect(park.added_m2 / 1e6).toBeCloseTo(5 * 0.948, 1);
    expect(park.removed_m2).toBe(0);
    expect(park.net_m2).toBeCloseTo(park.after_m2 - park.before_m2, 6);
    const ai = report.expansions.find((e) => e.zone === 'ai-cluster')!;
    expect([ai.from_version, ai.to_version]).toEqual(['phase-1', 'phase-2']);
    expect(report.expansions).toHaveLength(2);
  });

  it('checks the district against its official area as context', () => {
    expect(report.district!.official_verdict!.verdict).toBe('consistent');
  });

  it('produces a report that survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('is pure: frozen input, same report twice', () => {
    const input = scenario();
    const freeze = (x: unknown): void => {
      if (x !== null && typeof x === 'object') {
        Object.values(x).forEach(freeze);
        Object.freeze(x);
      }
    };
    freeze(input);
    expect(runAudit(input)).toEqual(runAudit(input));
  });

  it('reports a missing district instead of throwing', () => {
    const r = runAudit({ ...scenario(), districts: [] });
    expect(r.district).toBeNull();
    expect(r.zones.every((z) => z.containment === null)).toBe(true);
    expect(r.issues.some((i) => i.code === 'district-missing' && i.severity === 'error')).toBe(true);
  });
});

describe('auditTables', () => {
  const tables = auditTables(runAudit(scenario()));
  const table = (id: string) => tables.find((t) => t.id === id)!;

  it('gives string rows as wide as their header', () => {
    for (const t of tables) for (const row of t.rows) {
      expect(row).toHaveLength(t.header.length);
      for (const cell of row) expect(typeof cell).toBe('string');
    }
  });

  it('shows verdicts and rounds areas to what the band supports', () => {
    const row = table('claims').rows.find((r) => r[0] === 'park-area-before')!;
    expect(row[7]).toBe('consistent within the band');
    expect(row[4]).toMatch(/^\d+\.\d ± 0\.\d$/); // ≈ 11.4 ± 0.7
  });

  it('shows the plot relation of overlaps', () => {
    expect(table('overlaps').rows.some((r) => r[5] === 'plot-of (zgc-sjs-park)')).toBe(true);
  });

  it('lists undetermined claims with their reason', () => {
    const row = table('claims').rows.find((r) => r[0] === 'wulituo-area')!;
    expect(row.slice(7)).toEqual(['undetermined', 'no geometry']);
    expect(row[4]).toBe('—');
  });
});

describe('closenessWithoutEvidence (issue #16)', () => {
  it('flags a consistent figure whose difference is far smaller than the band: the closeness says nothing', () => {
    // 772 ha against 776 ha (−0.5 %, Shougang Park's earlier outline) with a band of ± 300 ha (± 39 %).
    const v = verdict(776e4, { area_m2: 772e4, band_m2: 300e4 });
    expect(v.verdict).toBe('consistent');
    expect(closenessWithoutEvidence(v)).toMatchObject({ difference: expect.closeTo(0.005, 3), band: expect.closeTo(0.387, 2) });
  });

  it('leaves a figure alone when the band is narrow enough for the agreement to mean something', () => {
    expect(closenessWithoutEvidence(verdict(291e4, { area_m2: 274e4, band_m2: 30e4 }))).toBeNull();
  });

  it('never flags an undetermined or inconsistent verdict', () => {
    expect(closenessWithoutEvidence(verdict(776e4, { area_m2: 775e4, band_m2: 700e4 }, { maxRelativeBand: 0.5 }))).toBeNull();
    expect(closenessWithoutEvidence(verdict(100e4, { area_m2: 300e4, band_m2: 10e4 }))).toBeNull();
  });
});
