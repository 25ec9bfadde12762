/**
 * Checks on a file's features after they were brought to WGS84 and before they are added:
 *
 * - **Datum suspicion** (`datumSuspicion`): a file declared (or taken as) WGS84 that was in fact
 *   digitised on a Chinese web map is offset by the GCJ-02 obfuscation (≈ 500 m in west Beijing)
 *   or by BD-09 (≈ 1 km). Nothing in the numbers says so, but the outlines planners draw follow the
 *   features everybody traces: district boundaries, metro tracks, stations. So each sampled vertex
 *   is read three ways (as WGS84, as GCJ-02 → WGS84, as BD-09 → WGS84) and its distance to the
 *   nearest reference edge or station measured; the reading with the clearly smallest MEDIAN
 *   distance wins. A median, not a mean: most vertices of a zone do not lie on any reference line,
 *   and a file that fits no reading is never flagged. Conditions, all required (tuned on the
 *   district outline and the stations shifted with gcoord, and on unrelated parcels and the Atlas's
 *   zones, which must not trigger, see tests/unit/import/sanity.test.ts):
 *   at least MIN_NEAR sampled vertices within SEARCH_M of a reference feature in some reading;
 *   the alternative's median ≤ FIT_M (it really lies on the references); the WGS84 median at least
 *   RATIO times and MARGIN_M more than the alternative's. Never converts: it only suggests.
 * - **Far away** (`farAway`): features more than FAR_KM outside the district, with the likely
 *   cause found by trying the usual mistakes on the file's own coordinates (the neighbouring 3° or
 *   6° Gauss–Krüger zone, x and y swapped, the zone number missing from or added to the false
 *   easting) and keeping the one that lands inside the district.
 *
 * Distances use a local equirectangular plane at 39.9° N (error < 0.3 % within 30 km: plenty to
 * rank readings hundreds of metres apart). Pure, no DOM; runs in the import worker.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { datumToWgs84, inChinaBox } from './datum';
import { eachPosition, mapGeometry, positionsBbox, type Pos } from './geometry';
import type { ImportReference } from './reference';
import type { SourceDatum } from './types';

/** Distance within which a vertex counts as near a reference feature, m (BD-09 ≈ 1.2 km off here). */
export const SEARCH_M = 1500;
/** Fewest sampled vertices near a reference feature before anything is said. */
export const MIN_NEAR = 12;
/** The suggested reading's median distance must be at most this, m. */
export const FIT_M = 60;
/** … and the WGS84 reading's median at least RATIO times larger … */
export const RATIO = 3;
/** … and at least MARGIN_M larger, m. */
export const MARGIN_M = 80;
/** Vertices sampled per file (evenly along the file), enough for a stable median. */
export const SAMPLE = 4000;
/** Distance outside the district beyond which a feature is flagged, km. */
export const FAR_KM = 20;

const LAT0 = 39.9;
const KX = 111_320 * Math.cos((LAT0 * Math.PI) / 180);
const KY = 110_574;
const xy = (p: Position | Pos): Pos => [(p[0]! - 116.2) * KX, (p[1]! - LAT0) * KY];

/** Point-to-segment distance in the plane, m. */
function segDist(p: Pos, a: Pos, b: Pos): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** A uniform grid of segments and points, cell = SEARCH_M: a query looks at 3 × 3 cells. */
class Index {
  private cells = new Map<string, { segs: [Pos, Pos][]; pts: Pos[] }>();
  private cell(x: number, y: number) {
    const k = `${Math.floor(x / SEARCH_M)},${Math.floor(y / SEARCH_M)}`;
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = { segs: [], pts: [] }));
    return c;
  }
  addPoint(p: Pos) {
    this.cell(p[0], p[1]).pts.push(p);
  }
  addSegment(a: Pos, b: Pos) {
    // Long segments are cut so each piece is registered in every cell it crosses.
    const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / (SEARCH_M / 2)));
    for (let i = 0; i < n; i++) {
      const s: Pos = [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n];
      const e: Pos = [a[0] + ((b[0] - a[0]) * (i + 1)) / n, a[1] + ((b[1] - a[1]) * (i + 1)) / n];
      this.cell((s[0] + e[0]) / 2, (s[1] + e[1]) / 2).segs.push([s, e]);
    }
  }
  /** Distance to the nearest segment or point, capped at SEARCH_M. */
  nearest(p: Pos, withSegments: boolean): number {
    let best = SEARCH_M;
    const cx = Math.floor(p[0] / SEARCH_M);
    const cy = Math.floor(p[1] / SEARCH_M);
    for (let i = -1; i <= 1; i++)
      for (let j = -1; j <= 1; j++) {
        const c = this.cells.get(`${cx + i},${cy + j}`);
        if (!c) continue;
        for (const q of c.pts) best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
        if (withSegments) for (const [a, b] of c.segs) best = Math.min(best, segDist(p, a, b));
      }
    return best;
  }
}

const indexCache = new WeakMap<ImportReference, Index>();
function indexOf(ref: ImportReference): Index {
  let idx = indexCache.get(ref);
  if (idx) return idx;
  idx = new Index();
  for (const line of ref.lines) for (let i = 0; i + 1 < line.length; i++) idx.addSegment(xy(line[i]!), xy(line[i + 1]!));
  for (const s of ref.stations) idx.addPoint(xy(s));
  indexCache.set(ref, idx);
  return idx;
}

/**
 * Up to `max` positions of the features, evenly spread (every position when there are fewer), with
 * whether each is a point feature's; repeated consecutive positions (ring closures) count once.
 * Two passes, count then pick, so 250,000 positions are not collected to keep 4,000.
 */
function samplePositions(features: readonly Feature<Geometry | null>[], max = SAMPLE): { p: Pos; point: boolean }[] {
  const visit = (f: (p: Pos, point: boolean) => void) => {
    for (const feat of features) {
      const g = feat.geometry;
      const point = g?.type === 'Point' || g?.type === 'MultiPoint';
      let prev: Pos | null = null;
      eachPosition(g, (p) => {
        if (prev && prev[0] === p[0] && prev[1] === p[1]) return;
        prev = p;
        f(p, point);
      });
    }
  };
  let n = 0;
  visit(() => void n++);
  const out: { p: Pos; point: boolean }[] = [];
  const step = n / max;
  let i = 0;
  visit((p, point) => {
    // The k-th sample is position floor(k · step), as when every position was listed first.
    if (n <= max || (out.length < max && Math.floor(out.length * step) === i)) out.push({ p: [p[0], p[1]], point });
    i++;
  });
  return out;
}

const median = (v: number[]) => {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface DatumScore {
  /** Sampled vertices near a reference feature in at least one reading. */
  near: number;
  sampled: number;
  /** Median distance of those vertices to the nearest reference feature per reading, m (capped at SEARCH_M). */
  median_m: Record<SourceDatum, number>;
}

export interface DatumSuspicion extends DatumScore {
  /** The reading that fits the references clearly better than WGS84. */
  suggested: Exclude<SourceDatum, 'wgs84'>;
}

const READINGS: readonly SourceDatum[] = ['wgs84', 'gcj02', 'bd09'];

/** The three readings' scores (see the header); null with too few vertices near a reference. */
export function datumScore(features: readonly Feature<Geometry | null>[], ref: ImportReference): DatumScore | null {
  const idx = indexOf(ref);
  const sample = samplePositions(features).filter((s) => inChinaBox(s.p));
  const convert = READINGS.map((d) => datumToWgs84(d));
  const dists = sample.map((s) => READINGS.map((_, r) => idx.nearest(xy(convert[r] ? convert[r](s.p) : s.p), !s.point)));
  const near = dists.filter((d) => Math.min(...d) < SEARCH_M);
  if (near.length < MIN_NEAR) return null;
  const med = READINGS.map((_, r) => median(near.map((d) => d[r]!)));
  return { near: near.length, sampled: sample.length, median_m: { wgs84: med[0]!, gcj02: med[1]!, bd09: med[2]! } };
}

/** A suggestion to read the file as GCJ-02 or BD-09, or null (see the header for the rule). */
export function datumSuspicion(features: readonly Feature<Geometry | null>[], ref: ImportReference): DatumSuspicion | null {
  const s = datumScore(features, ref);
  if (!s) return null;
  const best = (['gcj02', 'bd09'] as const).reduce((a, b) => (s.median_m[b] < s.median_m[a] ? b : a));
  const alt = s.median_m[best];
  const wgs = s.median_m.wgs84;
  if (alt <= FIT_M && wgs >= RATIO * alt && wgs - alt >= MARGIN_M) return { ...s, suggested: best };
  return null;
}

/** The features read in another datum (for the preview; the import itself re-reads the file). */
export function convertDatum(features: readonly Feature<Geometry | null>[], datum: SourceDatum): Feature<Geometry | null>[] {
  const f = datumToWgs84(datum);
  if (!f) return [...features];
  return features.map((x) => ({ ...x, geometry: x.geometry && mapGeometry(x.geometry, (p) => (inChinaBox(p) ? f(p) : p)) }));
}

// ---- far away -------------------------------------------------------------------------------

/** Is a plane point inside the district (even-odd over all rings)? */
function insideDistrict(p: Pos, rings: Pos[][]): boolean {
  let inside = false;
  for (const r of rings)
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const a = r[i]!;
      const b = r[j]!;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  return inside;
}

const planeRings = new WeakMap<ImportReference, Pos[][]>();
function districtRings(ref: ImportReference): Pos[][] {
  let r = planeRings.get(ref);
  if (!r) planeRings.set(ref, (r = ref.district.flatMap((poly) => poly.map((ring) => ring.map(xy)))));
  return r;
}

/** Distance of a lon/lat position outside the district, m (0 inside). */
export function distanceOutside_m(p: Position | Pos, ref: ImportReference): number {
  const rings = districtRings(ref);
  if (rings.length === 0 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return Infinity;
  const q = xy(p);
  if (insideDistrict(q, rings)) return 0;
  let best = Infinity;
  for (const r of rings) for (let i = 0; i + 1 < r.length; i++) best = Math.min(best, segDist(q, r[i]!, r[i + 1]!));
  return best;
}

/** A representative position of a geometry: the middle of its bounding box. */
export function bboxMiddle(g: Geometry | null): Pos | null {
  const b = positionsBbox([g]);
  return b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : null;
}

export interface FarAway {
  /** Features more than FAR_KM outside the district. */
  count: number;
  total: number;
  /** Their median distance outside the district, km. */
  median_km: number;
  /** Labels of the first few, for the message. */
  examples: string[];
  /** The likely cause, when one reading of the raw coordinates lands in the district. */
  cause: FarCause | null;
}

export type FarCause =
  | { kind: 'prj-zone'; declared: string; fits: string }
  | { kind: 'swapped-axes'; declared: string }
  | { kind: 'false-easting'; declared: string; fits: string };

/** Features more than FAR_KM outside the district; null when there are none. */
export function farAway(features: readonly Feature<Geometry | null>[], ref: ImportReference, label: (f: Feature<Geometry | null>, i: number) => string): Omit<FarAway, 'cause'> | null {
  const far: { i: number; d: number }[] = [];
  let total = 0;
  features.forEach((f, i) => {
    const m = bboxMiddle(f.geometry);
    if (!m) return;
    total++;
    const d = distanceOutside_m(m, ref);
    if (d > FAR_KM * 1000) far.push({ i, d });
  });
  if (far.length === 0) return null;
  return {
    count: far.length,
    total,
    median_km: median(far.map((x) => x.d)) / 1000,
    examples: far.slice(0, 3).map((x) => label(features[x.i]!, x.i)),
  };
}

/**
 * Tries alternative readings of raw positions (plane or lon/lat as in the file) and returns the
 * first whose result lies inside (or within a few km of) the district for most positions.
 */
export function findCause(
  raw: readonly Pos[],
  ref: ImportReference,
  alternatives: readonly { cause: FarCause; toWgs84: (p: Pos) => Pos }[],
): FarCause | null {
  if (raw.length === 0) return null;
  const sample = raw.length <= 200 ? raw : Array.from({ length: 200 }, (_, i) => raw[Math.floor((i * raw.length) / 200)]!);
  for (const alt of alternatives) {
    let close = 0;
    for (const p of sample) {
      let q: Pos;
      try {
        q = alt.toWgs84(p);
      } catch {
        continue;
      }
      if (Number.isFinite(q[0]) && Number.isFinite(q[1]) && distanceOutside_m(q, ref) < 5000) close++;
    }
    if (close >= sample.length * 0.8) return alt.cause;
  }
  return null;
}
