/**
 * Issue #16: every placed outline says which streets, junctions and stations its edges follow, and
 * the named junctions really lie on those edges, within each edge's accuracy. Run on the real data.
 */
import { describe, expect, it } from 'vitest';
import { pointToLineDistance } from '@turf/turf';
import { loadRealData } from '../geodata';
import type { AreaGeometry } from '../../../src/lib/data/schema';

const { data } = loadRealData();
const exterior = (g: AreaGeometry, polygon: number) => (g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[polygon]![0]!);
const junction = new Map(data.junctions.map((j) => [j.properties.id, j]));

describe('edges of the placed outlines', () => {
  const placed = data.zones.filter((z) => z.geometry !== null);

  it('every placed zone names what each of its edges follows', () => {
    expect(placed.length).toBeGreaterThan(5);
    for (const z of placed) {
      const edges = z.properties.provenance.edges;
      expect(edges, z.properties.id).toBeDefined();
      expect(edges!.length, z.properties.id).toBeGreaterThanOrEqual(3);
      for (const e of edges!) expect(e.follows.zh.length + e.follows.en.length, `${z.properties.id} ${e.side}`).toBeGreaterThan(4);
    }
  });

  it('every outline traced along a street names that street or a junction on at least one edge', () => {
    for (const z of placed) {
      const traced = z.properties.provenance.edges!.filter((e) => e.basis === 'traced');
      for (const e of traced) expect(e.refs.length + (/区界|border/.test(e.follows.en + e.follows.zh) ? 1 : 0), `${z.properties.id} ${e.side}`).toBeGreaterThan(0);
    }
  });

  it('each named junction lies within its edge’s accuracy of that edge', () => {
    let checked = 0;
    for (const z of placed) {
      for (const e of z.properties.provenance.edges!) {
        const stretch = exterior(z.geometry!, e.polygon).slice(e.from, e.to + 1);
        for (const r of e.refs.filter((x) => x.kind === 'junction')) {
          const j = junction.get(r.id);
          expect(j, `${z.properties.id} ${e.side} → ${r.id}`).toBeDefined();
          const d = pointToLineDistance(j!.geometry.coordinates, { type: 'LineString', coordinates: stretch }, { units: 'meters' });
          expect(d, `${z.properties.id} ${e.side}: ${j!.properties.name.zh} is ${d.toFixed(0)} m from the edge (± ${e.accuracy_m} m)`).toBeLessThanOrEqual(e.accuracy_m);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('no zone claims a better accuracy than its worst edge', () => {
    for (const z of placed) {
      const worst = Math.max(...z.properties.provenance.edges!.map((e) => e.accuracy_m));
      expect(z.properties.provenance.accuracy_m, z.properties.id).toBeGreaterThanOrEqual(worst);
    }
  });

  it('a street drawn through junctions passes each of them', () => {
    const traced = data.streets.filter((s) => s.properties.junctions.length > 0);
    expect(traced.length).toBeGreaterThanOrEqual(7);
    for (const s of traced) {
      for (const id of s.properties.junctions) {
        const j = junction.get(id)!;
        const d = pointToLineDistance(j.geometry.coordinates, s.geometry as never, { units: 'meters' });
        expect(d, `${s.properties.name?.zh} ${id}`).toBeLessThanOrEqual(j.properties.provenance.accuracy_m);
      }
    }
  });
});

describe('sources', () => {
  it('every source record is cited by a claim, a piece of evidence or a geometry', () => {
    const cited = new Set<string>([
      ...data.claims.map((c) => c.source),
      ...[...data.zones, ...data.points].flatMap((f) => [f.properties.provenance.source, ...f.properties.evidence.map((e) => e.source)]),
      ...[...data.streets, ...data.junctions, ...data.context, ...data.districts].map((f) => f.properties.provenance.source),
    ]);
    expect(data.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('every street named in the basemap has one Chinese and one English name', () => {
    const names = new Map<string, Set<string>>();
    for (const s of data.streets) {
      if (!s.properties.name) continue;
      const k = s.properties.street!;
      names.set(k, (names.get(k) ?? new Set()).add(`${s.properties.name.zh}|${s.properties.name.en}`));
    }
    expect(names.size).toBeGreaterThan(50);
    for (const [k, v] of names) expect([...v], k).toHaveLength(1);
    const piece = data.streets.find((s) => s.properties.name?.zh === '阜石路');
    expect(piece?.properties.name?.en).toBe('Fushi Lu');
  });
});
