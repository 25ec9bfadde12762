/**
 * Planning files → WGS84 GeoJSON for parseUserZones: GeoJSON (with or without a legacy `crs`
 * member), KML/KMZ, and zipped shapefiles with a .prj in CGCS2000 (geographic or Gauss–Krüger),
 * WGS84 or WGS 84 / UTM. Files from Chinese web maps (GCJ-02, BD-09) are shifted back to WGS84 when
 * the caller says so. Beijing 1954 / Xian 1980 files, projected numbers without a CRS and unknown
 * formats are refused with located issues.
 *
 * Pure: no DOM globals (runs in a Web Worker and in Node), never throws, never changes its input.
 */
import { msg, say } from '../i18n/located';
import type { Feature, Geometry } from 'geojson';
import { detectFormat, formatFromExtension } from './detect';
import { finalise } from './finalise';
import { readGeoJson } from './geojson';
import { readKml } from './kml';
import type { RawLayer } from './layer';
import { placeLayer } from './place';
import type { ImportChecks, ImportFormat, ImportIssue, ImportOptions, ImportResult, SourceDatum } from './types';
import { datumSuspicion, type FarAway } from './sanity';
import { readZip } from './zip';

export type { ImportChecks, ImportFormat, ImportIssue, ImportOptions, ImportResult, SourceDatum } from './types';

const DATUMS: readonly SourceDatum[] = ['wgs84', 'gcj02', 'bd09'];
const EMPTY = '{"type":"FeatureCollection","features":[]}';
const NO_CHECKS: ImportChecks = { datum: null, far: null };

/** Import one planning file; see ImportResult for what comes back. */
export async function importPlanningFile(fileName: string, bytes: ArrayBuffer | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const { features, ...rest } = await importPlanningFeatures(fileName, bytes, options);
  return { ...rest, geojson: features.length ? JSON.stringify({ type: 'FeatureCollection', features }) : EMPTY };
}

/** An import with its features as objects, not text (the import worker hands them to parseUserZones as they are). */
export type ImportedFeatures = Omit<ImportResult, 'geojson'> & { features: Feature<Geometry | null>[] };

/** importPlanningFile without writing the features as text (8 MB of JSON written and read again for nothing). */
export async function importPlanningFeatures(fileName: string, bytes: ArrayBuffer | Uint8Array, options: ImportOptions = {}): Promise<ImportedFeatures> {
  const issues: ImportIssue[] = [];
  try {
    return await run(fileName, bytes, options, issues);
  } catch (e) {
    // A bug or a library failing in a way not foreseen: reported like any other problem.
    issues.push({ file: fileName, code: 'internal', severity: 'error', ...say('issue.internal', { detail: (e as Error)?.message ?? String(e) }) });
    return { features: [], format: null, crs: null, featureCount: 0, issues, checks: NO_CHECKS };
  }
}

/** Far-away findings of several layers (zip members) as one. */
function mergeFar(a: FarAway | null, b: FarAway | null): FarAway | null {
  if (!a || !b) return a ?? b;
  return { count: a.count + b.count, total: a.total + b.total, median_km: Math.max(a.median_km, b.median_km), examples: [...a.examples, ...b.examples].slice(0, 3), cause: a.cause ?? b.cause };
}

async function run(file: string, bytes: ArrayBuffer | Uint8Array, options: ImportOptions, issues: ImportIssue[]): Promise<ImportedFeatures> {
  const fail = (format: ImportFormat | null): ImportedFeatures => ({ features: [], format, crs: null, featureCount: 0, issues, checks: NO_CHECKS });
  const datum = options.datum ?? 'wgs84';
  if (!DATUMS.includes(datum)) {
    issues.push({ file, code: 'option-invalid', severity: 'error', ...say('issue.optionInvalid', { datum: String(datum), expected: DATUMS.join(', ') }) });
    return fail(null);
  }
  // A view, never written to: the caller's buffer stays as it was.
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);

  const detected = detectFormat(u8, file);
  let format: ImportFormat | null;
  let layers: RawLayer[];
  if (detected.kind === 'unknown') {
    issues.push({ file, code: detected.code, severity: 'error', message: detected.message, text: detected.text });
    return fail(null);
  } else if (detected.kind === 'zip') {
    ({ format, layers } = await readZip(u8, file, issues));
  } else {
    format = detected.format;
    if (detected.encodingNote) issues.push({ file, code: 'encoding-guessed', severity: 'warning', ...say(detected.encodingNote) });
    const layer = format === 'kml' ? readKml(detected.text, file, issues) : readGeoJson(detected.text, file, issues);
    layers = layer ? [layer] : [];
  }
  const hinted = formatFromExtension(file);
  const actual = detected.kind === 'zip' ? 'zip' : format;
  if (hinted !== null && actual !== null && hinted !== actual)
    issues.push({ file, code: 'extension-mismatch', severity: 'warning', ...say('issue.extensionMismatch', { ext: file.split('.').pop() ?? '', format: format ?? msg('issue.aZip') }) });

  const features: Feature<Geometry | null>[] = [];
  const crss: string[] = [];
  let allGeographic = true;
  let far: FarAway | null = null;
  for (const layer of layers) {
    const placed = placeLayer(layer, datum, issues, options.reference);
    features.push(...finalise(placed.features, layer.file, issues));
    if (placed.crs !== null && !crss.includes(placed.crs)) crss.push(placed.crs);
    if (!placed.geographic) allGeographic = false;
    far = mergeFar(far, placed.far);
  }
  // Only lon/lat taken as WGS84 can be GCJ-02/BD-09 in disguise; a projected file cannot.
  const suspicion = options.reference && datum === 'wgs84' && allGeographic && features.length > 0 ? datumSuspicion(features, options.reference) : null;
  const checks: ImportChecks = { datum: suspicion, far };
  if (features.length === 0) {
    if (!issues.some((i) => i.severity === 'error')) issues.push({ file, code: 'empty', severity: 'error', ...say('issue.empty') });
    return fail(format);
  }
  return {
    features,
    format,
    crs: crss.length > 0 ? crss.join('; ') : null,
    featureCount: features.length,
    issues,
    checks,
  };
}
