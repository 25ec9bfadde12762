/**
 * Loads the Atlas data from raw file contents (strings or parsed JSON) into validated, typed data
 * plus a list of located issues. Never throws: a broken file or feature is left out and reported.
 * The same function serves the browser (files bundled with `?raw`) and the CLIs (read with fs).
 */
import { say, type Located } from '../i18n/located';
import { z } from 'zod';
import {
  ClaimsFile,
  ContextFeature,
  DistrictFeature,
  JunctionFeature,
  PointFeature,
  StreetFeature,
  ZoneFeature,
  type Claim,
  type ContextFeature as ContextFeatureT,
  type DistrictFeature as DistrictFeatureT,
  type JunctionFeature as JunctionFeatureT,
  type StreetFeature as StreetFeatureT,
  type PointFeature as PointFeatureT,
  type ZoneFeature as ZoneFeatureT,
} from './schema';
import { honestyIssues } from './checks';

/** One problem found in the data, located to the file, feature and field. */
export interface DataIssue {
  /** File name relative to `geodata/`, e.g. `zones.geojson`. */
  file: string;
  /** Feature or claim id (`#3` = the 4th feature when it has no readable id). */
  id?: string;
  /** Dotted path of the field, e.g. `properties.name.en` or `geometry.coordinates[0]`. */
  field?: string;
  /** Machine-readable kind of problem, e.g. `schema`, `json`, `ring-open`, `kink`. */
  code: string;
  /** In English (CLIs, logs); the UI shows `text` in its own language when there is one. */
  message: string;
  /** The message as a key and values (i18n/located.ts), for the UI's language. */
  text?: Located;
  /** `error`: the feature was left out; `warning`: kept, but flagged. */
  severity: 'error' | 'warning';
}

export interface AtlasData {
  districts: DistrictFeatureT[];
  context: ContextFeatureT[];
  /** Street skeleton of the embedded basemap (OSM c. 2013, newer streets through named junctions). */
  streets: StreetFeatureT[];
  /** Named junctions that streets, outlines and evidence refer to. */
  junctions: JunctionFeatureT[];
  zones: ZoneFeatureT[];
  points: PointFeatureT[];
  claims: Claim[];
  sources: z.infer<typeof ClaimsFile>['sources'];
}

export interface LoadResult {
  data: AtlasData;
  issues: DataIssue[];
}

/** The files of `geodata/`, by name. Missing files are reported as issues. */
export const GEODATA_FILES = {
  districts: 'districts.geojson',
  context: 'context.geojson',
  streets: 'streets.geojson',
  junctions: 'junctions.geojson',
  zones: 'zones.geojson',
  points: 'points.geojson',
  claims: 'claims.json',
} as const;

export type RawFiles = Partial<Record<keyof typeof GEODATA_FILES, string | unknown>>;

function parseJson(file: string, raw: unknown, issues: DataIssue[]): unknown {
  if (raw === undefined) {
    issues.push({ file, code: 'missing', ...say('issue.fileMissing'), severity: 'error' });
    return undefined;
  }
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch (e) {
    issues.push({ file, code: 'json', ...say('issue.json', { detail: (e as Error).message }), severity: 'error' });
    return undefined;
  }
}

/** Formats a zod path as `a.b[0].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function featureId(f: unknown, index: number): string {
  const id = (f as { properties?: { id?: unknown } } | null)?.properties?.id;
  return typeof id === 'string' && id.length > 0 ? id : `#${index}`;
}

function zodIssues(file: string, id: string | undefined, error: z.ZodError, prefix: PropertyKey[] = []): DataIssue[] {
  return error.issues.map((i) => ({
    file,
    id,
    field: formatPath([...prefix, ...i.path]) || undefined,
    code: 'schema',
    message: i.message,
    severity: 'error' as const,
  }));
}

function loadCollection<T>(file: string, raw: unknown, schema: z.ZodType<T>, issues: DataIssue[]): T[] {
  const json = parseJson(file, raw, issues);
  if (json === undefined) return [];
  const fc = json as { type?: unknown; features?: unknown };
  if (typeof json !== 'object' || json === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    issues.push({ file, code: 'schema', field: 'type', ...say('issue.notFeatureCollection'), severity: 'error' });
    return [];
  }
  const out: T[] = [];
  fc.features.forEach((f, i) => {
    const r = schema.safeParse(f);
    if (r.success) out.push(r.data);
    else issues.push(...zodIssues(file, featureId(f, i), r.error));
  });
  return out;
}

/**
 * Validates every file, then applies the honesty rules across files (see `checks.ts`). Features
 * with errors are left out of `data`; warnings keep the feature.
 */
export function loadAtlasData(files: RawFiles): LoadResult {
  const issues: DataIssue[] = [];
  const districts = loadCollection(GEODATA_FILES.districts, files.districts, DistrictFeature, issues);
  const context = loadCollection(GEODATA_FILES.context, files.context, ContextFeature, issues);
  const streets = loadCollection(GEODATA_FILES.streets, files.streets, StreetFeature, issues);
  const junctions = loadCollection(GEODATA_FILES.junctions, files.junctions, JunctionFeature, issues);
  const zones = loadCollection(GEODATA_FILES.zones, files.zones, ZoneFeature, issues);
  const points = loadCollection(GEODATA_FILES.points, files.points, PointFeature, issues);

  let claims: Claim[] = [];
  let sources: AtlasData['sources'] = [];
  const claimsJson = parseJson(GEODATA_FILES.claims, files.claims, issues);
  if (claimsJson !== undefined) {
    const envelope = z.object({ sources: z.array(z.unknown()), claims: z.array(z.unknown()) }).safeParse(claimsJson);
    if (!envelope.success) {
      issues.push(...zodIssues(GEODATA_FILES.claims, undefined, envelope.error));
    } else {
      const srcSchema = ClaimsFile.shape.sources.element;
      const claimSchema = ClaimsFile.shape.claims.element;
      envelope.data.sources.forEach((s, i) => {
        const r = srcSchema.safeParse(s);
        if (r.success) sources.push(r.data);
        else issues.push(...zodIssues(GEODATA_FILES.claims, `source #${i}`, r.error, ['sources', i]));
      });
      envelope.data.claims.forEach((c, i) => {
        const r = claimSchema.safeParse(c);
        const id = typeof (c as { id?: unknown })?.id === 'string' ? (c as { id: string }).id : `#${i}`;
        if (r.success) claims.push(r.data);
        else issues.push(...zodIssues(GEODATA_FILES.claims, id, r.error));
      });
    }
  }
  const checked = honestyIssues({ districts, context, streets, junctions, zones, points, claims, sources });
  issues.push(...checked.issues);
  return { data: checked.data, issues };
}
