/**
 * Honesty rules applied across the data after schema validation (issue #3): WGS84 positions inside
 * China (and not swapped), closed rings, RFC 7946 winding, no self-intersections, unique ids,
 * resolvable references, one current version per zone, zones inside the district unless flagged.
 * Returns located issues; features with errors are removed from the returned data.
 */
import { say } from '../i18n/located';
import { booleanPointInPolygon, pointToLineDistance, polygonToLine } from '@turf/turf';
import findIntersections from 'sweepline-intersections';
import type { AtlasData, DataIssue } from './load';
import type { AreaGeometry, GeoRef, Position } from './schema';

/** Mainland China and nearby seas, generous: anything outside is not Shijingshan data. */
const CHINA = { minLon: 73, maxLon: 135.1, minLat: 18, maxLat: 53.6 };

const inChina = ([lon, lat]: Position) =>
  lon >= CHINA.minLon && lon <= CHINA.maxLon && lat >= CHINA.minLat && lat <= CHINA.maxLat;

/** Twice the signed planar area of a ring in degrees (positive = counter-clockwise). */
function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

function polygons(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function allPositions(g: { type: string; coordinates: unknown }): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as unknown as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(g.coordinates);
  return out;
}

/** Position checks shared by every geometry: inside China, with a hint when lat/lon are swapped. */
export function positionIssues(file: string, id: string, g: { type: string; coordinates: unknown }): DataIssue[] {
  // The first position outside China, found without collecting them all (12,000 parcels).
  let bad: Position | undefined;
  const walk = (c: unknown): boolean => {
    if (typeof (c as unknown[])[0] === 'number') {
      if (inChina(c as Position)) return false;
      bad = c as Position;
      return true;
    }
    return Array.isArray(c) && c.some(walk);
  };
  walk(g.coordinates);
  if (!bad) return [];
  const swapped = inChina([bad[1], bad[0]]);
  return [
    {
      file,
      id,
      field: 'geometry.coordinates',
      code: swapped ? 'swapped-lat-lon' : 'outside-china',
      ...say(swapped ? 'issue.swappedLatLon' : 'issue.outsideChina', { x: bad[0], y: bad[1] }),
      severity: 'error',
    },
  ];
}

/** Ring-level checks for an area geometry: closure, winding, self-intersections. */
export function areaGeometryIssues(file: string, id: string, g: AreaGeometry): DataIssue[] {
  const issues: DataIssue[] = [];
  const multi = g.type === 'MultiPolygon';
  polygons(g).forEach((poly, pi) => {
    poly.forEach((ring, ri) => {
      const field = `geometry.coordinates${multi ? `[${pi}]` : ''}[${ri}]`;
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        issues.push({
          file, id, field, code: 'ring-open', severity: 'error',
          ...say('issue.ringOpen', { first: first.join(', '), last: last.join(', ') }),
        });
        return;
      }
      const ccw = signedArea2(ring) > 0;
      if (ccw !== (ri === 0)) {
        issues.push({
          file, id, field, code: 'winding', severity: 'warning',
          ...say(ri === 0 ? 'issue.exteriorClockwise' : 'issue.holeCounterClockwise'),
        });
      }
    });
  });
  if (issues.some((i) => i.severity === 'error')) return issues;
  polygons(g).forEach((poly, pi) =>
    poly.forEach((ring, ri) => {
      const dup = ring.findIndex((p, i) => i > 0 && p[0] === ring[i - 1]![0] && p[1] === ring[i - 1]![1]);
      if (dup > 0)
        issues.push({
          file, id, field: `geometry.coordinates${multi ? `[${pi}]` : ''}[${ri}][${dup}]`, code: 'duplicate-vertex', severity: 'warning',
          ...say('issue.duplicateVertex', { position: ring[dup]!.join(', ') }),
        });
    }),
  );
  // A sweep line (sweepline-intersections, MIT): turf's kinks compares every pair of edges, which
  // took 26 s for a surveyed boundary of 100,000 vertices (issue #17); this takes a fraction of one.
  const k = findIntersections({ type: 'Feature', properties: {}, geometry: g }, false);
  if (k.length > 0) {
    const where = k.slice(0, 3).map((p) => `[${p.map((c) => c.toFixed(6)).join(', ')}]`);
    issues.push({
      file, id, field: 'geometry.coordinates', code: 'kink', severity: 'error',
      ...(k.length > 3 ? say('issue.kinkMore', { where: where.join(', '), n: k.length - 3 }) : say('issue.kink', { where: where.join(', ') })),
    });
  }
  return issues;
}

const DISTRICT_ID = 'shijingshan';

/** Vertices outside the district by more than the zone's own positional accuracy. */
function outsideDistrict(g: AreaGeometry, district: AreaGeometry, accuracy_m: number): Position[] {
  const boundary = polygonToLine({ type: 'Feature', properties: {}, geometry: district });
  const lines = boundary.type === 'FeatureCollection' ? boundary.features : [boundary];
  return allPositions(g).filter((p) => {
    if (booleanPointInPolygon(p, district)) return false;
    const d = Math.min(...lines.map((l) => pointToLineDistance(p, l as never, { units: 'meters' })));
    return d > accuracy_m;
  });
}

export function honestyIssues(data: AtlasData): { data: AtlasData; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const drop = new Set<object>();
  const flag = (obj: object, list: DataIssue[]) => {
    issues.push(...list);
    if (list.some((i) => i.severity === 'error')) drop.add(obj);
  };

  for (const d of data.districts) {
    flag(d, [...positionIssues('districts.geojson', d.properties.id, d.geometry), ...areaGeometryIssues('districts.geojson', d.properties.id, d.geometry)]);
  }
  for (const z of data.zones) {
    const id = z.properties.id;
    const unknown = z.properties.extent === 'unknown';
    if (unknown !== (z.geometry === null)) {
      flag(z, [{
        file: 'zones.geojson', id, field: 'geometry', code: unknown ? 'unknown-has-geometry' : 'missing-geometry', severity: 'error',
        ...(unknown ? say('issue.unknownExtentHasGeometry') : say('issue.extentWithoutGeometry', { extent: z.properties.extent })),
      }]);
      continue;
    }
    if (!z.geometry) continue;
    const parts = z.geometry.type === 'MultiPolygon' ? z.geometry.coordinates.length : 1;
    if (z.properties.plots && z.properties.plots.length !== parts)
      issues.push({ file: 'zones.geojson', id, field: 'properties.plots', code: 'plots-count', severity: 'warning', ...say('issue.plotsCount', { plots: z.properties.plots.length, parts }) });
    if (z.properties.plots_total !== undefined && z.properties.plots_total < parts)
      issues.push({ file: 'zones.geojson', id, field: 'properties.plots_total', code: 'plots-count', severity: 'warning', ...say('issue.plotsTotal', { total: z.properties.plots_total, parts }) });
    const pos = positionIssues('zones.geojson', id, z.geometry);
    flag(z, pos.length ? pos : areaGeometryIssues('zones.geojson', id, z.geometry));
  }
  for (const c of data.context) flag(c, positionIssues('context.geojson', c.properties.id, c.geometry));
  for (const st of data.streets) flag(st, positionIssues('streets.geojson', st.properties.id, st.geometry));
  for (const j of data.junctions) flag(j, positionIssues('junctions.geojson', j.properties.id, j.geometry));
  for (const p of data.points) {
    const id = p.properties.id;
    const list: DataIssue[] = p.geometry ? positionIssues('points.geojson', id, p.geometry) : [];
    if (p.properties.location === 'unknown' && p.geometry !== null)
      list.push({ file: 'points.geojson', id, field: 'geometry', code: 'unknown-has-geometry', severity: 'error', ...say('issue.unknownPlaceHasGeometry') });
    if (p.properties.location !== 'unknown' && p.geometry === null)
      list.push({ file: 'points.geojson', id, field: 'geometry', code: 'missing-geometry', severity: 'error', ...say('issue.locationWithoutGeometry', { location: p.properties.location }) });
    if (p.properties.location === 'estimated' && p.properties.error_m === undefined)
      list.push({ file: 'points.geojson', id, field: 'properties.error_m', code: 'missing-error', severity: 'error', ...say('issue.missingError') });
    flag(p, list);
  }

  // Unique ids across every file (a later duplicate is left out).
  const seen = new Map<string, string>();
  const unique = (file: string, obj: object, id: string) => {
    const prev = seen.get(id);
    if (prev) flag(obj, [{ file, id, field: 'properties.id', code: 'duplicate-id', severity: 'error', ...say('issue.duplicateId', { id, prev }) }]);
    else seen.set(id, file);
  };
  data.districts.forEach((d) => unique('districts.geojson', d, d.properties.id));
  data.context.forEach((c) => unique('context.geojson', c, c.properties.id));
  data.streets.forEach((st) => unique('streets.geojson', st, st.properties.id));
  data.junctions.forEach((j) => unique('junctions.geojson', j, j.properties.id));
  data.zones.forEach((z) => unique('zones.geojson', z, z.properties.id));
  data.points.forEach((p) => unique('points.geojson', p, p.properties.id));
  const claimIds = new Set<string>();
  for (const c of data.claims) {
    if (claimIds.has(c.id)) flag(c, [{ file: 'claims.json', id: c.id, field: 'id', code: 'duplicate-id', severity: 'error', ...say('issue.duplicateClaim', { id: c.id }) }]);
    claimIds.add(c.id);
  }

  // Versions: exactly one current per zone.
  const zoneIds = new Set(data.zones.filter((z) => !drop.has(z)).map((z) => z.properties.zone));
  for (const zid of zoneIds) {
    const versions = data.zones.filter((z) => !drop.has(z) && z.properties.zone === zid);
    const current = versions.filter((z) => z.properties.current);
    if (current.length !== 1)
      issues.push({ file: 'zones.geojson', id: zid, field: 'properties.current', code: 'current-version', severity: 'warning', ...say('issue.currentVersions', { zone: zid, n: current.length }) });
  }

  // References.
  const sourceIds = new Set(data.sources.map((s) => s.id));
  for (const c of data.claims) {
    if (!sourceIds.has(c.source)) issues.push({ file: 'claims.json', id: c.id, field: 'source', code: 'unknown-source', severity: 'warning', ...say('issue.unknownSource', { source: c.source }) });
    if (c.spatial && (c.scope.kind !== 'zone' || !c.scope.version))
      issues.push({ file: 'claims.json', id: c.id, field: 'scope', code: 'spatial-scope', severity: 'warning', ...say('issue.spatialScope') });
    if (c.scope.kind === 'zone') {
      const { zone, version } = c.scope;
      if (!zoneIds.has(zone)) issues.push({ file: 'claims.json', id: c.id, field: 'scope.zone', code: 'unknown-zone', severity: 'warning', ...say('issue.unknownZone', { zone }) });
      else if (version && !data.zones.some((z) => z.properties.zone === zone && z.properties.version.id === version))
        issues.push({ file: 'claims.json', id: c.id, field: 'scope.version', code: 'unknown-version', severity: 'warning', ...say('issue.unknownVersion', { zone, version }) });
    }
  }
  for (const c of data.claims) {
    if (c.scope.kind === 'point' && !data.points.some((p) => p.properties.id === (c.scope as { point: string }).point))
      issues.push({ file: 'claims.json', id: c.id, field: 'scope.point', code: 'unknown-point', severity: 'warning', ...say('issue.unknownPoint', { point: c.scope.point }) });
    const src = data.sources.find((s) => s.id === c.source);
    if (src?.role === 'interview' && !c.quote_zh)
      issues.push({ file: 'claims.json', id: c.id, field: 'quote_zh', code: 'quote-missing', severity: 'error', ...say('issue.quoteMissing') });
    if (src && src.role !== 'interview' && (src.lang === 'zh' ? !c.quote_zh : !c.quote_en))
      issues.push({ file: 'claims.json', id: c.id, field: src.lang === 'zh' ? 'quote_zh' : 'quote_en', code: 'quote-lang', severity: 'warning', ...say('issue.quoteLang', { source: src.id, lang: src.lang }) });
  }
  data.sources.forEach((s, i) => {
    if (s.role === 'other' && !s.url && !s.note)
      issues.push({ file: 'claims.json', id: s.id, field: `sources[${i}].url`, code: 'source-unlocated', severity: 'warning', ...say('issue.sourceUnlocated') });
  });
  if (data.sources.filter((s) => s.role === 'interview').length > 1)
    issues.push({ file: 'claims.json', field: 'sources', code: 'interviews', severity: 'warning', ...say('issue.interviews') });
  // Evidence: placed features say why they are there; unknown ones say what was searched.
  const evidenceIssues = (file: string, id: string, placed: boolean, method: string, ev: { source: string }[], searched: unknown) => {
    ev.forEach((e, i) => {
      if (!sourceIds.has(e.source)) issues.push({ file, id, field: `properties.evidence[${i}].source`, code: 'unknown-source', severity: 'warning', ...say('issue.unknownEvidenceSource', { source: e.source }) });
    });
    if (placed && ev.length === 0 && (method === 'estimated' || method === 'schematic'))
      issues.push({ file, id, field: 'properties.evidence', code: 'evidence-missing', severity: 'warning', ...say('issue.evidenceMissing') });
    if (!placed && !searched) issues.push({ file, id, field: 'properties.searched', code: 'searched-missing', severity: 'warning', ...say('issue.searchedMissing') });
  };
  data.zones.forEach((z) => evidenceIssues('zones.geojson', z.properties.id, z.geometry !== null, z.properties.provenance.method, z.properties.evidence, z.properties.searched));
  data.points.forEach((p) => evidenceIssues('points.geojson', p.properties.id, p.geometry !== null, p.properties.provenance.method, p.properties.evidence, p.properties.searched));
  data.zones.forEach((z) => {
    const parent = z.properties.parent;
    if (parent && !zoneIds.has(parent)) issues.push({ file: 'zones.geojson', id: z.properties.id, field: 'properties.parent', code: 'unknown-zone', severity: 'warning', ...say('issue.unknownParent', { zone: parent }) });
  });
  // No two zones share an outline (issue #8: a stand-in outline says more than is known).
  const outlines = new Map<string, string>();
  for (const z of data.zones) {
    if (!z.geometry || drop.has(z)) continue;
    const key = JSON.stringify(z.geometry.coordinates);
    const other = outlines.get(key);
    const o = other === undefined ? undefined : data.zones.find((x) => x.properties.id === other);
    // A multi-plot zone drawn as exactly the plots of another (the ZGC park's placed plots are the sci-fi cluster's) shares its outline by design.
    const plotOf = (a: typeof z, b: typeof z) => a.properties.plots?.some((pl) => pl.zone === b.properties.zone) === true;
    if (o && o.properties.zone !== z.properties.zone && !plotOf(o, z) && !plotOf(z, o))
      issues.push({ file: 'zones.geojson', id: z.properties.id, field: 'geometry', code: 'shared-outline', severity: 'warning', ...say('issue.sharedOutline', { other: other! }) });
    else outlines.set(key, z.properties.id);
  }
  const refClaims = (file: string, id: string, refs: string[]) =>
    refs.forEach((ref, i) => {
      if (!claimIds.has(ref)) issues.push({ file, id, field: `properties.claims[${i}]`, code: 'unknown-claim', severity: 'warning', ...say('issue.unknownClaim', { claim: ref }) });
    });
  data.zones.forEach((z) => refClaims('zones.geojson', z.properties.id, z.properties.claims));
  data.points.forEach((p) => {
    refClaims('points.geojson', p.properties.id, p.properties.claims);
    p.properties.zones.forEach((ref, i) => {
      if (!zoneIds.has(ref)) issues.push({ file: 'points.geojson', id: p.properties.id, field: `properties.zones[${i}]`, code: 'unknown-zone', severity: 'warning', ...say('issue.unknownZone', { zone: ref }) });
    });
  });

  // Streets, junctions and stations named by evidence, edges and streets exist (issue #16).
  const refIds = {
    street: new Set(data.streets.filter((x) => !drop.has(x)).flatMap((x) => x.properties.street ?? [])),
    junction: new Set(data.junctions.filter((x) => !drop.has(x)).map((x) => x.properties.id)),
    station: new Set(data.context.filter((x) => !drop.has(x) && x.properties.layer === 'metro-station').map((x) => x.properties.id)),
  };
  const geoRefs = (file: string, id: string, field: string, refs: readonly GeoRef[]) =>
    refs.forEach((r, i) => {
      if (!refIds[r.kind].has(r.id))
        issues.push({ file, id, field: `${field}[${i}]`, code: 'unknown-ref', severity: 'warning', ...say('issue.unknownRef', { kind: r.kind, ref: r.id, file: r.kind === 'station' ? 'context.geojson' : `${r.kind}s.geojson` }) });
    });
  const featureRefs = (file: string, id: string, p: { evidence: { refs: GeoRef[] }[]; provenance: { edges?: { refs: GeoRef[] }[] } }) => {
    p.evidence.forEach((e, i) => geoRefs(file, id, `properties.evidence[${i}].refs`, e.refs));
    p.provenance.edges?.forEach((e, i) => geoRefs(file, id, `properties.provenance.edges[${i}].refs`, e.refs));
  };
  data.zones.forEach((z) => featureRefs('zones.geojson', z.properties.id, z.properties));
  data.points.forEach((p) => featureRefs('points.geojson', p.properties.id, p.properties));
  data.streets.forEach((st) => geoRefs('streets.geojson', st.properties.id, 'properties.junctions', st.properties.junctions.map((j) => ({ kind: 'junction' as const, id: j }))));

  // Edges (issue #16) run round each exterior ring end to end, and the zone's accuracy is its worst edge's.
  for (const z of data.zones) {
    const edges = z.properties.provenance.edges;
    if (!edges || !z.geometry || drop.has(z)) continue;
    const id = z.properties.id;
    const polys = polygons(z.geometry);
    polys.forEach((poly, pi) => {
      const mine = edges.map((e, i) => ({ e, i })).filter((x) => x.e.polygon === pi).sort((a, b) => a.e.from - b.e.from);
      const last = poly[0]!.length - 1;
      let at = 0;
      for (const { e, i } of mine) {
        const field = `properties.provenance.edges[${i}]`;
        if (e.from !== at || e.to <= e.from || e.to > last)
          issues.push({ file: 'zones.geojson', id, field, code: 'edge-path', severity: 'warning', ...say('issue.edgePath', { side: e.side, from: e.from, to: e.to, at, last }) });
        at = e.to;
      }
      if (at !== last) issues.push({ file: 'zones.geojson', id, field: 'properties.provenance.edges', code: 'edge-path', severity: 'warning', ...say('issue.edgeGap', { polygon: pi, at, last }) });
    });
    edges.forEach((e, i) => {
      if (e.polygon >= polys.length) issues.push({ file: 'zones.geojson', id, field: `properties.provenance.edges[${i}].polygon`, code: 'edge-path', severity: 'warning', ...say('issue.edgePolygon', { polygon: e.polygon }) });
    });
    const worst = Math.max(...edges.map((e) => e.accuracy_m));
    if (z.properties.provenance.accuracy_m < worst)
      issues.push({ file: 'zones.geojson', id, field: 'properties.provenance.accuracy_m', code: 'edge-accuracy', severity: 'warning', ...say('issue.edgeAccuracy', { accuracy: z.properties.provenance.accuracy_m, worst }) });
  }

  // Zones inside the district, within their own accuracy, unless deliberately outside.
  const district = data.districts.find((d) => d.properties.id === DISTRICT_ID && !drop.has(d));
  if (district) {
    for (const z of data.zones) {
      if (drop.has(z) || z.properties.outside_district || !z.geometry) continue;
      const out = outsideDistrict(z.geometry, district.geometry, z.properties.provenance.accuracy_m);
      if (out.length > 0)
        issues.push({
          file: 'zones.geojson', id: z.properties.id, field: 'geometry', code: 'outside-district', severity: 'warning',
          ...say('issue.outsideDistrict', { n: out.length, m: z.properties.provenance.accuracy_m, position: out[0]!.join(', ') }),
        });
    }
  }

  const keep = <T extends object>(xs: T[]) => xs.filter((x) => !drop.has(x));
  return {
    data: {
      districts: keep(data.districts),
      context: keep(data.context),
      streets: keep(data.streets),
      junctions: keep(data.junctions),
      zones: keep(data.zones),
      points: keep(data.points),
      claims: keep(data.claims),
      sources: data.sources,
    },
    issues,
  };
}
