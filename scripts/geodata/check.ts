/**
 * Checks the files in `geodata/` against the zod schemas and the honesty rules, and prints each
 * zone's ellipsoidal area FOR INFORMATION ONLY (never tune geometry towards a stated figure).
 *
 *   npx tsx scripts/geodata/check.ts          # exit code 1 on any error, 0 otherwise
 *   npx tsx scripts/geodata/check.ts --strict # warnings count as errors too
 *   GEODATA_DIR=/some/copy npx tsx scripts/geodata/check.ts   # check another directory
 *
 * Checks, each reported as `file  id  field  message`:
 * - JSON parses; every feature / claim / source passes its schema (safeParse, located zod issues);
 * - the app's own honesty rules (src/lib/data/checks.ts via loadAtlasData): positions in China and
 *   not swapped, rings closed, RFC 7946 winding, turf.kinks, unique ids, one current version per
 *   zone, references resolve, zones within the district up to their accuracy;
 * - plus, here: extent "unknown" ⇔ geometry null, ≤ 6 decimals, no duplicate consecutive vertices, rings closed / CCW / kinks for
 *   every polygon (districts too), ids unique across files and claims, claim ids used by zones and
 *   points exist, zone and version ids referenced by claims exist, spatial claims name a version,
 *   plots match the number of polygons, share of each zone outside Shijingshan (turf.intersect)
 *   unless `outside_district` is set, estimated points carry error_m, unknown points are null.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import geodesic from 'geographiclib-geodesic';
import { area as turfArea, booleanWithin, featureCollection, intersect, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { ClaimsFile, ContextFeature, DistrictFeature, PointFeature, ZoneFeature } from '../../src/lib/data/schema.ts';
import { GEODATA_FILES, formatPath, loadAtlasData } from '../../src/lib/data/load.ts';

type Pos = [number, number];
interface Issue {
  file: string;
  id?: string;
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIR = process.env.GEODATA_DIR ? path.resolve(process.env.GEODATA_DIR) : path.resolve(HERE, '../../geodata');
const STRICT = process.argv.includes('--strict');
const issues: Issue[] = [];
const err = (file: string, id: string | undefined, field: string | undefined, message: string) => issues.push({ file, id, field, message, severity: 'error' });
const warn = (file: string, id: string | undefined, field: string | undefined, message: string) => issues.push({ file, id, field, message, severity: 'warning' });

// ---- load raw -------------------------------------------------------------------------------------

const raw: Record<string, string | undefined> = {};
const parsed: Record<string, unknown> = {};
for (const [key, file] of Object.entries(GEODATA_FILES)) {
  const p = path.join(DIR, file);
  if (!fs.existsSync(p)) {
    err(file, undefined, undefined, 'file is missing');
    continue;
  }
  raw[key] = fs.readFileSync(p, 'utf8');
  try {
    parsed[key] = JSON.parse(raw[key]!);
  } catch (e) {
    err(file, undefined, undefined, `not valid JSON: ${(e as Error).message}`);
  }
}

const featuresOf = (key: string): Array<{ properties?: Record<string, unknown>; geometry?: unknown }> => {
  const fc = parsed[key] as { type?: string; features?: unknown[] } | undefined;
  if (!fc) return [];
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    err(GEODATA_FILES[key as keyof typeof GEODATA_FILES], undefined, 'type', 'expected a GeoJSON FeatureCollection');
    return [];
  }
  return fc.features as never;
};
const fid = (f: { properties?: Record<string, unknown> }, i: number) => (typeof f.properties?.id === 'string' ? (f.properties.id as string) : `#${i}`);

// ---- schema -----------------------------------------------------------------------------------------

const schemaFor: Record<string, z.ZodType> = { districts: DistrictFeature, context: ContextFeature, zones: ZoneFeature, points: PointFeature };
for (const [key, schema] of Object.entries(schemaFor)) {
  const file = GEODATA_FILES[key as keyof typeof GEODATA_FILES];
  featuresOf(key).forEach((f, i) => {
    const r = schema.safeParse(f);
    if (!r.success) for (const is of r.error.issues) err(file, fid(f, i), formatPath(is.path), `schema: ${is.message}`);
  });
}
if (parsed.claims) {
  const r = ClaimsFile.safeParse(parsed.claims);
  if (!r.success) {
    const c = parsed.claims as { claims?: Array<{ id?: string }> };
    for (const is of r.error.issues) {
      const id = is.path[0] === 'claims' && typeof is.path[1] === 'number' ? c.claims?.[is.path[1]]?.id : undefined;
      err('claims.json', id, formatPath(is.path), `schema: ${is.message}`);
    }
  }
}

// ---- geometry helpers -----------------------------------------------------------------------------

function positions(c: unknown, out: Pos[] = []): Pos[] {
  if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Pos);
  else if (Array.isArray(c)) c.forEach((x) => positions(x, out));
  return out;
}
const decimals = (x: number) => {
  const s = String(x);
  const i = s.indexOf('.');
  return i < 0 || s.includes('e') ? 0 : s.length - i - 1;
};
function signedArea2(ring: Pos[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s;
}
type Area = Polygon | MultiPolygon;
const polysOf = (g: Area): Pos[][][] => (g.type === 'Polygon' ? [g.coordinates as Pos[][]] : (g.coordinates as Pos[][][]));
const asFeature = (g: Area): Feature<Area> => ({ type: 'Feature', properties: {}, geometry: g });

/** Ellipsoidal area (m²) and perimeter (m) on WGS84 with GeographicLib. */
function ellipsoidal(g: Area): { area: number; perimeter: number } {
  const W = geodesic.Geodesic.WGS84;
  let area = 0;
  let perimeter = 0;
  for (const poly of polysOf(g)) {
    poly.forEach((ring, ri) => {
      const p = W.Polygon(false);
      for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat, lon);
      const r = p.Compute(false, true);
      area += (ri === 0 ? 1 : -1) * Math.abs(r.area ?? 0);
      perimeter += r.perimeter;
    });
  }
  return { area, perimeter };
}

function geometryChecks(file: string, id: string, g: { type: string; coordinates: unknown } | null) {
  if (!g) return;
  const pos = positions(g.coordinates);
  const tooPrecise = pos.find((p) => decimals(p[0]) > 6 || decimals(p[1]) > 6);
  if (tooPrecise) err(file, id, 'geometry.coordinates', `more than 6 decimals, e.g. [${tooPrecise.join(', ')}]`);
  const lines: Pos[][] =
    g.type === 'LineString' ? [g.coordinates as Pos[]] : g.type === 'MultiLineString' || g.type === 'Polygon' ? (g.coordinates as Pos[][]) : g.type === 'MultiPolygon' ? (g.coordinates as Pos[][][]).flat() : [];
  lines.forEach((l, li) => {
    for (let i = 1; i < l.length; i++)
      if (l[i]![0] === l[i - 1]![0] && l[i]![1] === l[i - 1]![1]) err(file, id, `geometry.coordinates[${li}][${i}]`, `duplicate consecutive vertex [${l[i]!.join(', ')}]`);
  });
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return;
  const multi = g.type === 'MultiPolygon';
  let ok = true;
  polysOf(g as Area).forEach((poly, pi) =>
    poly.forEach((ring, ri) => {
      const field = `geometry.coordinates${multi ? `[${pi}]` : ''}[${ri}]`;
      const a = ring[0]!;
      const b = ring[ring.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) {
        err(file, id, field, 'ring not closed');
        ok = false;
        return;
      }
      const ccw = signedArea2(ring) > 0;
      if (ccw !== (ri === 0)) err(file, id, field, `${ri === 0 ? 'exterior ring' : 'hole'} is ${ccw ? 'counter-clockwise' : 'clockwise'}`);
    }),
  );
  if (ok) {
    const k = kinks(asFeature(g as Area));
    if (k.features.length) err(file, id, 'geometry.coordinates', `self-intersection (turf.kinks) at ${k.features.slice(0, 3).map((f) => `[${f.geometry.coordinates.map((c) => c.toFixed(6)).join(', ')}]`).join(', ')}`);
  }
}

// ---- per-file checks --------------------------------------------------------------------------------

const allIds = new Map<string, string>();
const seenId = (file: string, id: string) => {
  const prev = allIds.get(id);
  if (prev) err(file, id, 'properties.id', `id already used in ${prev}`);
  else allIds.set(id, file);
};

const districts = featuresOf('districts');
const context = featuresOf('context');
const zones = featuresOf('zones');
const points = featuresOf('points');
const claimsFile = (parsed.claims ?? { sources: [], claims: [] }) as { sources: Array<{ id: string }>; claims: Array<Record<string, unknown>> };

districts.forEach((f, i) => {
  seenId('districts.geojson', fid(f, i));
  geometryChecks('districts.geojson', fid(f, i), f.geometry as never);
});
context.forEach((f, i) => {
  seenId('context.geojson', fid(f, i));
  geometryChecks('context.geojson', fid(f, i), f.geometry as never);
});
zones.forEach((f, i) => {
  const id = fid(f, i);
  seenId('zones.geojson', id);
  geometryChecks('zones.geojson', id, f.geometry as never);
  const extent = f.properties?.extent ?? 'outline';
  if ((extent === 'unknown') !== (f.geometry === null)) err('zones.geojson', id, 'geometry', `extent "${String(extent)}" ${extent === 'unknown' ? 'must have geometry null' : 'needs a geometry'}`);
  if (extent === 'unknown' && (f.properties?.provenance as { method?: string } | undefined)?.method !== 'estimated')
    err('zones.geojson', id, 'properties.provenance.method', 'unknown extent: method must be "estimated"');
});
points.forEach((f, i) => {
  const id = fid(f, i);
  seenId('points.geojson', id);
  geometryChecks('points.geojson', id, f.geometry as never);
  const p = f.properties ?? {};
  if (p.location === 'unknown' && f.geometry !== null) err('points.geojson', id, 'geometry', 'location "unknown" must have geometry null');
  if (p.location !== 'unknown' && f.geometry === null) err('points.geojson', id, 'geometry', `location "${String(p.location)}" needs a point`);
  if (p.location === 'estimated' && typeof p.error_m !== 'number') err('points.geojson', id, 'properties.error_m', 'estimated position needs error_m');
  const prov = p.provenance as { method?: string } | undefined;
  if (p.location === 'unknown' && prov?.method !== 'estimated') err('points.geojson', id, 'properties.provenance.method', 'unknown location: method must be "estimated"');
});

const claimIds = new Set<string>();
claimsFile.claims.forEach((c, i) => {
  const id = typeof c.id === 'string' ? c.id : `#${i}`;
  if (claimIds.has(id)) err('claims.json', id, 'id', 'claim id used twice');
  claimIds.add(id);
  seenId('claims.json', id);
});
if (claimsFile.claims.length < 19) err('claims.json', undefined, 'claims', `only ${claimsFile.claims.length} claims; the facts sheet lists 20`);
const sourceIds = new Set(claimsFile.sources.map((s) => s.id));

// Zones: versions, plots, claim refs.
const zoneVersions = new Map<string, Set<string>>();
const currentCount = new Map<string, number>();
zones.forEach((f, i) => {
  const p = f.properties ?? {};
  const id = fid(f, i);
  const zone = String(p.zone);
  const version = (p.version as { id?: string } | undefined)?.id ?? '';
  if (!zoneVersions.has(zone)) zoneVersions.set(zone, new Set());
  zoneVersions.get(zone)!.add(version);
  currentCount.set(zone, (currentCount.get(zone) ?? 0) + (p.current === true ? 1 : 0));
  ((p.claims as string[]) ?? []).forEach((c, k) => {
    if (!claimIds.has(c)) err('zones.geojson', id, `properties.claims[${k}]`, `claim "${c}" not in claims.json`);
  });
  const g = f.geometry as Area | undefined;
  const plots = p.plots as unknown[] | undefined;
  if (g?.type === 'MultiPolygon' && plots && plots.length !== g.coordinates.length)
    err('zones.geojson', id, 'properties.plots', `${plots.length} plots for ${g.coordinates.length} polygons`);
  if (g?.type === 'MultiPolygon' && !plots) warn('zones.geojson', id, 'properties.plots', 'multi-plot zone without plots');
});
for (const [zone, n] of currentCount) if (n !== 1) err('zones.geojson', zone, 'properties.current', `${n} current versions (exactly one expected)`);

points.forEach((f, i) => {
  const p = f.properties ?? {};
  const id = fid(f, i);
  ((p.claims as string[]) ?? []).forEach((c, k) => {
    if (!claimIds.has(c)) err('points.geojson', id, `properties.claims[${k}]`, `claim "${c}" not in claims.json`);
  });
  ((p.zones as string[]) ?? []).forEach((z, k) => {
    if (!zoneVersions.has(z)) err('points.geojson', id, `properties.zones[${k}]`, `zone "${z}" not in zones.geojson`);
  });
});

claimsFile.claims.forEach((c, i) => {
  const id = typeof c.id === 'string' ? c.id : `#${i}`;
  if (!sourceIds.has(String(c.source))) err('claims.json', id, 'source', `source "${String(c.source)}" not listed`);
  const scope = c.scope as { kind?: string; zone?: string; version?: string } | undefined;
  if (scope?.kind === 'zone') {
    const versions = zoneVersions.get(String(scope.zone));
    if (!versions) err('claims.json', id, 'scope.zone', `zone "${String(scope.zone)}" not in zones.geojson`);
    else if (scope.version && !versions.has(scope.version)) err('claims.json', id, 'scope.version', `zone "${scope.zone}" has no version "${scope.version}"`);
  }
  if (c.spatial === true && !(scope?.kind === 'zone' && scope.version)) err('claims.json', id, 'scope', 'spatial claim must name a zone and version');
  if (c.spatial === true) {
    const zoneUsesIt = zones.some((z) => z.properties?.zone === scope?.zone && (z.properties?.version as { id?: string })?.id === scope?.version && ((z.properties?.claims as string[]) ?? []).includes(id));
    if (!zoneUsesIt) warn('claims.json', id, 'scope', 'the zone version it describes does not list this claim');
  }
});

// Containment in Shijingshan.
const sjs = districts.find((d) => d.properties?.id === 'shijingshan');
const outsideShare = new Map<string, number>();
if (!sjs) err('districts.geojson', 'shijingshan', undefined, 'Shijingshan district missing');
else {
  const D = asFeature(sjs.geometry as Area);
  zones.forEach((f, i) => {
    const id = fid(f, i);
    const g = f.geometry as Area | null;
    if (!g) return;
    try {
      const inter = intersect(featureCollection([asFeature(g), D]));
      const a = turfArea(asFeature(g));
      const share = a > 0 ? 1 - (inter ? turfArea(inter) : 0) / a : 0;
      outsideShare.set(id, Math.max(0, share));
      const within = g.type === 'Polygon' ? booleanWithin(asFeature(g), D) : g.coordinates.every((c) => booleanWithin(asFeature({ type: 'Polygon', coordinates: c }), D));
      if (share > 1e-4 && !f.properties?.outside_district)
        warn('zones.geojson', id, 'geometry', `${(share * 100).toFixed(2)} % of the zone lies outside Shijingshan (booleanWithin: ${within}); fix or set outside_district with the reason`);
    } catch (e) {
      err('zones.geojson', id, 'geometry', `containment test failed: ${(e as Error).message}`);
    }
  });
}

// ---- the app's own loader and honesty rules -----------------------------------------------------

const app = loadAtlasData({ districts: raw.districts, context: raw.context, zones: raw.zones, points: raw.points, claims: raw.claims });
for (const i of app.issues) issues.push({ file: i.file, id: i.id, field: i.field, message: `[app ${i.code}] ${i.message}`, severity: i.severity });

// ---- report -------------------------------------------------------------------------------------

const errors = issues.filter((i) => i.severity === 'error');
const warnings = issues.filter((i) => i.severity === 'warning');
for (const i of issues) console.log(`${i.severity === 'error' ? 'ERROR' : 'warn '}  ${i.file}  ${i.id ?? '-'}  ${i.field ?? '-'}  ${i.message}`);

console.log(`\nLoaded by the app: ${app.data.districts.length} districts, ${app.data.context.length} context, ${app.data.zones.length} zone versions, ${app.data.points.length} points, ${app.data.claims.length} claims, ${app.data.sources.length} sources.`);

console.log('\nZone areas — WGS84 ellipsoid (GeographicLib), FOR INFORMATION ONLY; never adjust geometry towards a stated figure.');
const stated = new Map(claimsFile.claims.filter((c) => c.spatial === true).map((c) => [`${(c.scope as { zone: string }).zone}/${(c.scope as { version: string }).version}`, c]));
const rows = zones.map((f, i) => {
  const p = f.properties ?? {};
  const g = f.geometry as Area | null;
  const prov = p.provenance as { method: string; accuracy_m: number };
  const s = stated.get(`${String(p.zone)}/${(p.version as { id: string }).id}`);
  const m = g ? ellipsoidal(g) : null;
  return {
    id: fid(f, i),
    extent: String(p.extent ?? 'outline'),
    method: prov.method,
    'acc m': prov.accuracy_m,
    'area km²': m ? (m.area / 1e6).toFixed(3) : '—',
    'perim km': m ? (m.perimeter / 1e3).toFixed(2) : '—',
    '± band km²': m ? ((m.perimeter * prov.accuracy_m) / 1e6).toFixed(2) : '—',
    'outside %': m ? ((outsideShare.get(fid(f, i)) ?? 0) * 100).toFixed(2) : '—',
    stated: s ? `${String(s.value)} km² (${String(s.id)})` : '',
  };
});
console.table(rows);
console.log('extent: outline = the zone (area ± band comparable); partial = placed plots only (lower bound); envelope = the zone lies inside (upper bound); unknown = not drawn.');
if (sjs) {
  const m = ellipsoidal(sjs.geometry as Area);
  console.log(`Shijingshan district polygon: ${(m.area / 1e6).toFixed(2)} km² (official 84.38).`);
}

console.log(`\n${errors.length} error(s), ${warnings.length} warning(s).`);
process.exit(errors.length > 0 || (STRICT && warnings.length > 0) ? 1 : 0);
