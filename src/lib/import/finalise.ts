/**
 * WGS84 features as placeLayer made them (arrays the import owns, rounded here in place) → what parseUserZones reads: RFC 7946 winding (exterior rings counter-clockwise,
 * holes clockwise, §3.1.6; turf's rewind), positions rounded to 7 decimals (≈ 1 cm, RFC 7946
 * §11.2 advises 6 for ≈ 10 cm; 7 keeps rounding two orders below a survey's accuracy), a
 * GeometryCollection of only polygons joined into one MultiPolygon. Other geometries are kept and
 * flagged: only Polygon and MultiPolygon are measured downstream.
 */
import { say } from '../i18n/located';
import { rewind } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { featureLabel } from './place';
import { mapGeometry, type Pos } from './geometry';
import type { ImportIssue } from './types';

/** Beyond this many per file, warnings about unmeasured features are summed up in one. */
const MAX_NOT_AREA_WARNINGS = 20;

const round7 = (v: number) => Math.round(v * 1e7) / 1e7 + 0; // + 0 turns -0 into 0
const roundPos = (p: Pos): Pos => [round7(p[0]), round7(p[1])];

/** Rounds every position of nested coordinate arrays to 7 decimals, in place. */
function roundInPlace(c: unknown): void {
  const a = c as unknown[];
  if (typeof a[0] === 'number') {
    a[0] = round7(a[0] as number);
    a[1] = round7(a[1] as number);
  } else for (const x of a) roundInPlace(x);
}

/** A GeometryCollection of polygons only, as one MultiPolygon; null otherwise. */
function polygonsOnly(g: Geometry): Geometry | null {
  if (g.type !== 'GeometryCollection' || g.geometries.length === 0) return null;
  const polys: Position[][][] = [];
  for (const m of g.geometries) {
    if (m.type === 'Polygon') polys.push(m.coordinates);
    else if (m.type === 'MultiPolygon') polys.push(...m.coordinates);
    else if (m.type === 'GeometryCollection') {
      const inner = polygonsOnly(m);
      if (!inner || inner.type !== 'MultiPolygon') return null;
      polys.push(...inner.coordinates);
    } else return null;
  }
  return { type: 'MultiPolygon', coordinates: polys };
}

export function finalise(features: Feature<Geometry | null>[], file: string, issues: ImportIssue[]): Feature<Geometry | null>[] {
  let notArea = 0;
  const out = features.map((f, i) => {
    let g = f.geometry;
    if (g?.type === 'GeometryCollection') g = polygonsOnly(g) ?? g;
    if (g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      if (++notArea <= MAX_NOT_AREA_WARNINGS)
        issues.push({
          file, id: featureLabel(f, i), field: 'geometry', code: 'not-area', severity: 'warning',
          ...(g === null ? say('issue.noGeometry') : say('issue.notArea', { type: g.type })),
        });
      return { ...f, geometry: g && mapGeometry(g, roundPos) };
    }
    // Arrays this import owns (placeLayer's, or the parsed file's): rounded where they are, not copied again.
    roundInPlace(g.coordinates);
    return { ...f, geometry: rewind(g, { mutate: true }) as Polygon | MultiPolygon };
  });
  if (notArea > MAX_NOT_AREA_WARNINGS)
    issues.push({ file, code: 'not-area', severity: 'warning', ...say('issue.moreNotArea', { n: notArea - MAX_NOT_AREA_WARNINGS }) });
  return out;
}
