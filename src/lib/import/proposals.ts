/**
 * What the import worker hands the main thread for a file of proposals (or for the stored ones):
 * everything computed, nothing left to do but read them. The zones travel as JSON text in chunks
 * (structured-cloning 12,000 nested features costs the receiving thread far more than parsing a
 * string) without their geometries, which travel packed in typed arrays (packed.ts), with their
 * label points (polylabel, up to ~1 ms per polygon; only for files the map
 * labels, see LABELLED_PROPOSALS), their bounding box and, when the file may be in another datum, a
 * preview of both readings for the map.
 */
import { say } from '../i18n/located';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { DataIssue } from '../data/load';
import type { ProposalFeature } from '../data/userfile';
import { LABELLED_PROPOSALS, labelPoint } from '../map/features';
import { positionsBbox } from './geometry';
import { convertDatum } from './sanity';
import type { ImportChecks, ImportResult } from './types';
import { yieldToMain } from '../state/yield';
import { GeometryReader, packGeometries, type PackedGeometries } from './packed';
import { originOf, originToken } from './origin';

export type WorkerProgress = 'reading' | 'validating';

export interface ProposalBatch {
  /**
   * JSON of ProposalFeature[] with `geometry: null`, in chunks of CHUNK features: the main thread
   * reads one chunk per task, so no task approaches 200 ms.
   */
  zonesJson: string[];
  /** The features' geometries, in order (transferred from the worker, see batchTransfer). */
  geometry: PackedGeometries;
  count: number;
  /** [feature id, lon, lat] per zone: where its label goes (none beyond LABELLED_PROPOSALS zones). */
  labels: [string, number, number][];
  /** [west, south, east, north] of all zones, for framing the file; null without geometry. */
  bbox: [number, number, number, number] | null;
  /** Located issues, at most ISSUES_PER_CODE per code (then one line with the rest's count). */
  issues: DataIssue[];
  checks: ImportChecks;
  crs: string | null;
  /** Both readings of the file when a datum is suspected (`reading`: `as-is` | `converted`). */
  preview: FeatureCollection | null;
}

export const ISSUES_PER_CODE = 20;
export const CHUNK = 1000;
/** Features drawn in the preview: enough to see the fit, few enough to draw at once. */
export const PREVIEW_MAX = 3000;

/**
 * The zones of a batch, read one chunk per task (yielding to the event loop in between); null when
 * `cancelled()` turns true between two chunks (the planner cancelled the import).
 */
export async function parseBatchZones(batch: ProposalBatch, cancelled: () => boolean = () => false): Promise<ProposalFeature[] | null> {
  const out: ProposalFeature[] = [];
  const geometries = new GeometryReader(batch.geometry);
  const origin = originToken(batch);
  for (let i = 0; i < batch.zonesJson.length; i++) {
    // The first chunk too: not in the task that received the batch (45,000 features' text).
    await yieldToMain();
    if (cancelled()) return null;
    for (const f of JSON.parse(batch.zonesJson[i]!) as ProposalFeature[]) {
      f.geometry = geometries.next();
      originOf.set(f, origin);
      out.push(f);
    }
  }
  return out;
}

/** JSON.stringify replacer: a feature's geometry is left out (it travels packed). */
function withoutGeometry(this: unknown, key: string, value: unknown): unknown {
  return key === 'geometry' && (this as { type?: unknown }).type === 'Feature' ? null : value;
}

/** What to transfer (not copy) when posting a batch. */
export const batchTransfer = (b: ProposalBatch): Transferable[] => [b.geometry.shape.buffer, b.geometry.coords.buffer];

/** Keeps the first ISSUES_PER_CODE issues of each code and sums up the rest (12,000 "assumed accuracy" lines help nobody). */
export function summariseIssues(issues: readonly DataIssue[]): DataIssue[] {
  const seen = new Map<string, number>();
  const out: DataIssue[] = [];
  for (const i of issues) {
    const k = `${i.file}|${i.code}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n <= ISSUES_PER_CODE) out.push(i);
  }
  for (const [k, n] of seen) {
    if (n <= ISSUES_PER_CODE) continue;
    const first = issues.find((i) => `${i.file}|${i.code}` === k)!;
    out.push({ file: first.file, code: first.code, severity: first.severity, ...say('issue.moreLikeThis', { n: n - ISSUES_PER_CODE, code: first.code }) });
  }
  return out;
}

export function finishProposals(zones: ProposalFeature[], issues: DataIssue[], result: Pick<ImportResult, 'checks' | 'crs'> | null): ProposalBatch {
  const labels: [string, number, number][] =
    zones.length > LABELLED_PROPOSALS ? [] : zones.flatMap((z) => (z.geometry ? [[z.properties.id, ...labelPoint(z.geometry)] as [string, number, number]] : []));
  let preview: FeatureCollection | null = null;
  const suspected = result?.checks.datum;
  if (suspected && zones.length > 0) {
    const asIs: Feature<Geometry | null>[] = zones.slice(0, PREVIEW_MAX).map((z) => ({ type: 'Feature', properties: { reading: 'as-is' }, geometry: z.geometry }));
    const converted = convertDatum(asIs, suspected.suggested).map((f) => ({ ...f, properties: { reading: 'converted' } }));
    preview = { type: 'FeatureCollection', features: [...asIs, ...converted] as Feature[] };
  }
  return {
    zonesJson: Array.from({ length: Math.ceil(zones.length / CHUNK) }, (_, i) =>
      JSON.stringify(zones.slice(i * CHUNK, (i + 1) * CHUNK), withoutGeometry),
    ),
    geometry: packGeometries(zones.map((z) => z.geometry)),
    count: zones.length,
    labels,
    bbox: positionsBbox(zones.map((z) => z.geometry)),
    issues: summariseIssues(issues),
    checks: result?.checks ?? { datum: null, far: null },
    crs: result?.crs ?? null,
    preview,
  };
}
