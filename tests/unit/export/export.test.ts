import { auditTables } from '../../../src/lib/audit/table';
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { unzipSync, strFromU8 } from 'fflate';
import { importPlanningFile } from '../../../src/lib/import';
import { parseUserZones } from '../../../src/lib/data/userfile';
import { ellipsoidalArea } from '../../../src/lib/geo/area';
import { crsFromPrj } from '../../../src/lib/import/crs';
import { ATTRIBUTION, EPSG_4548, PRJ_4548, exportSet, toGeoJson, toKml, toShapefileZip } from '../../../src/lib/export/formats';
import { auditCsv, auditJson } from '../../../src/lib/export/audit';
import { runAudit } from '../../../src/lib/audit/audit';
import type { ZoneFeature } from '../../../src/lib/data/schema';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
const atlasZones = data.zones.filter((z) => z.geometry !== null);

/** A planner's sketch with a hole and a Chinese name (not Atlas geometry). */
const proposal: ZoneFeature = {
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [[116.18, 39.9], [116.2, 39.9], [116.2, 39.915], [116.18, 39.915], [116.18, 39.9]],
      [[116.185, 39.905], [116.19, 39.905], [116.19, 39.91], [116.185, 39.905]],
    ],
  },
  properties: {
    id: 'drawn-1', zone: 'drawn-1', version: { id: 'proposal', label: { zh: '方案', en: 'proposal' } }, current: true, evidence: [],
    name: { zh: '我的中关村石景山园方案', en: 'My ZGC Shijingshan Park' }, kind: 'park', sectors: [], status: 'planned', valid: { plan: [] },
    provenance: { source: 'drawn', method: 'digitised', accuracy_m: 5, date: '2026-12-01' }, claims: [], extent: 'outline',
    attachedTo: { zone: 'zgc-sjs-park', version: 'after' },
  },
};

async function reimport(name: string, bytes: Uint8Array) {
  const r = await importPlanningFile(name, bytes);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { result: r, ...parseUserZones(r.geojson, name) };
}

const enc = new TextEncoder();
const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('export → import round trip, real Atlas zones and a proposal', () => {
  const set = exportSet([...atlasZones, proposal], (z) => z === proposal);

  it('has every zone with geometry, and the attribution because Atlas geometry is in it', () => {
    expect(set.features.length).toBe(atlasZones.length + 1);
    expect(atlasZones.length).toBeGreaterThan(3);
    expect(set.attribution).toBe(true);
    expect(exportSet([proposal], () => true).attribution).toBe(false);
  });

  const cases: [string, string, () => Uint8Array][] = [
    ['GeoJSON', 'zones.geojson', () => enc.encode(toGeoJson(set))],
    ['KML', 'zones.kml', () => enc.encode(toKml(set, 'Atlas'))],
    ['zipped shapefile (EPSG:4548)', 'zones.zip', () => toShapefileZip(set, 'zones')],
  ];
  for (const [label, file, make] of cases)
    it(`${label}: same ellipsoidal areas to 1e-6 relative, names intact`, async () => {
      const { result, zones } = await reimport(file, make());
      expect(zones.length).toBe(set.features.length);
      atlasZones.forEach((z, i) => {
        // Against the Atlas's own geometry, measured independently of the exporter.
        expect(rel(ellipsoidalArea(zones[i]!.geometry), ellipsoidalArea(z.geometry))).toBeLessThan(1e-6);
      });
      const back = zones[zones.length - 1]!;
      expect(rel(ellipsoidalArea(back.geometry), ellipsoidalArea(proposal.geometry))).toBeLessThan(1e-6);
      const props = JSON.parse(result.geojson).features.at(-1).properties;
      expect(props.name_zh).toBe('我的中关村石景山园方案');
      expect(props.attached_to ?? props.attached).toBe('zgc-sjs-park:after');
      if (file.endsWith('.zip')) expect(result.crs).toContain('EPSG:4548');
    });

  it('GeoJSON follows RFC 7946: no crs member, exteriors counter-clockwise, holes clockwise, attribution', () => {
    const fc = JSON.parse(toGeoJson(set));
    expect(fc.crs).toBeUndefined();
    expect(fc.attribution).toBe(ATTRIBUTION);
    const ring = (r: number[][]) => r.reduce((s, p, i) => (i === 0 ? s : s + r[i - 1]![0]! * p[1]! - p[0]! * r[i - 1]![1]!), 0);
    const poly = fc.features.at(-1).geometry.coordinates;
    expect(ring(poly[0])).toBeGreaterThan(0);
    expect(ring(poly[1])).toBeLessThan(0);
  });

  it('KML carries the attribution and escapes names', () => {
    const odd = { ...proposal, properties: { ...proposal.properties, name: { zh: 'A & <B>', en: 'A & <B>' } } };
    const kml = toKml(exportSet([atlasZones[0]!, odd], (z) => z === odd), 'x');
    expect(kml).toContain(ATTRIBUTION.replace('&', '&amp;'));
    expect(kml).toContain('<name>A &amp; &lt;B&gt;</name>');
  });
});

describe('shapefile in EPSG:4548', () => {
  const files = unzipSync(toShapefileZip(exportSet([proposal], () => true), 'p'));

  it('holds .shp .shx .dbf .prj and a .cpg that says UTF-8', () => {
    expect(Object.keys(files).sort()).toEqual(['p.cpg', 'p.dbf', 'p.prj', 'p.shp', 'p.shx']);
    expect(strFromU8(files['p.cpg']!)).toBe('UTF-8');
    // The Chinese name is in the table as UTF-8 bytes.
    expect(Buffer.from(files['p.dbf']!).includes(Buffer.from('我的中关村石景山园方案', 'utf8'))).toBe(true);
  });

  it('.prj is EPSG:4548: proj4 reading it projects like the EPSG definition, and the importer names it', () => {
    const prj = strFromU8(files['p.prj']!);
    expect(prj).toBe(PRJ_4548);
    const c = crsFromPrj(prj);
    expect(c.ok && c.crs.label).toBe('EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)');
    // PROJ 9.1 `projinfo EPSG:4548 -o PROJ` (cited in scripts/fixtures/import-fixtures.ts).
    const ref = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    expect(EPSG_4548).toBe(ref);
    for (const p of [[116.18, 39.9], [116.05, 39.98], [117, 40]] as [number, number][]) {
      const a = proj4('EPSG:4326', prj, p);
      const b = proj4('EPSG:4326', ref, p);
      expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeLessThan(1e-6);
    }
    // Shijingshan is about 70 km west of the central meridian: eastings near 430 km.
    const [x, y] = proj4('EPSG:4326', ref, [116.18, 39.9]);
    expect(x).toBeGreaterThan(420_000);
    expect(x).toBeLessThan(440_000);
    expect(y).toBeGreaterThan(4_410_000);
    expect(y).toBeLessThan(4_430_000);
  });

  it('coordinates in the .shp are the projected ones (metres), not degrees', () => {
    const shp = files['p.shp']!;
    const dv = new DataView(shp.buffer, shp.byteOffset);
    expect(dv.getInt32(0, false)).toBe(9994);
    expect(dv.getInt32(32, true)).toBe(5);
    expect(dv.getFloat64(36, true)).toBeGreaterThan(400_000); // xmin
  });
});

describe('audit export', () => {
  const report = runAudit({ zones: data.zones, districts: data.districts, claims: data.claims });

  it('CSV: UTF-8 BOM, CRLF, names in the language, quoting, attribution', () => {
    const csv = auditCsv(report, 'zh');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    expect(csv).toContain('中关村石景山园');
    // Tables read with names; only the machine messages of the issues table (last) may cite ids.
    const issuesTitle = auditTables(report, 'zh').find((t) => t.id === 'issues')?.title;
    expect(issuesTitle ? csv.slice(0, csv.indexOf(issuesTitle)) : csv).not.toContain('zgc-sjs-park-before');
    expect(csv.trimEnd().split('\r\n').at(-1)).toBe(`"${ATTRIBUTION}"`); // quoted: it holds a comma
    // Every data line has balanced quotes (RFC 4180).
    for (const l of csv.split('\r\n')) expect((l.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it('JSON: the report with its format and the attribution', () => {
    const j = JSON.parse(auditJson(report));
    expect(j.format).toBe('atlas-audit/1');
    expect(j.attribution).toBe(ATTRIBUTION);
    expect(j.zones.length).toBe(report.zones.length);
  });
});
