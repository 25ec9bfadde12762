import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadAtlasData } from '../../../src/lib/data/load';

const dir = new URL('../../fixtures/defects/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');
const expected = JSON.parse(read('expected.json')) as Record<string, { code: string; id: string | null; field: string | null }>;

/** Loads one zones fixture on its own; issues of the other (absent) files are ignored. */
function loadZones(name: string) {
  const r = loadAtlasData({ zones: read(`${name}.zones.geojson`), districts: '{"type":"FeatureCollection","features":[]}', context: '{"type":"FeatureCollection","features":[]}', streets: '{"type":"FeatureCollection","features":[]}', junctions: '{"type":"FeatureCollection","features":[]}', points: '{"type":"FeatureCollection","features":[]}', claims: '{"sources":[],"claims":[]}' });
  return { ...r, issues: r.issues.filter((i) => i.file === 'zones.geojson') };
}

describe('a zones file with a defect', () => {
  for (const [name, exp] of Object.entries(expected)) {
    it(`${name}: reports a located "${exp.code}" issue and does not throw`, () => {
      const { issues } = loadZones(name);
      const hit = issues.find((i) => i.code === exp.code);
      expect(hit, JSON.stringify(issues, null, 1)).toBeDefined();
      expect(hit!.file).toBe('zones.geojson');
      expect(hit!.id ?? null).toBe(exp.id);
      expect(hit!.field ?? null).toBe(exp.field);
      expect(hit!.message.length).toBeGreaterThan(10);
    });
  }

  it('leaves out features with errors and keeps the valid ones', () => {
    expect(loadZones('valid').data.zones.map((z) => z.properties.id)).toEqual(['test-zone']);
    expect(loadZones('valid').issues).toEqual([]);
    expect(loadZones('self-intersection').data.zones).toEqual([]);
    // The duplicate: the first keeps its id, the second is left out.
    expect(loadZones('duplicate-id').data.zones).toHaveLength(1);
    // A dangling claim reference is a warning: the zone stays, the finding is reported.
    expect(loadZones('unknown-claim').data.zones).toHaveLength(1);
  });

  it('names the swapped order in its message', () => {
    const { issues } = loadZones('swapped-lat-lon');
    expect(issues[0]!.message).toMatch(/\[lat, lon\]/);
  });

  it('survives input that is not a FeatureCollection at all', () => {
    for (const raw of ['null', '42', '[]', '{"type":"Feature"}', '{"type":"FeatureCollection","features":[null, 1, "x"]}']) {
      const r = loadAtlasData({ zones: raw });
      expect(r.issues.some((i) => i.file === 'zones.geojson')).toBe(true);
      expect(r.data.zones).toEqual([]);
    }
  });
});
