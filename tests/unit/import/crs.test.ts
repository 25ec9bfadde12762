import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import shp from 'shpjs';
import { crsFromEpsg, crsFromGeoJsonMember, crsFromPrj, inverseProjection, projectedHint, type SourceCrs } from '../../../src/lib/import/crs';
import { formatLocated, type Located } from '../../../src/lib/i18n/located';
import { issuesEn } from '../../../src/lib/i18n/issues.en';

const english = (l: Located) => formatLocated(issuesEn, 'en', l);
import type { FeatureCollection, Polygon } from 'geojson';
import { importPlanningFile } from '../../../src/lib/import';
import { fixture, metres } from './helpers';

/** PROJ 9.1 results (scripts/fixtures/proj-reference.sh): two points in every CRS defined by hand. */
const reference = JSON.parse(readFileSync(new URL('../../fixtures/import/proj-reference.json', import.meta.url), 'utf8')) as {
  epsg: number; lon: number; lat: number; x: number; y: number;
}[];

const ok = (r: ReturnType<typeof crsFromEpsg> | null): SourceCrs => {
  if (!r?.ok) throw new Error(`expected a CRS, got ${JSON.stringify(r)}`);
  return r.crs;
};

describe('the CRS definitions', () => {
  it('cover every CGCS2000 Gauss-Kruger code 4491-4554 and three UTM zones in the PROJ reference', () => {
    const codes = new Set(reference.map((r) => r.epsg));
    for (let c = 4491; c <= 4554; c++) expect(codes.has(c)).toBe(true);
    expect(codes.size).toBe(64 + 3);
  });

  it.each(reference.map((r) => [r.epsg, r.lat, r] as const))('EPSG:%i at %s° N: inverse-projects PROJ’s plane coordinates to within 1 mm', (_, __, r) => {
    const inverse = inverseProjection(ok(crsFromEpsg(r.epsg)))!;
    expect(metres(inverse([r.x, r.y]), [r.lon, r.lat])).toBeLessThan(0.001);
  });

  it('labels codes with their EPSG names', () => {
    expect(ok(crsFromEpsg(4548)).label).toBe('EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)');
    expect(ok(crsFromEpsg(4527)).label).toBe('EPSG:4527 (CGCS2000 / 3-degree Gauss-Kruger zone 39)');
    expect(ok(crsFromEpsg(4498)).label).toBe('EPSG:4498 (CGCS2000 / Gauss-Kruger zone 20)');
    expect(ok(crsFromEpsg(4509)).label).toBe('EPSG:4509 (CGCS2000 / Gauss-Kruger CM 117E)');
    expect(ok(crsFromEpsg(32650)).label).toBe('EPSG:32650 (WGS 84 / UTM zone 50N)');
    expect(ok(crsFromEpsg(4490))).toMatchObject({ label: 'EPSG:4490 (CGCS2000)', plane: null, datum: 'cgcs2000' });
    expect(ok(crsFromEpsg(4326))).toMatchObject({ label: 'EPSG:4326', plane: null, datum: 'wgs84' });
  });

  it.each([
    [2436, 'Beijing 1954'], [4214, 'Beijing 1954'], [21460, 'Beijing 1954'],
    [2384, 'Xian 1980'], [2364, 'Xian 1980'], [4610, 'Xian 1980'],
    [4555, 'New Beijing'], [4790, 'New Beijing'],
  ])('refuses EPSG:%i (%s) as needing a datum shift', (code, datum) => {
    const r = crsFromEpsg(code);
    expect(r).toMatchObject({ ok: false, code: 'crs-datum-unsupported' });
    expect(!r.ok && r.message).toContain(datum);
  });

  it('refuses codes it does not know, saying which', () => {
    expect(crsFromEpsg(3395)).toMatchObject({ ok: false, code: 'crs-unsupported' });
    expect(!crsFromEpsg(27700).ok && (crsFromEpsg(27700) as { message: string }).message).toContain('EPSG:27700');
  });
});

const ESRI_GK = (name: string, datum: string, spheroid: string, a: number, rf: number, fe: number, cm: number) =>
  `PROJCS["${name}",GEOGCS["GCS_${datum}",DATUM["D_${datum}",SPHEROID["${spheroid}",${a},${rf}]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
const CGCS = ['China_Geodetic_Coordinate_System_2000', 'CGCS2000', 6378137.0, 298.257222101] as const;

describe('reading a .prj', () => {
  it.each([
    ['CGCS2000_3_Degree_GK_CM_117E', 500000, 117, 'EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)'],
    ['CGCS2000_3_Degree_GK_Zone_39', 39500000, 117, 'EPSG:4527 (CGCS2000 / 3-degree Gauss-Kruger zone 39)'],
    ['CGCS2000_3_Degree_GK_CM_114E', 500000, 114, 'EPSG:4547 (CGCS2000 / 3-degree Gauss-Kruger CM 114E)'],
    ['CGCS2000_GK_CM_117E', 500000, 117, 'EPSG:4509 (CGCS2000 / Gauss-Kruger CM 117E)'],
    ['CGCS2000_GK_Zone_20', 20500000, 117, 'EPSG:4498 (CGCS2000 / Gauss-Kruger zone 20)'],
  ])('recognises ArcGIS’s %s by its parameters', (name, fe, cm, label) => {
    expect(ok(crsFromPrj(ESRI_GK(name, CGCS[0], CGCS[1], CGCS[2], CGCS[3], fe, cm))).label).toBe(label);
  });

  it('recognises CGCS2000 and WGS84 geographic .prj files', () => {
    expect(ok(crsFromPrj('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')).label).toBe('EPSG:4490 (CGCS2000)');
    expect(ok(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')).label).toBe('EPSG:4326');
  });

  it('recognises a WGS 84 / UTM .prj', () => {
    const wkt = 'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(ok(crsFromPrj(wkt)).label).toBe('EPSG:32650 (WGS 84 / UTM zone 50N)');
  });

  it.each([
    ['Beijing_1954_3_Degree_GK_CM_117E', 'Beijing_1954', 'Krasovsky_1940', 6378245.0, 298.3, 'Beijing 1954'],
    ['Xian_1980_3_Degree_GK_CM_117E', 'Xian_1980', 'Xian_1980', 6378140.0, 298.257, 'Xian 1980'],
    ['New_Beijing_3_Degree_GK_CM_117E', 'New_Beijing', 'Krasovsky_1940', 6378245.0, 298.3, 'New Beijing'],
    // Named by ellipsoid alone: the datum is still recognised and refused.
    ['Local_GK', 'Unknown', 'Krasovsky_1940', 6378245.0, 298.3, 'Beijing 1954'],
  ])('refuses %s (not silently treated as CGCS2000)', (name, datum, spheroid, a, rf, family) => {
    const r = crsFromPrj(ESRI_GK(name, datum, spheroid, a, rf, 500000, 117));
    expect(r).toMatchObject({ ok: false, code: 'crs-datum-unsupported' });
    expect(!r.ok && r.message).toContain(family);
  });

  it('applies a transverse Mercator on CGCS2000 that is no registered zone as written, with a note', () => {
    const crs = ok(crsFromPrj(ESRI_GK('Shijingshan_Local', CGCS[0], CGCS[1], CGCS[2], CGCS[3], 50000, 116.2)));
    expect(crs.plane).toBe('+proj=tmerc +lat_0=0 +lon_0=116.2 +k=1 +x_0=50000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    expect(english(crs.note!)).toMatch(/not a registered/);
    const lonLat = inverseProjection(crs)!(proj4('+proj=longlat +ellps=GRS80', crs.plane!).forward([116.18, 39.92]) as [number, number]);
    expect(metres(lonLat, [116.18, 39.92])).toBeLessThan(0.001);
  });

  it('refuses other projections and unreadable text', () => {
    const lcc = 'PROJCS["Asia_Lambert_Conformal_Conic",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Standard_Parallel_1",30.0],PARAMETER["Standard_Parallel_2",62.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(lcc)).toMatchObject({ ok: false, code: 'crs-unsupported' });
    expect(crsFromPrj('this is not WKT')).toMatchObject({ ok: false });
    expect(crsFromPrj('')).toMatchObject({ ok: false });
  });
});

describe('a GeoJSON crs member', () => {
  it.each([
    [{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4548' } }, 'EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)'],
    [{ type: 'name', properties: { name: 'EPSG:4527' } }, 'EPSG:4527 (CGCS2000 / 3-degree Gauss-Kruger zone 39)'],
    [{ type: 'name', properties: { name: 'http://www.opengis.net/def/crs/EPSG/0/4490' } }, 'EPSG:4490 (CGCS2000)'],
    [{ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, 'EPSG:4326'],
    [{ type: 'EPSG', properties: { code: 4548 } }, 'EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)'],
  ])('%j names %s', (member, label) => {
    expect(ok(crsFromGeoJsonMember(member)).label).toBe(label);
  });

  it('is absent for undefined and null, and refused when it names no EPSG code', () => {
    expect(crsFromGeoJsonMember(undefined)).toBeNull();
    expect(crsFromGeoJsonMember(null)).toBeNull();
    expect(crsFromGeoJsonMember({ type: 'link', properties: { href: 'x.prj' } })).toMatchObject({ ok: false, code: 'crs-unsupported' });
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2436' } })).toMatchObject({ ok: false, code: 'crs-datum-unsupported' });
  });
});

describe('the hint for projected numbers without a CRS', () => {
  it('reads the zone number in front of an easting, and says so only as a reading', () => {
    const hint = (x: number, y: number) => english(projectedHint(x, y) as Located);
    expect(hint(39_429_894, 4_420_968)).toMatch(/EPSG:4527/);
    expect(hint(20_429_894, 4_420_968)).toMatch(/EPSG:4498/);
    expect(hint(429_894, 4_420_968)).toMatch(/cannot be told/);
    expect(projectedHint(-5, 1e9)).toBe('');
  });
});

describe('shpjs’s own reprojection from the .prj', () => {
  // shpjs (default export) reprojects with proj4's reading of the .prj. The importer does not use
  // that path (see src/lib/import/zip.ts); these tests pin why and check it agrees where it is right.
  const firstVertex = async (name: string) => {
    const fc = (await shp(fixture(name))) as FeatureCollection;
    return (fc.features[0]!.geometry as Polygon).coordinates[0]![0]!;
  };

  it('agrees with the importer on the EPSG:4548 and EPSG:4527 fixtures to within 1 cm (the output’s rounding)', async () => {
    for (const name of ['quad-epsg4548.zip', 'quad-epsg4527.zip']) {
      const fc = (await shp(fixture(name))) as FeatureCollection;
      const ours = JSON.parse((await importPlanningFile(name, fixture(name))).geojson) as FeatureCollection;
      const a = (fc.features[0]!.geometry as Polygon).coordinates.flat();
      const b = (ours.features[0]!.geometry as Polygon).coordinates.flat();
      expect(a).toHaveLength(b.length);
      for (const p of a) expect(Math.min(...b.map((q) => metres(p, q)))).toBeLessThan(0.01);
    }
  });

  it('would read a Xian 1980 file without any datum shift, which is why the importer reads the .prj itself', async () => {
    // proj4 knows no Xian 1980 → WGS84 parameters: the result is placed as if the datums were one.
    const v = await firstVertex('quad-xian1980.zip');
    expect(metres(v, [116.174, 39.915])).toBeLessThan(1);
  });
});
