/**
 * The import's sanity checks end to end (issue 10, item 4): EPSG:3857 converted, features far from
 * the district flagged with the likely cause, a GCJ-02 file in disguise recognised. Expected
 * positions come from the Web Mercator formulas and from PROJ-checked proj4 strings, not from the
 * code under test.
 */
import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importPlanningFile } from '../../../src/lib/import';
import { importReference } from '../../../src/lib/import/reference';
import { dbf, shpAndShx, zip, type Pos, type Rings } from '../../../scripts/fixtures/writers';
import { QUAD_RINGS } from '../../../scripts/fixtures/import-quad';
import { distanceToQuad, metres, parseFc } from './helpers';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
const reference = importReference(data);
const utf8 = (s: string) => new TextEncoder().encode(s);
const quad = (): Rings => QUAD_RINGS.map((r) => r.map((p) => [p[0], p[1]] as Pos));

/** EPSG:3857 forward, from its definition (sphere of radius a = 6 378 137 m). */
const R = 6378137;
const merc = (p: Position): Pos => [(R * p[0]! * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (p[1]! * Math.PI) / 360))];

function shapefile(records: Rings[], prj: string): Uint8Array {
  const { shp, shx } = shpAndShx(records);
  const rows = records.map((_, i) => ({ name: `plot-${i + 1}`, code: i + 1 }));
  return new Uint8Array(zip([['p.shp', shp], ['p.shx', shx], ['p.dbf', dbf(rows, (s) => Buffer.from(s, 'utf8'), 0)], ['p.prj', Buffer.from(prj)]]));
}
const GK = (cm: number) =>
  `PROJCS["CGCS2000_3_Degree_GK_CM_${cm}E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
const EPSG_4548 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const ESRI_3857 =
  'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';

describe('EPSG:3857 (Web Mercator)', () => {
  const inMerc = quad().map((r) => r.map(merc));
  it('declared in a GeoJSON crs member: converted, within 1 cm', async () => {
    for (const name of ['urn:ogc:def:crs:EPSG::3857', 'EPSG:3857', 'EPSG:900913']) {
      const r = await importPlanningFile('web.geojson', utf8(JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: inMerc } }] })));
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(r.crs).toContain('EPSG:3857');
      expect(distanceToQuad(parseFc(r.geojson).features[0]!.geometry)).toBeLessThan(0.01);
    }
  });
  it('declared in a .prj (ESRI Web Mercator Auxiliary Sphere): converted', async () => {
    const r = await importPlanningFile('web.zip', shapefile([inMerc], ESRI_3857));
    expect(r.crs).toContain('EPSG:3857');
    expect(distanceToQuad(parseFc(r.geojson).features[0]!.geometry)).toBeLessThan(0.01);
  });
  it('undeclared Web Mercator numbers are refused, with a hint naming EPSG:3857', async () => {
    const r = await importPlanningFile('web.geojson', utf8(JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: inMerc } })));
    expect(r.featureCount).toBe(0);
    expect(r.issues.find((i) => i.code === 'crs-missing')?.message).toMatch(/EPSG:3857/);
  });
});

describe('far away', () => {
  const inPlane = quad().map((r) => r.map((p) => proj4('+proj=longlat +ellps=GRS80', EPSG_4548).forward(p) as Pos));
  it('a .prj naming the neighbouring 3° zone (CM 114E for CM 117E): flagged ≈ 250 km out, with the zone that fits', async () => {
    const r = await importPlanningFile('plots.zip', shapefile([inPlane], GK(114)), { reference });
    expect(r.featureCount).toBe(1); // never dropped by the check: the caller asks the user
    expect(r.checks.far).toMatchObject({ count: 1, total: 1, cause: { kind: 'prj-zone' } });
    expect(r.checks.far!.median_km).toBeGreaterThan(200);
    const cause = r.checks.far!.cause as { fits: string; declared: string };
    expect(cause.fits).toContain('EPSG:4548');
    expect(cause.declared).toContain('114');
  });
  it('the right .prj: nothing flagged', async () => {
    const r = await importPlanningFile('plots.zip', shapefile([inPlane], GK(117)), { reference });
    expect(r.checks).toEqual({ datum: null, far: null });
  });
});

describe('datum suspicion through the import', () => {
  const sjs = data.districts.find((d) => d.properties.id === 'shijingshan')!.geometry as Polygon;
  const gcj = gcoord.transform(structuredClone(sjs) as never, gcoord.WGS84, gcoord.GCJ02) as Polygon;
  const file = utf8(JSON.stringify({ type: 'Feature', properties: { name: 'traced' }, geometry: gcj }));
  it('a district outline traced on AMap (GCJ-02), opened as WGS84: suggested, not converted', async () => {
    const r = await importPlanningFile('traced.geojson', file, { reference });
    expect(r.checks.datum?.suggested).toBe('gcj02');
    const got = (parseFc(r.geojson).features[0]!.geometry as Polygon).coordinates[0]![0]!;
    expect(metres(got, gcj.coordinates[0]![0]!)).toBeLessThan(0.02); // left as it was
  });
  it('opened as GCJ-02: no suspicion, and the outline lies on the district boundary again', async () => {
    const r = await importPlanningFile('traced.geojson', file, { reference, datum: 'gcj02' });
    expect(r.checks.datum).toBeNull();
    const got = (parseFc(r.geojson).features[0]!.geometry as Polygon).coordinates[0]!;
    const want = sjs.coordinates[0]!;
    const worst = Math.max(...want.map((p) => Math.min(...got.map((q) => metres(p, q)))));
    expect(worst).toBeLessThan(1);
  });
  it('without a reference nothing is checked', async () => {
    expect((await importPlanningFile('traced.geojson', file)).checks).toEqual({ datum: null, far: null });
  });
});
