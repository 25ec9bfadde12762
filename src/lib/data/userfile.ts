/**
 * A user's GeoJSON (a planner's proposal) read as zone versions so it can be audited the same way
 * as the Atlas's own zones. Properties are optional: a feature that already has full zone
 * properties keeps them; otherwise sensible, stated defaults are filled in and reported.
 * Never throws; invalid features are left out with located issues.
 */
import { z } from 'zod';
import { AreaGeometry, Id, Method, ZoneKind, ZoneProps, type ZoneFeature } from './schema';
import { areaGeometryIssues, positionIssues } from './checks';
import { formatPath, type DataIssue } from './load';

/** Positional accuracy assumed when a file does not say (metres). */
export const DEFAULT_USER_ACCURACY_M = 10;

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

const Loose = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  name: z.string().optional(),
  name_zh: z.string().optional(),
  name_en: z.string().optional(),
  zone: Id.optional(),
  version: Id.optional(),
  kind: ZoneKind.optional(),
  method: Method.optional(),
  accuracy_m: z.number().positive().max(10_000).optional(),
});

export interface UserZones {
  zones: ZoneFeature[];
  issues: DataIssue[];
}

export function parseUserZones(text: string, file: string): UserZones {
  const issues: DataIssue[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { zones: [], issues: [{ file, code: 'json', severity: 'error', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const features: unknown[] =
    (json as { type?: string })?.type === 'FeatureCollection' && Array.isArray((json as { features?: unknown }).features)
      ? (json as { features: unknown[] }).features
      : (json as { type?: string })?.type === 'Feature'
        ? [json]
        : [];
  if (features.length === 0) {
    issues.push({ file, code: 'schema', field: 'type', severity: 'error', message: 'expected a GeoJSON FeatureCollection or Feature with polygons' });
    return { zones: [], issues };
  }
  const zones: ZoneFeature[] = [];
  const used = new Set<string>();
  features.forEach((f, i) => {
    const feat = f as { properties?: unknown; geometry?: unknown } | null;
    const rawProps = (feat?.properties ?? {}) as Record<string, unknown>;
    const loose = Loose.safeParse(rawProps);
    const lp = loose.success ? loose.data : {};
    let id = `file-${slug(String(lp.id ?? lp.name ?? lp.name_en ?? '')) || i + 1}`;
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    const g = AreaGeometry.safeParse(feat?.geometry);
    if (!g.success) {
      issues.push(
        ...g.error.issues.slice(0, 3).map((x) => ({
          file, id, field: formatPath(['geometry', ...x.path]) || 'geometry', code: 'schema', severity: 'error' as const,
          message: `${x.message} (only Polygon and MultiPolygon can be measured)`,
        })),
      );
      return;
    }
    const geomIssues = [...positionIssues(file, id, g.data)];
    if (geomIssues.length === 0) geomIssues.push(...areaGeometryIssues(file, id, g.data));
    issues.push(...geomIssues);
    if (geomIssues.some((x) => x.severity === 'error')) return;

    const full = ZoneProps.safeParse(rawProps);
    if (full.success) {
      zones.push({ type: 'Feature', properties: full.data, geometry: g.data });
      return;
    }
    if (lp.accuracy_m === undefined)
      issues.push({ file, id, field: 'properties.accuracy_m', code: 'assumed-accuracy', severity: 'warning', message: `no positional accuracy given: assumed ±${DEFAULT_USER_ACCURACY_M} m` });
    const name = lp.name ?? lp.name_en ?? lp.name_zh ?? id;
    zones.push({
      type: 'Feature',
      geometry: g.data,
      properties: {
        id,
        zone: lp.zone ?? id,
        version: { id: lp.version ?? 'proposal', label: { zh: '方案', en: 'proposal' } },
        current: true,
        name: { zh: lp.name_zh ?? name, en: lp.name_en ?? name },
        kind: lp.kind ?? 'park',
        sectors: [],
        status: 'planned',
        valid: { plan: [] },
        provenance: { source: file, method: lp.method ?? 'digitised', accuracy_m: lp.accuracy_m ?? DEFAULT_USER_ACCURACY_M, date: new Date().toISOString().slice(0, 10) },
        claims: [],
        extent: 'outline',
      },
    });
  });
  return { zones, issues };
}

export { withProposals } from './proposals';
