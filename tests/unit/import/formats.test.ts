import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { importPlanningFile, type ImportResult } from '../../../src/lib/import';
import { dbf, gbk, shpAndShx, zip, zipBomb, type Pos, type Rings } from '../../../scripts/fixtures/writers';
import { QUAD_RINGS } from '../../../scripts/fixtures/import-quad';
import { distanceToQuad, fixture, parseFc, signedArea2 } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);
const quad = (): Rings => QUAD_RINGS.map((r) => r.map((p) => [p[0], p[1]] as Pos));
const EPSG_4548 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const toPlane = (rs: Rings): Rings => rs.map((r) => r.map((p) => proj4('+proj=longlat +ellps=GRS80', EPSG_4548).forward(p) as Pos));
const geojson = (geometry: unknown, extra: Record<string, unknown> = {}) => utf8(JSON.stringify({ type: 'FeatureCollection', ...extra, features: [{ type: 'Feature', properties: { name: 'p' }, geometry }] }));
const codes = (r: ImportResult, severity?: 'error' | 'warning') => r.issues.filter((i) => !severity || i.severity === severity).map((i) => i.code);
const firstGeometry = (r: ImportResult) => parseFc(r.geojson).features[0]!.geometry as Geometry;

/** A zipped shapefile of the given records (null: null shape), with optional .prj. */
function shapefile(records: (Rings | null)[], prj?: string, extra: [string, Buffer][] = []): Uint8Array {
  const { shp, shx } = shpAndShx(records);
  const rows = records.map((_, i) => ({ name: `地块${i + 1}`, code: i + 1 }));
  const entries: [string, Buffer][] = [['p.shp', shp], ['p.shx', shx], ['p.dbf', dbf(rows, (s) => Buffer.from(s, 'utf8'), 0)], ['p.cpg', Buffer.from('UTF-8')]];
  if (prj) entries.push(['p.prj', Buffer.from(prj)]);
  return new Uint8Array(zip([...entries, ...extra]));
}
const PRJ_4548 = 'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('format detection', () => {
  it('goes by content, not by the extension, and warns when the two disagree', async () => {
    const r = await importPlanningFile('plan.geojson', fixture('quad-wgs84.kml'));
    expect(r.format).toBe('kml');
    expect(codes(r, 'warning')).toEqual(['extension-mismatch']);
    const z = await importPlanningFile('plan.kml', fixture('quad-epsg4548.zip'));
    expect(z.format).toBe('shapefile-zip');
    expect(codes(z, 'warning')).toContain('extension-mismatch');
  });

  it('asks for the whole zipped shapefile when one part of it is opened alone', async () => {
    const { shp } = shpAndShx([quad()]);
    for (const [name, bytes] of [['p.shp', shp], ['p.dbf', dbf([{ name: 'x', code: 1 }], (s) => Buffer.from(s), 0)]] as const) {
      const r = await importPlanningFile(name, new Uint8Array(bytes));
      expect(codes(r)).toEqual(['shapefile-not-zipped']);
      expect(r.issues[0]!.message).toMatch(/zip the \.shp/);
    }
  });

  it('refuses XML that is not KML, naming its root element', async () => {
    const r = await importPlanningFile('route.gpx', utf8('<?xml version="1.0"?>\n<gpx version="1.1"><trk/></gpx>'));
    expect(codes(r)).toEqual(['format-unknown']);
    expect(r.issues[0]!.message).toContain('<gpx>');
  });

  it('refuses an empty file', async () => {
    const r = await importPlanningFile('empty.geojson', new Uint8Array(0));
    expect(codes(r)).toEqual(['format-unknown']);
    expect(r.issues[0]!.message).toContain('empty file');
  });

  it('reports a zip that is broken or holds no layer', async () => {
    const whole = fixture('quad-epsg4548.zip');
    const truncated = await importPlanningFile('cut.zip', whole.subarray(0, 300));
    expect(codes(truncated)).toEqual(['zip']);
    const noLayer = await importPlanningFile('docs.zip', new Uint8Array(zip([['readme.txt', Buffer.from('hello')]])));
    expect(codes(noLayer)).toEqual(['zip-no-layer']);
  });

  it('refuses, from its directory alone, an archive that would expand beyond the limit, and says how large', async () => {
    // A genuine bomb: 2 GiB of zeros deflated to ~2 MB.
    const bomb = new Uint8Array(zipBomb('plots.shp', 2 * 2 ** 30));
    const r = await importPlanningFile('bomb.zip', bomb);
    expect(codes(r)).toEqual(['zip-too-large']);
    expect(r.issues[0]!.message).toMatch(/would expand to 2\.1 GB \(plots\.shp alone 2\.1 GB\), more than the 1 GB .*split the layer/);
  });

  it('stops a member that inflates to more than its directory declares', async () => {
    const z = zipBomb('plots.shp', 2 ** 20);
    // Both headers understate the size: 1,000 bytes declared, 1 MiB inside.
    z.writeUInt32LE(1000, 22);
    z.writeUInt32LE(1000, z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    const r = await importPlanningFile('lying.zip', new Uint8Array(z));
    expect(codes(r)).toEqual(['zip']);
    expect(r.issues[0]!.message).toMatch(/plots\.shp inflates to more than the 1000 bytes its directory declares/);
  });

  it('returns for a truncated zip that starts with "P" (but-unzip 0.1.10 loops forever on one)', async () => {
    const r = await importPlanningFile('cut.zip', fixture('quad-epsg4548.zip').subarray(0, 1000));
    expect(codes(r)).toEqual(['zip']);
    expect(r.issues[0]!.message).toMatch(/truncated/);
  });
});

describe('GeoJSON', () => {
  it('reports invalid JSON and non-GeoJSON JSON', async () => {
    expect(codes(await importPlanningFile('a.geojson', utf8('{"type": "FeatureCollection", ')))).toEqual(['json']);
    expect(codes(await importPlanningFile('a.geojson', utf8('[1, 2, 3]')))).toEqual(['schema']);
    expect(codes(await importPlanningFile('a.geojson', utf8('{"type":"FeatureCollection","features":[]}')))).toEqual(['empty']);
  });

  it('reads a bare geometry as one feature', async () => {
    const r = await importPlanningFile('a.geojson', utf8(JSON.stringify({ type: 'Polygon', coordinates: quad() })));
    expect(r.featureCount).toBe(1);
    expect(distanceToQuad(firstGeometry(r))).toBeLessThan(0.05);
  });

  it('leaves out malformed features with a located error and keeps the rest', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'good', properties: {}, geometry: { type: 'Polygon', coordinates: quad() } },
        { type: 'Feature', id: 'bad', properties: {}, geometry: { type: 'Polygon', coordinates: [[[116.1, 'x'], [116.2, 39.9]]] } },
        { type: 'Feature', properties: { name: 'odd' }, geometry: { type: 'Blob', coordinates: [] } },
        42,
      ],
    });
    const r = await importPlanningFile('a.geojson', utf8(text));
    expect(r.featureCount).toBe(1);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.id, i.field])).toEqual([
      ['geometry-invalid', 'bad', 'geometry.coordinates[0][0]'],
      ['geometry-invalid', 'odd', 'geometry.type'],
      ['feature-invalid', '#3', undefined],
    ]);
  });

  it('says [lat, lon] when the axes are swapped, instead of calling them projected', async () => {
    const swapped = quad().map((r) => r.map(([x, y]) => [y, x]));
    const r = await importPlanningFile('a.geojson', geojson({ type: 'Polygon', coordinates: swapped }));
    expect(codes(r)).toEqual(['crs-missing']);
    expect(r.issues[0]!.message).toMatch(/\[latitude, longitude\]/);
  });

  it('refuses a crs member that contradicts the coordinates', async () => {
    const planeWith4326 = await importPlanningFile('a.geojson', geojson({ type: 'Polygon', coordinates: toPlane(quad()) }, { crs: { type: 'name', properties: { name: 'EPSG:4326' } } }));
    expect(codes(planeWith4326)).toEqual(['crs-mismatch']);
    const lonLatWith4548 = await importPlanningFile('a.geojson', geojson({ type: 'Polygon', coordinates: quad() }, { crs: { type: 'name', properties: { name: 'EPSG:4548' } } }));
    expect(codes(lonLatWith4548)).toEqual(['crs-mismatch']);
  });

  it('refuses a crs member on an older Chinese datum, located at the crs field', async () => {
    const r = await importPlanningFile('a.geojson', geojson({ type: 'Polygon', coordinates: toPlane(quad()) }, { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2436' } } }));
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([['crs-datum-unsupported', 'crs']]);
    expect(r.issues[0]!.message).toContain('Beijing 1954');
  });

  it('says when the declared CRS puts the coordinates off the globe, and reads the zone number', async () => {
    // Zone-prefixed eastings (EPSG:4527) declared as EPSG:4548, a common export mistake.
    const prefixed = toPlane(quad()).map((r) => r.map(([x, y]) => [x + 39e6, y]));
    const r = await importPlanningFile('a.geojson', geojson({ type: 'Polygon', coordinates: prefixed }, { crs: { type: 'name', properties: { name: 'EPSG:4548' } } }));
    expect(codes(r)).toEqual(['crs-result-invalid']);
    expect(r.issues[0]!.message).toMatch(/EPSG:4527/);
  });

  it('reads GBK text that is not UTF-8, and says so', async () => {
    const text = JSON.stringify({ type: 'Feature', properties: { name: '石景山' }, geometry: { type: 'Polygon', coordinates: quad() } });
    const bytes = new Uint8Array(Buffer.concat(text.split('石景山').flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [gbk('石景山'), Buffer.from(part)]))));
    const r = await importPlanningFile('a.geojson', bytes);
    expect(codes(r)).toEqual(['encoding-guessed']);
    expect(parseFc(r.geojson).features[0]!.properties!.name).toBe('石景山');
  });
});

describe('output geometry', () => {
  it('rewinds a clockwise exterior and a counter-clockwise hole (RFC 7946 §3.1.6)', async () => {
    const reversed = quad().map((r) => [...r].reverse());
    const g = firstGeometry(await importPlanningFile('a.geojson', geojson({ type: 'Polygon', coordinates: reversed })));
    if (g.type !== 'Polygon') throw new Error('expected a Polygon');
    expect(signedArea2(g.coordinates[0]!)).toBeGreaterThan(0);
    expect(signedArea2(g.coordinates[1]!)).toBeLessThan(0);
  });

  it('rounds to 7 decimals and drops altitudes', async () => {
    const ring = [[116.123456789, 39.987654321, 55], [116.133456789, 39.987654321, 56], [116.133456789, 39.997654321, 57], [116.123456789, 39.987654321, 55]];
    const g = firstGeometry(await importPlanningFile('a.geojson', geojson({ type: 'Polygon', coordinates: [ring] })));
    const flat = (g as { coordinates: Position[][] }).coordinates.flat();
    expect(flat.every((p) => p.length === 2)).toBe(true);
    expect(flat).toContainEqual([116.1234568, 39.9876543]);
  });

  it('keeps points and lines with a warning each, and joins a GeometryCollection of polygons into a MultiPolygon', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'station', properties: {}, geometry: { type: 'Point', coordinates: [116.18, 39.92] } },
        { type: 'Feature', id: 'road', properties: {}, geometry: { type: 'LineString', coordinates: [[116.17, 39.91], [116.19, 39.93]] } },
        { type: 'Feature', id: 'nothing', properties: {}, geometry: null },
        { type: 'Feature', id: 'parts', properties: {}, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: quad() }, { type: 'Polygon', coordinates: [quad()[1]!] }] } },
      ],
    });
    const r = await importPlanningFile('a.geojson', utf8(text));
    expect(r.featureCount).toBe(4);
    expect(r.issues.map((i) => [i.code, i.id])).toEqual([['not-area', 'station'], ['not-area', 'road'], ['not-area', 'nothing']]);
    expect(parseFc(r.geojson).features.map((f) => f.geometry?.type ?? null)).toEqual(['Point', 'LineString', null, 'MultiPolygon']);
  });

  it('sums up unmeasured features past 20 in one warning', async () => {
    const features = Array.from({ length: 25 }, (_, i) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116 + i / 100, 39.9] } }));
    const r = await importPlanningFile('a.geojson', utf8(JSON.stringify({ type: 'FeatureCollection', features })));
    expect(r.issues).toHaveLength(21);
    expect(r.issues[20]!.message).toMatch(/5 more/);
  });
});

describe('the datum option', () => {
  it('is ignored, with a warning, for a projected file', async () => {
    const plain = await importPlanningFile('a.zip', fixture('quad-epsg4548.zip'));
    const withGcj = await importPlanningFile('a.zip', fixture('quad-epsg4548.zip'), { datum: 'gcj02' });
    expect(withGcj.geojson).toBe(plain.geojson);
    expect(codes(withGcj, 'warning')).toContain('datum-ignored');
  });

  it('applies to KML too (a KML exported from a Chinese web map)', async () => {
    const r = await importPlanningFile('a.kml', fixture('quad-wgs84.kml'), { datum: 'gcj02' });
    expect(r.crs).toBe('GCJ-02 → WGS84');
    // WGS84 input read as GCJ-02 moves by the GCJ offset, ≈ 100–700 m in Beijing.
    expect(distanceToQuad(firstGeometry(r))).toBeGreaterThan(100);
  });

  it('leaves positions outside China unchanged and says so', async () => {
    const london = [[[-0.13, 51.5], [-0.12, 51.5], [-0.12, 51.51], [-0.13, 51.5]]];
    const r = await importPlanningFile('a.geojson', geojson({ type: 'Polygon', coordinates: london }), { datum: 'bd09' });
    expect(codes(r)).toEqual(['datum-outside-china']);
    expect((firstGeometry(r) as { coordinates: Position[][] }).coordinates[0]).toContainEqual([-0.13, 51.5]);
  });

  it('refuses an unknown datum name', async () => {
    const r = await importPlanningFile('a.geojson', fixture('quad-wgs84.geojson'), { datum: 'wgs72' as never });
    expect(codes(r)).toEqual(['option-invalid']);
  });
});

describe('zipped shapefiles', () => {
  it('takes lon/lat without a .prj as WGS84, with a warning', async () => {
    const r = await importPlanningFile('a.zip', shapefile([quad()]));
    expect(r.crs).toBe('EPSG:4326');
    expect(codes(r)).toEqual(['crs-assumed']);
    expect(distanceToQuad(firstGeometry(r))).toBeLessThan(0.05);
  });

  it('refuses projected numbers without a .prj, reading the zone number for the message', async () => {
    const prefixed = toPlane(quad()).map((r) => r.map(([x, y]) => [x + 39e6, y] as Pos));
    const r = await importPlanningFile('a.zip', shapefile([prefixed]));
    expect(codes(r)).toEqual(['crs-missing']);
    expect(r.issues[0]!.file).toBe('a.zip/p.shp');
    expect(r.issues[0]!.message).toMatch(/EPSG:4527/);
  });

  it('keeps several records with their attributes, null shapes flagged', async () => {
    const moved = toPlane(quad()).map((r) => r.map(([x, y]) => [x + 2000, y] as Pos));
    const r = await importPlanningFile('a.zip', shapefile([toPlane(quad()), null, moved], PRJ_4548));
    expect(r.featureCount).toBe(3);
    const features = parseFc(r.geojson).features;
    expect(features.map((f) => f.properties!.NAME)).toEqual(['地块1', '地块2', '地块3']);
    expect(distanceToQuad(features[0]!.geometry)).toBeLessThan(0.05);
    expect(r.issues.map((i) => [i.code, i.id])).toEqual([['cgcs2000-as-wgs84', undefined], ['not-area', '地块2']]);
  });

  it('keeps the features of a shapefile whose .dbf header is damaged (parsedbf would loop over 4 billion rows)', async () => {
    const { shp, shx } = shpAndShx([toPlane(quad())]);
    const table = dbf([{ name: 'x', code: 1 }], (s) => Buffer.from(s), 0);
    table.writeUInt32LE(0xffffffff, 4);
    const r = await importPlanningFile('a.zip', new Uint8Array(zip([['p.shp', shp], ['p.shx', shx], ['p.dbf', table], ['p.prj', Buffer.from(PRJ_4548)]])));
    expect(r.featureCount).toBe(1);
    expect(r.issues.map((i) => [i.code, i.file])).toContainEqual(['dbf', 'a.zip/p.dbf']);
  });

  it('reads every shapefile in the zip, each with its own .prj, ignoring macOS metadata', async () => {
    const { shp, shx } = shpAndShx([quad()]);
    const geographic = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    const bytes = shapefile([toPlane(quad())], PRJ_4548, [
      ['more/q.shp', shp], ['more/q.shx', shx], ['more/q.prj', Buffer.from(geographic)],
      ['__MACOSX/._p.shp', Buffer.from('junk')],
    ]);
    const r = await importPlanningFile('two.zip', bytes);
    expect(r.featureCount).toBe(2);
    expect(r.crs).toBe('EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E); EPSG:4326');
    for (const f of parseFc(r.geojson).features) expect(distanceToQuad(f.geometry)).toBeLessThan(0.05);
  });

  it('reads a KMZ (zipped KML)', async () => {
    const r = await importPlanningFile('plan.kmz', new Uint8Array(zip([['doc.kml', Buffer.from(fixture('quad-wgs84.kml'))]])));
    expect(r.format).toBe('kml');
    expect(distanceToQuad(firstGeometry(r))).toBeLessThan(0.05);
  });
});

describe('KML', () => {
  it('reports XML it cannot parse', async () => {
    const r = await importPlanningFile('a.kml', utf8('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Polygon>'));
    expect(codes(r, 'error').length).toBeGreaterThan(0);
    expect(r.featureCount).toBe(0);
  });
});

describe('never throwing', () => {
  it('resolves with issues for any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('a.zip', 'a.geojson', 'a.kml', 'a'), async (bytes, name) => {
        const r = await importPlanningFile(name, bytes);
        expect(codes(r)).not.toContain('internal');
        expect(r.featureCount === 0 ? r.issues.some((i) => i.severity === 'error') : true).toBe(true);
        expect(() => JSON.parse(r.geojson)).not.toThrow();
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('resolves with issues for any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const r = await importPlanningFile('a.geojson', utf8(JSON.stringify(value) ?? 'null'));
        expect(r.featureCount).toBe(0);
        expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('resolves with issues for a shapefile whose bytes are damaged', async () => {
    const good = shapefile([toPlane(quad())], PRJ_4548);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), async (at, value) => {
        const bytes = good.slice();
        bytes[at] = value;
        const r = await importPlanningFile('a.zip', bytes);
        expect(codes(r)).not.toContain('internal');
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
