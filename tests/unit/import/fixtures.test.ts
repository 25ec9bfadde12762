import { describe, expect, it } from 'vitest';
import { importPlanningFile } from '../../../src/lib/import';
import { parseUserZones } from '../../../src/lib/data/userfile';
import { distanceToQuad, expected, fixture, parseFc, signedArea2 } from './helpers';

/**
 * Tolerances, metres on the WGS84 ellipsoid:
 * - lon/lat and projected files: 0.05 m. The fixtures round plane coordinates to 1 mm, the output
 *   rounds to 1e-7° (≤ 0.6 cm off per axis), and proj4 agrees with PROJ to < 1 mm (crs.test.ts).
 * - GCJ-02 / BD-09: 0.5 m. gcoord inverts GCJ-02 by iterating until the forward offset reproduces
 *   the input to 1e-6° (≤ 0.11 m), and goes BD-09 → GCJ-02 by Baidu's approximate closed-form
 *   inverse (0.14 m off here); 0.5 m leaves a margin and is a twentieth of the ±10 m the Atlas
 *   assumes for a planner's outline.
 */
const TOLERANCE_M = 0.05;
const DATUM_TOLERANCE_M = 0.5;

describe('importing the test polygon from each fixture', () => {
  for (const [name, exp] of Object.entries(expected).filter(([, e]) => e.valid)) {
    describe(name, () => {
      const run = () => importPlanningFile(name, fixture(name), exp.datum ? { datum: exp.datum } : undefined);

      it(`reports format ${exp.format} and CRS "${exp.crs}"`, async () => {
        const r = await run();
        expect(r.format).toBe(exp.format);
        expect(r.crs).toBe(exp.crs);
        expect(r.featureCount).toBe(1);
      });

      it(`gives the original WGS84 vertices within ${exp.datum ? DATUM_TOLERANCE_M : TOLERANCE_M} m`, async () => {
        const g = parseFc((await run()).geojson).features[0]!.geometry;
        expect(distanceToQuad(g)).toBeLessThan(exp.datum ? DATUM_TOLERANCE_M : TOLERANCE_M);
      });

      it('winds the exterior counter-clockwise and the hole clockwise (RFC 7946 §3.1.6)', async () => {
        const g = parseFc((await run()).geojson).features[0]!.geometry;
        if (g?.type !== 'Polygon') throw new Error('expected a Polygon');
        expect(signedArea2(g.coordinates[0]!)).toBeGreaterThan(0);
        expect(signedArea2(g.coordinates[1]!)).toBeLessThan(0);
      });

      it('reports exactly the expected warnings and no error', async () => {
        const r = await run();
        expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(r.issues.map((i) => i.code).sort()).toEqual([...exp.warnings].sort());
        for (const i of r.issues) expect(i.file.startsWith(name)).toBe(true);
      });

      it('keeps the name, in Chinese, whatever the text encoding', async () => {
        const props = parseFc((await run()).geojson).features[0]!.properties!;
        expect(props.name ?? props.NAME).toBe('石景山规划地块');
      });

      it('is read by parseUserZones as one zone without errors', async () => {
        const { zones, issues } = parseUserZones((await run()).geojson, name);
        expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(zones).toHaveLength(1);
      });
    });
  }
});

describe('a fixture the importer must refuse', () => {
  for (const [name, exp] of Object.entries(expected).filter(([, e]) => !e.valid)) {
    it(`${name}: resolves (no exception) with a located "${exp.errors.join(', ')}" error and no features`, async () => {
      const r = await importPlanningFile(name, fixture(name));
      expect(r.format).toBe(exp.format);
      expect(r.crs).toBeNull();
      expect(r.featureCount).toBe(0);
      expect(parseFc(r.geojson)).toEqual({ type: 'FeatureCollection', features: [] });
      const errors = r.issues.filter((i) => i.severity === 'error');
      expect(errors.map((i) => i.code)).toEqual(exp.errors);
      for (const e of errors) {
        expect(e.file.startsWith(name)).toBe(true);
        expect(e.message.length).toBeGreaterThan(40);
      }
    });
  }

  it('names the datum and what to do instead for a Xian 1980 .prj, located at the .prj', async () => {
    const r = await importPlanningFile('plan.zip', fixture('quad-xian1980.zip'));
    expect(r.issues[0]!.file).toBe('plan.zip/quad.prj');
    expect(r.issues[0]!.message).toMatch(/Xian 1980/);
    expect(r.issues[0]!.message).toMatch(/datum shift/);
    expect(r.issues[0]!.message).toMatch(/EPSG:4548/);
  });

  it('explains projected coordinates without a CRS, with the first such position', async () => {
    const r = await importPlanningFile('plan.geojson', fixture('quad-projected-nocrs.geojson'));
    expect(r.issues[0]!.field).toBe('geometry.coordinates');
    expect(r.issues[0]!.message).toMatch(/x = 4\d{5}\.\d+, y = 44\d{5}/);
    expect(r.issues[0]!.message).toMatch(/names no coordinate system/);
    expect(r.issues[0]!.message).toMatch(/does not guess/);
  });
});

describe('the input', () => {
  for (const name of Object.keys(expected)) {
    it(`${name}: its bytes are unchanged after import (Uint8Array and ArrayBuffer)`, async () => {
      const exp = expected[name]!;
      const bytes = fixture(name);
      const before = bytes.slice();
      await importPlanningFile(name, bytes, Object.freeze({ datum: exp.datum ?? 'wgs84' }));
      expect(bytes).toEqual(before);
      const buffer = before.slice().buffer;
      await importPlanningFile(name, buffer, exp.datum ? { datum: exp.datum } : undefined);
      expect(new Uint8Array(buffer)).toEqual(before);
    });
  }

  it('gives the same result twice (no state kept between imports)', async () => {
    const a = await importPlanningFile('a.zip', fixture('quad-epsg4548.zip'));
    const b = await importPlanningFile('a.zip', fixture('quad-epsg4548.zip'));
    expect(b).toEqual(a);
  });
});
