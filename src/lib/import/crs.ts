/**
 * Coordinate reference systems a planning file may be in, and how to bring them to WGS84 lon/lat.
 *
 * Supported: WGS84 (EPSG:4326), CGCS2000 geographic (EPSG:4490) and its Gauss–Krüger planes
 * (EPSG:4491–4554, 3° and 6° zones, with and without the zone number in the false easting), and
 * WGS 84 / UTM north zones (EPSG:32601–32660). Every proj4 string is written here from the EPSG
 * registry's parameters and checked against PROJ 9.1 (`projinfo EPSG:<code> -o PROJ`; the tests
 * compare every one with PROJ's own results, tests/fixtures/import/proj-reference.json).
 *
 * Refused with a located error: Beijing 1954, Xian 1980 and New Beijing, whose conversion to WGS84
 * needs a datum shift (regional 7-parameter sets; tens of metres here) that no file carries and
 * this module does not guess. CGCS2000 is taken as WGS84: the two agree to well under a metre
 * (both geocentric, GRS80 vs WGS84 ellipsoid differ by 0.1 mm in the semi-minor axis; the frames
 * drift apart by the Eurasian plate's ≈ 3 cm/yr since CGCS2000's epoch 2000.0), far inside the
 * ±10 m assumed for planning outlines; the caller reports that as a warning.
 */
import { msg, say, type Located } from '../i18n/located';
import proj4 from 'proj4';
import type { Pos } from './geometry';

export interface SourceCrs {
  /** What is reported, e.g. `EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)`. */
  label: string;
  /** proj4 definition of the projected plane (x east, y north, metres); null for lon/lat degrees. */
  plane: string | null;
  /** Ellipsoid of the plane, for the matching lon/lat system (no datum shift between the two). */
  ellps: 'GRS80' | 'WGS84';
  /** CGCS2000 is taken as WGS84; the caller says so. */
  datum: 'wgs84' | 'cgcs2000';
  /** A caution to report when this CRS is used (e.g. built from unusual .prj parameters). */
  note?: Located;
}

export type CrsResult =
  | { ok: true; crs: SourceCrs }
  | { ok: false; code: 'crs-datum-unsupported' | 'crs-unsupported' | 'prj-unreadable'; message: string; text: Located };

export const WGS84: SourceCrs = { label: 'EPSG:4326', plane: null, ellps: 'WGS84', datum: 'wgs84' };
/**
 * WGS 84 / Pseudo-Mercator (EPSG:3857), the "Web Mercator" of web maps and of many web tools'
 * exports: WGS84 lon/lat projected as if on a sphere of radius 6 378 137 m. Its inverse is exact
 * (λ = x / R, φ = atan(sinh(y / R))): proj4's `+nadgrids=@null` keeps the sphere's latitude as the
 * WGS84 latitude, which is what EPSG:3857 defines (no datum shift).
 */
export const WEB_MERCATOR: SourceCrs = {
  label: 'EPSG:3857 (WGS 84 / Pseudo-Mercator)',
  plane: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  ellps: 'WGS84',
  datum: 'wgs84',
};
/** EPSG:3857 and the older codes for the same definition (ESRI 102100/102113, 900913, EPSG:3785). */
const WEB_MERCATOR_CODES = new Set([3857, 3785, 900913, 102100, 102113]);

export const CGCS2000_GEOGRAPHIC: SourceCrs = { label: 'EPSG:4490 (CGCS2000)', plane: null, ellps: 'GRS80', datum: 'cgcs2000' };

const REEXPORT = msg('issue.reexport');

/** Transverse Mercator with origin latitude 0 and false northing 0, the form of every CRS here. */
const tmerc = (lon0: number, k: number, x0: number, ellps: SourceCrs['ellps']) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=0 +ellps=${ellps} +units=m +no_defs`;

/**
 * A CGCS2000 Gauss–Krüger plane of the EPSG registry (scale 1 on the central meridian, GRS80).
 * 3° zones: zone n has its central meridian at 3n° E (zones 25–45, 75°–135° E); EPSG:4513–4533
 * put the zone number before the false easting (x_0 = n·10⁶ + 500 000), EPSG:4534–4554 do not.
 * 6° zones: central meridian 6n − 3° E (zones 13–23); EPSG:4491–4501 with the zone number,
 * EPSG:4502–4512 without. Null when the meridian is not one of these.
 */
export function cgcs2000GaussKruger(width: 3 | 6, cm: number, zonePrefix: boolean): SourceCrs | null {
  const zone = width === 3 ? cm / 3 : (cm + 3) / 6;
  const [first, last] = width === 3 ? [25, 45] : [13, 23];
  if (!Number.isInteger(zone) || zone < first || zone > last) return null;
  const base = width === 3 ? (zonePrefix ? 4513 : 4534) : zonePrefix ? 4491 : 4502;
  const family = width === 3 ? 'CGCS2000 / 3-degree Gauss-Kruger' : 'CGCS2000 / Gauss-Kruger';
  return {
    label: `EPSG:${base + zone - first} (${family} ${zonePrefix ? `zone ${zone}` : `CM ${cm}E`})`,
    plane: tmerc(cm, 1, zonePrefix ? zone * 1e6 + 500_000 : 500_000, 'GRS80'),
    ellps: 'GRS80',
    datum: 'cgcs2000',
  };
}

/** WGS 84 / UTM zone n N (EPSG:32600 + n): central meridian 6n − 183°, scale 0.9996, x_0 500 km. */
export function wgs84Utm(zone: number): SourceCrs | null {
  if (!Number.isInteger(zone) || zone < 1 || zone > 60) return null;
  return { label: `EPSG:${32600 + zone} (WGS 84 / UTM zone ${zone}N)`, plane: tmerc(6 * zone - 183, 0.9996, 500_000, 'WGS84'), ellps: 'WGS84', datum: 'wgs84' };
}

/** EPSG codes of the older Chinese datums (checked with projinfo), refused: they need a datum shift. */
const LEGACY_DATUM_CODES: { from: number; to: number; datum: string }[] = [
  { from: 4214, to: 4214, datum: 'Beijing 1954' },
  { from: 2401, to: 2442, datum: 'Beijing 1954' }, // 3-degree GK zones 25–45, CM 75E–135E
  { from: 21413, to: 21423, datum: 'Beijing 1954' }, // GK zones 13–23
  { from: 21453, to: 21463, datum: 'Beijing 1954' }, // GK CM 75E–135E
  { from: 21473, to: 21483, datum: 'Beijing 1954' }, // GK 13N–23N (deprecated codes)
  { from: 4610, to: 4610, datum: 'Xian 1980' },
  { from: 2327, to: 2390, datum: 'Xian 1980' }, // GK and 3-degree GK, zones and CMs
  { from: 4555, to: 4555, datum: 'New Beijing' },
  { from: 4568, to: 4589, datum: 'New Beijing' },
  { from: 4652, to: 4656, datum: 'New Beijing' },
  { from: 4766, to: 4800, datum: 'New Beijing' },
];

const datumRefused = (what: string, datum: string): CrsResult => ({
  ok: false,
  code: 'crs-datum-unsupported',
  ...say('issue.datumRefused', { what, datum, reexport: REEXPORT }),
});

/** The CRS of an EPSG code; the older Chinese datums and codes not listed above are refused. */
export function crsFromEpsg(code: number): CrsResult {
  if (code === 4326) return { ok: true, crs: WGS84 };
  if (code === 4490) return { ok: true, crs: CGCS2000_GEOGRAPHIC };
  if (WEB_MERCATOR_CODES.has(code)) return { ok: true, crs: WEB_MERCATOR };
  let crs: SourceCrs | null = null;
  if (code >= 4491 && code <= 4501) crs = cgcs2000GaussKruger(6, 6 * (code - 4491 + 13) - 3, true);
  else if (code >= 4502 && code <= 4512) crs = cgcs2000GaussKruger(6, 75 + 6 * (code - 4502), false);
  else if (code >= 4513 && code <= 4533) crs = cgcs2000GaussKruger(3, 3 * (code - 4513 + 25), true);
  else if (code >= 4534 && code <= 4554) crs = cgcs2000GaussKruger(3, 75 + 3 * (code - 4534), false);
  else if (code >= 32601 && code <= 32660) crs = wgs84Utm(code - 32600);
  if (crs) return { ok: true, crs };
  const legacy = LEGACY_DATUM_CODES.find((r) => code >= r.from && code <= r.to);
  if (legacy) return datumRefused(`EPSG:${code}`, legacy.datum);
  return { ok: false, code: 'crs-unsupported', ...say('issue.epsgUnsupported', { code, reexport: REEXPORT }) };
}

/**
 * The CRS named by a GeoJSON `crs` member (GeoJSON 2008; RFC 7946 removed it but GIS still write
 * it): `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4548"}}`, `EPSG:4548`,
 * the OGC URL form (www.opengis.net/def/crs/EPSG/0/4548), OGC CRS84, or the older `{"type":"EPSG",
 * "properties":{"code":4548}}`. Null when the member is absent.
 */
export function crsFromGeoJsonMember(member: unknown): CrsResult | null {
  if (member === undefined || member === null) return null;
  const m = member as { type?: unknown; properties?: { name?: unknown; code?: unknown } };
  if (m.type === 'EPSG' && (typeof m.properties?.code === 'number' || typeof m.properties?.code === 'string')) {
    const code = Number(m.properties.code);
    if (Number.isInteger(code)) return crsFromEpsg(code);
  }
  const name = m.type === 'name' && typeof m.properties?.name === 'string' ? m.properties.name.trim() : null;
  if (name !== null) {
    if (/^(urn:ogc:def:crs:OGC:[^:]*:CRS84|OGC:CRS84|CRS:84)$/i.test(name) || /opengis\.net\/def\/crs\/OGC\/[^/]+\/CRS84$/i.test(name)) return { ok: true, crs: WGS84 };
    const epsg = /^(?:urn:ogc:def:crs:EPSG:[^:]*:|EPSG:+)(\d+)$/i.exec(name) ?? /opengis\.net\/def\/crs\/EPSG\/[^/]+\/(\d+)$/i.exec(name);
    if (epsg) return crsFromEpsg(Number(epsg[1]));
  }
  return { ok: false, code: 'crs-unsupported', ...say('issue.crsMemberUnnamed', { member: JSON.stringify(member).slice(0, 120), reexport: REEXPORT }) };
}

/** Fields of proj4's parse of a WKT (`new proj4.Proj(wkt)`); angles in radians. */
interface ParsedWkt {
  name?: string;
  projName?: string;
  datumCode?: string;
  ellps?: string;
  a?: number;
  rf?: number;
  k0?: number;
  x0?: number;
  y0?: number;
  long0?: number;
  lat0?: number;
  to_meter?: number;
  units?: string;
  GEOGCS?: { name?: string; DATUM?: { name?: string } };
  DATUM?: { name?: string };
}

const near = (a: number | undefined, b: number, tol: number) => a !== undefined && Math.abs(a - b) <= tol;
const deg = (rad: number | undefined) => Math.round(((rad ?? 0) * 180) / Math.PI * 1e9) / 1e9;

/**
 * The CRS of a shapefile's .prj (ESRI or OGC WKT 1), from its parameters rather than its name:
 * the datum family from ellipsoid and datum name, then the projection. proj4 parses the WKT; the
 * transformation itself always uses the definitions above (or, for a transverse Mercator with other
 * parameters on a supported datum, a proj4 string built from those parameters, with a note).
 */
export function crsFromPrj(wkt: string): CrsResult {
  let p: ParsedWkt;
  try {
    p = new proj4.Proj(wkt.trim()) as unknown as ParsedWkt;
  } catch (e) {
    return { ok: false, code: 'prj-unreadable', ...say('issue.prjUnreadable', { detail: String((e as Error).message ?? e), reexport: REEXPORT }) };
  }
  const name = p.name ?? 'the .prj coordinate system';
  // Web Mercator: written with the WGS84 ellipsoid (ESRI "Mercator_Auxiliary_Sphere") or with a
  // sphere (GDAL's EPSG:3857 WKT); recognised by projection and name, before the datum checks.
  if (/merc/i.test(p.projName ?? '') && (/pseudo.?mercator|web.?mercator|auxiliary.?sphere|3857|900913/i.test(`${p.name ?? ''} ${wkt}`) || near(p.a, 6378137, 1e-3)) && near(p.long0 ?? 0, 0, 1e-12) && near(p.x0 ?? 0, 0, 1e-6) && near(p.y0 ?? 0, 0, 1e-6))
    return { ok: true, crs: WEB_MERCATOR };
  const datumNames = [p.name, p.GEOGCS?.name, p.GEOGCS?.DATUM?.name, p.DATUM?.name, p.datumCode, p.ellps].filter(Boolean).join(' ');
  // The ellipsoid first (it cannot be misnamed), then the names.
  const grs80 = near(p.a, 6378137, 1e-3) && near(p.rf, 298.257222101, 1e-6);
  const wgs84Ellps = near(p.a, 6378137, 1e-3) && near(p.rf, 298.257223563, 1e-6);
  let datum: SourceCrs['datum'] | null = null;
  if (grs80 && /cgcs|china.?2000|2000/i.test(datumNames)) datum = 'cgcs2000';
  else if (wgs84Ellps) datum = 'wgs84';
  else if (near(p.a, 6378245, 0.5) || /beijing|1954|krasovsk|krass/i.test(datumNames))
    return datumRefused(name, /new.?beijing/i.test(datumNames) ? 'New Beijing' : 'Beijing 1954'); // Krasovsky 1940 ellipsoid
  else if (near(p.a, 6378140, 0.5) || /xian|xi'an|1980/i.test(datumNames)) return datumRefused(name, 'Xian 1980'); // IAG 1975 ellipsoid
  if (datum === null)
    return { ok: false, code: 'crs-unsupported', ...say('issue.prjDatum', { name, datum: String(p.GEOGCS?.DATUM?.name ?? p.DATUM?.name ?? p.datumCode ?? '?'), reexport: REEXPORT }) };

  if (p.projName === 'longlat') return { ok: true, crs: datum === 'cgcs2000' ? CGCS2000_GEOGRAPHIC : WGS84 };
  if (!/transverse|gauss|tmerc|utm/i.test(p.projName ?? ''))
    return { ok: false, code: 'crs-unsupported', ...say('issue.prjProjection', { name, projection: String(p.projName ?? 'unknown'), reexport: REEXPORT }) };
  if (!near(p.to_meter ?? 1, 1, 1e-12)) return { ok: false, code: 'crs-unsupported', ...say('issue.prjUnits', { name, reexport: REEXPORT }) };

  const cm = deg(p.long0);
  const k = p.k0 ?? 1;
  const x0 = p.x0 ?? 0;
  const standard = near(p.lat0 ?? 0, 0, 1e-12) && near(p.y0 ?? 0, 0, 1e-6);
  if (standard && datum === 'cgcs2000' && near(k, 1, 1e-12)) {
    const threeDegree = /3.?deg/i.test(name) || cm % 6 !== 3;
    const width = threeDegree ? 3 : 6;
    const zone = width === 3 ? cm / 3 : (cm + 3) / 6;
    const found = near(x0, 500_000, 1e-6)
      ? cgcs2000GaussKruger(width, cm, false)
      : near(x0, zone * 1e6 + 500_000, 1e-6)
        ? cgcs2000GaussKruger(width, cm, true)
        : null;
    if (found) return { ok: true, crs: found };
  }
  if (standard && datum === 'wgs84' && near(k, 0.9996, 1e-12) && near(x0, 500_000, 1e-6)) {
    const utm = wgs84Utm((cm + 183) / 6);
    if (utm) return { ok: true, crs: utm };
  }
  // A transverse Mercator the registry does not list here (a city grid, a shifted origin): fully
  // defined by the .prj, so it is applied as written and reported.
  const ellps: SourceCrs['ellps'] = datum === 'cgcs2000' ? 'GRS80' : 'WGS84';
  const plane = `+proj=tmerc +lat_0=${deg(p.lat0)} +lon_0=${cm} +k=${k} +x_0=${x0} +y_0=${p.y0 ?? 0} +ellps=${ellps} +units=m +no_defs`;
  return {
    ok: true,
    crs: {
      label: `${name} (transverse Mercator on ${datum === 'cgcs2000' ? 'CGCS2000' : 'WGS84'}, CM ${cm}E, from the .prj)`,
      plane,
      ellps,
      datum,
      note: msg('issue.crsCustom', { name, plane }),
    },
  };
}

/** Plane (metres) → lon/lat (degrees) on the plane's own ellipsoid; null for geographic CRSs. */
export function inverseProjection(crs: SourceCrs): ((p: Pos) => Pos) | null {
  if (crs.plane === null) return null;
  const conv = proj4(crs.plane, `+proj=longlat +ellps=${crs.ellps} +no_defs`);
  return (p) => conv.forward([p[0], p[1]]) as Pos;
}

/**
 * A reading of projected numbers for an error message only (never applied): Gauss–Krüger eastings
 * with the zone number in front give the zone away; without it the zone cannot be told.
 */
export function projectedHint(x: number, y: number): Located | '' {
  if (y < 0 || y > 6.5e6) return '';
  const zone = Math.floor(x / 1e6);
  if (x >= 1e7 && Math.abs(x - zone * 1e6 - 500_000) < 400_000) {
    const three = cgcs2000GaussKruger(3, 3 * zone, true);
    const six = cgcs2000GaussKruger(6, 6 * zone - 3, true);
    const c = three ?? six;
    if (c) return msg('issue.hintZoneNumber', { zone, crs: c.label });
  }
  // Web Mercator over China: x 8–15.4 Mm (72–138° E), y 0.1–7.5 Mm (1–56° N).
  if (x > 8e6 && x < 1.54e7 && y > 1e5 && y < 7.5e6)
    return msg('issue.hintWebMercator');
  if (x > 0 && x < 1e6) return msg('issue.hintPlane');
  return '';
}
