/**
 * Exports of zone versions and proposals for planners' own tools: GeoJSON (RFC 7946), KML 2.2 and a
 * zipped shapefile in CGCS2000 / 3-degree Gauss–Krüger CM 117E (EPSG:4548) with .prj and .cpg.
 * Pure (no DOM): bytes or text out, so the same code runs in tests and in the app.
 *
 * Every export that contains Atlas geometry carries the ODbL attribution (the district boundary
 * and the metro come from OpenStreetMap via geoBoundaries; zone outlines touching them are derived).
 */
import proj4 from 'proj4';
import { zipSync, strToU8 } from 'fflate';
import type { Position } from 'geojson';
import type { ZoneFeature } from '../data/schema';
import { polygonsOf, type Areal } from '../geo/areal';
import { zoneBand } from '../geo/uncertainty';

export const ATTRIBUTION = '© OpenStreetMap contributors, geoBoundaries';

/** One polygonal feature to export, with the properties every format writes. */
export interface ExportFeature {
  id: string;
  name_zh: string;
  name_en: string;
  zone: string;
  version: string;
  /** Positional accuracy, m. */
  accuracy_m: number;
  method: string;
  /** Area on the WGS84 ellipsoid ± band, m² (GeographicLib; band = perimeter × accuracy). */
  area_m2: number;
  band_m2: number;
  /** `atlas` for the Atlas's own geometry, `proposal` for the planner's. */
  origin: 'atlas' | 'proposal';
  /** The zone version a proposal is attached to, `zone:version`, or ''. */
  attached_to: string;
  geometry: Areal;
}

export interface ExportSet {
  features: ExportFeature[];
  /** True when any feature is Atlas geometry: the attribution is then written. */
  attribution: boolean;
}

/** Zone versions (Atlas or proposals) → what is exported; features without geometry are left out. */
export function exportSet(zones: readonly ZoneFeature[], isProposal: (z: ZoneFeature) => boolean): ExportSet {
  const features = zones.flatMap((z): ExportFeature[] => {
    const p = z.properties;
    if (!z.geometry) return [];
    const geometry = round7(z.geometry);
    const m = zoneBand(geometry, p.provenance.accuracy_m, p.provenance.edges);
    return [
      {
        id: p.id,
        name_zh: p.name.zh,
        name_en: p.name.en,
        zone: p.zone,
        version: p.version.id,
        accuracy_m: p.provenance.accuracy_m,
        method: p.provenance.method,
        area_m2: m.area_m2,
        band_m2: m.band_m2,
        origin: isProposal(z) ? 'proposal' : 'atlas',
        attached_to: p.attachedTo ? `${p.attachedTo.zone}:${p.attachedTo.version}` : '',
        geometry,
      },
    ];
  });
  return { features, attribution: features.some((f) => f.origin === 'atlas') };
}

/**
 * Positions on the 1e-7° grid (≈ 1 cm; RFC 7946 §11.2), the grid the importer writes too: the area
 * stated in a file is the area of the file's own coordinates, and a re-import measures the same.
 */
function round7(g: Areal): Areal {
  const r = (v: number) => Math.round(v * 1e7) / 1e7 + 0;
  const polys = polygonsOf(g).map((poly) => poly.map((ring) => ring.map((p) => [r(p[0]!), r(p[1]!)])));
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

const props = (f: ExportFeature) => ({
  id: f.id,
  name_zh: f.name_zh,
  name_en: f.name_en,
  zone: f.zone,
  version: f.version,
  accuracy_m: f.accuracy_m,
  method: f.method,
  area_m2: round(f.area_m2, 2),
  band_m2: round(f.band_m2, 2),
  origin: f.origin,
  attached_to: f.attached_to,
});

const round = (x: number, d: number) => Number(x.toFixed(d));

/** Signed area in the lon/lat plane (shoelace), > 0 counter-clockwise. Only the sign is used. */
function planarSign(r: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
  return s;
}

/** Ring closed, oriented counter-clockwise (`ccw`) or clockwise. */
function oriented(r: readonly Position[], ccw: boolean): Position[] {
  const ring = r.map((p) => [p[0]!, p[1]!]);
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  if (a[0] !== b[0] || a[1] !== b[1]) ring.push([a[0]!, a[1]!]);
  return planarSign(ring) > 0 === ccw ? ring : ring.reverse();
}

/** RFC 7946 §3.1.6: exteriors counter-clockwise, holes clockwise. */
function rfc7946(g: Areal): Areal {
  const polys = polygonsOf(g).map((poly) => poly.map((r, i) => oriented(r, i === 0)));
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

/** GeoJSON text (RFC 7946: WGS84 lon/lat, no `crs` member, right-hand rule). */
export function toGeoJson(set: ExportSet): string {
  return JSON.stringify(
    {
      type: 'FeatureCollection',
      // A foreign member (RFC 7946 §6.1): readers that do not know it ignore it.
      ...(set.attribution ? { attribution: ATTRIBUTION } : {}),
      features: set.features.map((f) => ({ type: 'Feature', id: f.id, properties: props(f), geometry: rfc7946(f.geometry) })),
    },
    null,
    1,
  );
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** KML 2.2 (OGC 07-147r2): WGS84 lon,lat; one Placemark per feature, properties as ExtendedData. */
export function toKml(set: ExportSet, title: string): string {
  const ring = (r: Position[]) => `<LinearRing><coordinates>${r.map((p) => `${p[0]},${p[1]}`).join(' ')}</coordinates></LinearRing>`;
  const polygon = (poly: Position[][]) =>
    `<Polygon>${poly.map((r, i) => (i === 0 ? `<outerBoundaryIs>${ring(oriented(r, true))}</outerBoundaryIs>` : `<innerBoundaryIs>${ring(oriented(r, false))}</innerBoundaryIs>`)).join('')}</Polygon>`;
  const placemarks = set.features.map((f) => {
    const polys = polygonsOf(f.geometry);
    const geom = polys.length === 1 ? polygon(polys[0]!) : `<MultiGeometry>${polys.map(polygon).join('')}</MultiGeometry>`;
    const data = Object.entries(props(f))
      .map(([k, v]) => `<Data name="${xml(k)}"><value>${xml(String(v))}</value></Data>`)
      .join('');
    return `<Placemark id="${xml(f.id)}"><name>${xml(f.name_zh === f.name_en ? f.name_zh : `${f.name_zh} ${f.name_en}`)}</name><ExtendedData>${data}</ExtendedData>${geom}</Placemark>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    `<Document><name>${xml(title)}</name>`,
    set.attribution ? `<description>${xml(ATTRIBUTION)}</description>` : '',
    ...placemarks,
    '</Document></kml>',
    '',
  ].join('\n');
}

/** EPSG:4548, CGCS2000 / 3-degree Gauss-Kruger CM 117E (PROJ 9: `projinfo EPSG:4548 -o PROJ`). */
export const EPSG_4548 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/**
 * The .prj of EPSG:4548 as ArcGIS writes it (ESRI WKT1, WKID 4548), which ArcGIS, QGIS/GDAL and
 * proj4 read: GRS80 axes (a = 6378137, 1/f = 298.257222101), CM 117° E, k = 1, FE 500 000 m.
 */
export const PRJ_4548 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

// ------------------------------------------------------------------ shapefile (ESRI, July 1998)

interface Field {
  name: string;
  type: 'C' | 'N';
  len: number;
  dec: number;
  get: (f: ExportFeature) => string | number;
}

const FIELDS: Omit<Field, 'len'>[] = [
  { name: 'id', type: 'C', dec: 0, get: (f) => f.id },
  { name: 'name_zh', type: 'C', dec: 0, get: (f) => f.name_zh },
  { name: 'name_en', type: 'C', dec: 0, get: (f) => f.name_en },
  { name: 'zone', type: 'C', dec: 0, get: (f) => f.zone },
  { name: 'version', type: 'C', dec: 0, get: (f) => f.version },
  { name: 'accuracy_m', type: 'N', dec: 2, get: (f) => f.accuracy_m },
  { name: 'method', type: 'C', dec: 0, get: (f) => f.method },
  { name: 'area_m2', type: 'N', dec: 2, get: (f) => f.area_m2 },
  { name: 'band_m2', type: 'N', dec: 2, get: (f) => f.band_m2 },
  { name: 'origin', type: 'C', dec: 0, get: (f) => f.origin },
  { name: 'attached', type: 'C', dec: 0, get: (f) => f.attached_to },
];

const utf8 = new TextEncoder();

/** UTF-8 bytes of `s`, cut to at most `max` bytes at a character boundary. */
function utf8Cut(s: string, max: number): Uint8Array {
  let out = utf8.encode(s);
  if (out.length <= max) return out;
  let cut = '';
  for (const ch of s) {
    if (utf8.encode(cut + ch).length > max) break;
    cut += ch;
  }
  out = utf8.encode(cut);
  return out;
}

/** dBASE III table, UTF-8 text (declared in the .cpg), one row per feature. */
function dbf(features: ExportFeature[]): Uint8Array {
  const cell = (f: Field, x: ExportFeature) => (f.type === 'N' ? (f.get(x) as number).toFixed(f.dec) : String(f.get(x)));
  const fields: Field[] = FIELDS.map((f) => {
    const widths = features.map((x) => (f.type === 'N' ? cell({ ...f, len: 0 }, x).length : utf8.encode(String(f.get(x))).length));
    return { ...f, len: Math.min(254, Math.max(f.type === 'N' ? 4 : 1, ...widths)) };
  });
  const headerLen = 32 + 32 * fields.length + 1;
  const recLen = 1 + fields.reduce((s, f) => s + f.len, 0);
  const out = new Uint8Array(headerLen + recLen * features.length + 1);
  const dv = new DataView(out.buffer);
  out[0] = 0x03;
  const now = new Date();
  out[1] = now.getUTCFullYear() - 1900;
  out[2] = now.getUTCMonth() + 1;
  out[3] = now.getUTCDate();
  dv.setUint32(4, features.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recLen, true);
  // Language driver 0x00: none; the .cpg says UTF-8 (GDAL and ArcGIS honour the .cpg).
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    out.set(utf8.encode(f.name), o);
    out[o + 11] = f.type.charCodeAt(0);
    out[o + 16] = f.len;
    out[o + 17] = f.dec;
  });
  out[headerLen - 1] = 0x0d;
  features.forEach((x, r) => {
    let o = headerLen + r * recLen;
    out[o++] = 0x20;
    for (const f of fields) {
      out.fill(0x20, o, o + f.len);
      if (f.type === 'N') out.set(utf8.encode(cell(f, x).padStart(f.len, ' ')), o);
      else out.set(utf8Cut(String(f.get(x)), f.len), o);
      o += f.len;
    }
  });
  out[out.length - 1] = 0x1a;
  return out;
}

type XY = [number, number];

/** Polygon records (shape type 5): exteriors clockwise, holes counter-clockwise (spec p. 8), in the plane. */
function shpShx(rings: XY[][][][]): { shp: Uint8Array; shx: Uint8Array } {
  const records = rings.map((polys) => {
    const parts = polys.flatMap((poly) => poly.map((r, i) => oriented(r, i !== 0) as XY[]));
    const pts = parts.flat();
    const b = new Uint8Array(44 + 4 * parts.length + 16 * pts.length);
    const dv = new DataView(b.buffer);
    dv.setInt32(0, 5, true);
    const bb = bboxXY(pts);
    bb.forEach((v, i) => dv.setFloat64(4 + 8 * i, v, true));
    dv.setInt32(36, parts.length, true);
    dv.setInt32(40, pts.length, true);
    let start = 0;
    parts.forEach((r, i) => {
      dv.setInt32(44 + 4 * i, start, true);
      start += r.length;
    });
    const o = 44 + 4 * parts.length;
    pts.forEach((p, i) => {
      dv.setFloat64(o + 16 * i, p[0], true);
      dv.setFloat64(o + 16 * i + 8, p[1], true);
    });
    return b;
  });
  const all = rings.flat(3) as unknown as XY[];
  const bb = all.length ? bboxXY(all) : [0, 0, 0, 0];
  const shpLen = 100 + records.reduce((s, r) => s + 8 + r.length, 0);
  const shp = new Uint8Array(shpLen);
  const shx = new Uint8Array(100 + 8 * records.length);
  header(shp, shpLen, bb);
  header(shx, shx.length, bb);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let off = 100;
  records.forEach((r, i) => {
    sv.setInt32(off, i + 1, false);
    sv.setInt32(off + 4, r.length / 2, false);
    shp.set(r, off + 8);
    xv.setInt32(100 + 8 * i, off / 2, false);
    xv.setInt32(100 + 8 * i + 4, r.length / 2, false);
    off += 8 + r.length;
  });
  return { shp, shx };
}

function bboxXY(pts: readonly XY[]): [number, number, number, number] {
  let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
  for (const p of pts) {
    a = Math.min(a, p[0]);
    b = Math.min(b, p[1]);
    c = Math.max(c, p[0]);
    d = Math.max(d, p[1]);
  }
  return [a, b, c, d];
}

/** The 100-byte main header of .shp and .shx (lengths in 16-bit words, big-endian). */
function header(buf: Uint8Array, bytes: number, bb: number[]) {
  const dv = new DataView(buf.buffer, buf.byteOffset, 100);
  dv.setInt32(0, 9994, false);
  dv.setInt32(24, bytes / 2, false);
  dv.setInt32(28, 1000, true);
  dv.setInt32(32, 5, true);
  bb.forEach((v, i) => dv.setFloat64(36 + 8 * i, v, true));
}

/**
 * A zipped shapefile (.shp, .shx, .dbf, .prj, .cpg) in EPSG:4548. Lon/lat are taken as CGCS2000
 * (WGS84 and CGCS2000 agree to well under a metre, far inside any outline's accuracy) and projected
 * with proj4. `stem` names the files inside the zip.
 */
export function toShapefileZip(set: ExportSet, stem: string): Uint8Array {
  const fwd = proj4('EPSG:4326', EPSG_4548);
  const planar = set.features.map((f) => polygonsOf(f.geometry).map((poly) => poly.map((r) => r.map((p) => fwd.forward([p[0]!, p[1]!]) as XY))));
  const { shp, shx } = shpShx(planar);
  const files: Record<string, Uint8Array> = {
    [`${stem}.shp`]: shp,
    [`${stem}.shx`]: shx,
    [`${stem}.dbf`]: dbf(set.features),
    [`${stem}.prj`]: strToU8(PRJ_4548),
    [`${stem}.cpg`]: strToU8('UTF-8'),
  };
  if (set.attribution) files[`${stem}.attribution.txt`] = strToU8(`${ATTRIBUTION}\nOpen Database License (ODbL) 1.0\n`);
  return zipSync(files, { level: 6 });
}
