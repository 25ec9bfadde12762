/**
 * A layer as read → features in WGS84 lon/lat: checks each geometry, decides the CRS (declared, or
 * WGS84 when undeclared and the numbers are lon/lat; projected numbers with no CRS are refused,
 * never guessed), inverse-projects planes, and undoes GCJ-02/BD-09 when the user says the file came
 * from a Chinese web map. Returns new feature objects; a WGS84 layer's coordinate arrays are shared
 * with it (the import owns them: they were just parsed), any other layer's are new.
 */
import { msg, say } from '../i18n/located';
import type { Feature, Geometry } from 'geojson';
import { WGS84, cgcs2000GaussKruger, inverseProjection, projectedHint, type SourceCrs } from './crs';
import type { ImportReference } from './reference';
import { bboxMiddle, distanceOutside_m, FAR_KM, farAway, findCause, type FarAway, type FarCause } from './sanity';
import { DATUM_LABEL, datumToWgs84, inChinaBox } from './datum';
import { eachPosition, geometryProblem, mapGeometry, twoD, type Pos } from './geometry';
import type { RawLayer } from './layer';
import type { ImportIssue, SourceDatum } from './types';

/** The id issues use for a feature: its `id`, else an id or name property, else `#i` (0-based). */
export function featureLabel(f: unknown, i: number): string {
  const feat = (f ?? {}) as { id?: unknown; properties?: Record<string, unknown> | null };
  const props = feat.properties && typeof feat.properties === 'object' ? feat.properties : {};
  for (const v of [feat.id, props.id, props.ID, props.name, props.NAME, props.Name]) if (typeof v === 'string' || typeof v === 'number') return String(v);
  return `#${i}`;
}

const isLonLat = (p: Pos) => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
const fmt = (p: Pos) => `x = ${+p[0].toFixed(3)}, y = ${+p[1].toFixed(3)}`;

/** Well-formed features as new objects; the others are reported and left out. */
function checkedFeatures(layer: RawLayer, issues: ImportIssue[]): Feature<Geometry | null>[] {
  const out: Feature<Geometry | null>[] = [];
  layer.features.forEach((f, i) => {
    const id = featureLabel(f, i);
    const feat = f as { type?: unknown; id?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (!feat || typeof feat !== 'object' || feat.type !== 'Feature') {
      issues.push({ file: layer.file, id, code: 'feature-invalid', severity: 'error', ...say('issue.notFeature') });
      return;
    }
    const problem = geometryProblem(feat.geometry ?? null);
    if (problem) {
      issues.push({ file: layer.file, id, field: problem.field, code: 'geometry-invalid', severity: 'error', message: problem.message, text: problem.text });
      return;
    }
    const props = feat.properties && typeof feat.properties === 'object' && !Array.isArray(feat.properties) ? { ...(feat.properties as Record<string, unknown>) } : {};
    out.push({
      type: 'Feature',
      ...(typeof feat.id === 'string' || typeof feat.id === 'number' ? { id: feat.id } : {}),
      properties: props,
      geometry: (feat.geometry ?? null) as Geometry | null,
    });
  });
  return out;
}

export interface Placed {
  features: Feature<Geometry | null>[];
  /** What was applied, for the report; null when the layer could not be placed. */
  crs: string | null;
  /** The layer was longitude/latitude (not a projected plane). */
  geographic: boolean;
  /** Features far outside the district, with the likely cause (only with a reference). */
  far: FarAway | null;
}

const NONE: Placed = { features: [], crs: null, geographic: true, far: null };

/**
 * Readings of the raw coordinates that a wrong .prj or a mixed-up export would explain, for the
 * far-away message: the other CGCS2000 Gauss–Krüger zones over north China (3° zones 37–41,
 * 6° zones 19–21, with and without the zone number in the false easting), and x/y swapped.
 */
function farAlternatives(crs: SourceCrs): { cause: FarCause; toWgs84: (p: Pos) => Pos }[] {
  const out: { cause: FarCause; toWgs84: (p: Pos) => Pos }[] = [];
  const declared = crs.label;
  const inv = inverseProjection(crs);
  if (inv) out.push({ cause: { kind: 'swapped-axes', declared }, toWgs84: (p) => inv([p[1], p[0]]) });
  else out.push({ cause: { kind: 'swapped-axes', declared }, toWgs84: (p) => [p[1], p[0]] });
  if (crs.plane === null) return out;
  const cm = Number(/\+lon_0=([-\d.]+)/.exec(crs.plane)?.[1]);
  const x0 = Number(/\+x_0=([-\d.]+)/.exec(crs.plane)?.[1]);
  const prefixed = x0 > 1e6;
  const candidates: SourceCrs[] = [];
  for (const z of [37, 38, 39, 40, 41]) for (const pre of [prefixed, !prefixed]) candidates.push(cgcs2000GaussKruger(3, 3 * z, pre)!);
  for (const z of [19, 20, 21]) for (const pre of [prefixed, !prefixed]) candidates.push(cgcs2000GaussKruger(6, 6 * z - 3, pre)!);
  for (const c of candidates) {
    if (c.plane === crs.plane) continue;
    const f = inverseProjection(c)!;
    const sameCm = Number(/\+lon_0=([-\d.]+)/.exec(c.plane!)?.[1]) === cm;
    out.push({ cause: sameCm ? { kind: 'false-easting', declared, fits: c.label } : { kind: 'prj-zone', declared, fits: c.label }, toWgs84: f });
  }
  return out;
}

export function placeLayer(layer: RawLayer, datum: SourceDatum, issues: ImportIssue[], reference?: ImportReference): Placed {
  const file = layer.file;
  const features = checkedFeatures(layer, issues);
  if (features.length === 0) return NONE;

  // The first position that is not lon/lat, and whether all would be with the axes swapped.
  const scan: { off: Pos | null; swapped: boolean } = { off: null, swapped: true };
  for (const f of features)
    eachPosition(f.geometry, (p) => {
      if (!isLonLat(p)) scan.off ??= p;
      if (!(Math.abs(p[1]) <= 180 && Math.abs(p[0]) <= 90)) scan.swapped = false;
    });
  const offLonLat = scan.off;
  const lonLat = offLonLat === null;

  let crs: SourceCrs;
  if (layer.declared === null) {
    if (offLonLat !== null) {
      const p = offLonLat;
      const why = scan.swapped ? msg('issue.whySwapped') : msg('issue.whyProjected', { hint: projectedHint(p[0], p[1]) });
      issues.push({ file, code: 'crs-missing', severity: 'error', field: 'geometry.coordinates', ...say('issue.crsMissing', { position: fmt(p), why }) });
      return NONE;
    }
    crs = WGS84;
    if (layer.undeclared === 'assumed')
      issues.push({ file, code: 'crs-assumed', severity: 'warning', ...say('issue.crsAssumed') });
  } else {
    crs = layer.declared;
    if (crs.plane === null && offLonLat !== null) {
      issues.push({ file, code: 'crs-mismatch', severity: 'error', field: 'geometry.coordinates', ...say('issue.crsMismatchLonLat', { crs: crs.label, position: fmt(offLonLat) }) });
      return NONE;
    }
    if (crs.plane !== null && lonLat) {
      issues.push({ file, code: 'crs-mismatch', severity: 'error', field: 'geometry.coordinates', ...say('issue.crsMismatchProjected', { crs: crs.label }) });
      return NONE;
    }
  }

  const inverse = inverseProjection(crs);
  const fromDatum = crs.plane === null ? datumToWgs84(datum) : null;
  if (crs.plane !== null && datum !== 'wgs84')
    issues.push({ file, code: 'datum-ignored', severity: 'warning', ...say('issue.datumIgnored', { crs: crs.label, datum: DATUM_LABEL[datum] }) });

  const seen: { outside: number; bad: Pos | null } = { outside: 0, bad: null };
  const toWgs84 = (p: Pos): Pos => {
    let q = inverse ? inverse(p) : p;
    if (fromDatum) {
      // Outside China neither offset exists (gcoord skips GCJ-02 there, but not Baidu's own step).
      if (inChinaBox(q)) q = fromDatum(q);
      else seen.outside++;
    }
    if (!(Number.isFinite(q[0]) && Number.isFinite(q[1]) && isLonLat(q))) seen.bad ??= p;
    return q;
  };
  // WGS84 as it is: nothing to compute (positions were checked above: finite, lon/lat), so nothing copied.
  const identity = !inverse && !fromDatum;
  const placed = features.map((f) => ({ ...f, geometry: f.geometry && (identity ? twoD(f.geometry) : mapGeometry(f.geometry, toWgs84)) }));
  const outside = seen.outside;
  if (seen.bad !== null) {
    const b = seen.bad;
    issues.push({ file, code: 'crs-result-invalid', severity: 'error', field: 'geometry.coordinates', ...say('issue.crsResultInvalid', { crs: crs.label, position: fmt(b), hint: projectedHint(b[0], b[1]) }) });
    return NONE;
  }
  if (outside > 0)
    issues.push({ file, code: 'datum-outside-china', severity: 'warning', ...say('issue.datumOutsideChina', { n: outside, datum: DATUM_LABEL[datum] }) });
  if (crs.datum === 'cgcs2000')
    issues.push({ file, code: 'cgcs2000-as-wgs84', severity: 'warning', ...say('issue.cgcs2000AsWgs84') });
  if (crs.note) issues.push({ file, code: 'crs-custom', severity: 'warning', ...say(crs.note.key, crs.note.vars) });

  const label = fromDatum ? (crs === WGS84 ? `${DATUM_LABEL[datum]} → WGS84` : `${crs.label}, ${DATUM_LABEL[datum]} → WGS84`) : crs.label;
  let far: FarAway | null = null;
  if (reference) {
    const found = farAway(placed, reference, featureLabel);
    if (found) {
      // The raw positions of the far features, read the usual wrong ways.
      const rawFar: Pos[] = [];
      placed.forEach((f, i) => {
        const m = bboxMiddle(f.geometry);
        if (m && distanceOutside_m(m, reference) > FAR_KM * 1000) eachPosition(features[i]!.geometry, (p) => void (rawFar.length < 2000 && rawFar.push(p)));
      });
      far = { ...found, cause: findCause(rawFar, reference, farAlternatives(crs)) };
    }
  }
  return { features: placed, crs: label, geographic: crs.plane === null, far };
}
