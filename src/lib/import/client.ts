/** Imports a planning file in a worker (falls back to the main thread where workers are unavailable or fail to start). */
import type { KnownVersion } from '../data/userfile';
import type { ImportOptions, ImportResult } from './index';
import type { ImportRequest } from './import.worker';
import { finishProposals, type ProposalBatch, type WorkerProgress } from './proposals';

/**
 * One worker for opening files, one for restoring the stored ones: cancelling an import
 * (cancelImports) ends the first without touching a restore in progress.
 */
type Lane = 'import' | 'restore';
const workers: Record<Lane, Worker | null> = { import: null, restore: null };
let seq = 0;
/** Calls waiting for a worker, by lane: a cancel resolves them with `cancelled`. */
const pending: Record<Lane, Map<number, (r: Reply) => void>> = { import: new Map(), restore: new Map() };

type Reply = { id: number; progress?: WorkerProgress; result?: ImportResult; batch?: ProposalBatch; skipped?: number; corrupt?: boolean; cancelled?: true };

/** What the worker would do, here (no worker, or it failed to start). */
async function onMainThread(req: ImportRequest): Promise<Reply> {
  const [{ importPlanningFeatures, importPlanningFile }, { parseUserZones }, { validateStored }] = await Promise.all([
    import('./index'),
    import('../data/userfile'),
    import('../state/persist'),
  ]);
  if (req.kind === 'restore') {
    const v = validateStored(req.json);
    return { id: req.id, batch: finishProposals(v.zones, [], null), skipped: v.skipped, corrupt: v.corrupt };
  }
  if (req.kind !== 'proposals') return { id: req.id, result: await importPlanningFile(req.fileName, req.bytes, req.options) };
  const result = await importPlanningFeatures(req.fileName, req.bytes, req.options);
  const parsed = result.format && result.featureCount > 0 ? parseUserZones({ type: 'FeatureCollection', features: result.features }, req.fileName, req.known) : { zones: [], issues: [] };
  return { id: req.id, batch: finishProposals(parsed.zones, [...result.issues, ...parsed.issues], result) };
}

function call(lane: Lane, make: (id: number) => ImportRequest, transfer: Transferable[], onProgress?: (p: WorkerProgress) => void, retry?: () => Promise<ImportRequest>): Promise<Reply> {
  const id = ++seq;
  const req = make(id);
  if (typeof Worker === 'undefined') return onMainThread(req);
  workers[lane] ??= new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const w = workers[lane];
  return new Promise((resolve) => {
    const done = () => {
      pending[lane].delete(id);
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<Reply>) => {
      if (e.data.id !== id) return;
      if (e.data.progress) return onProgress?.(e.data.progress);
      done();
      resolve(e.data);
    };
    // The worker failed to load or crashed: drop it and do the work here (a File can be read again).
    const onError = () => {
      done();
      if (workers[lane] === w) workers[lane] = null;
      w.terminate();
      resolve((retry ? retry() : Promise.resolve(req)).then(onMainThread));
    };
    pending[lane].set(id, (r) => {
      done();
      resolve(r);
    });
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    // Bytes are transferred, not copied: this side no longer needs them.
    w.postMessage(req, transfer);
  });
}

/**
 * Stops every file being read: the import worker is terminated mid-work (a 1,000,000-vertex polygon
 * would keep it busy for seconds) and its calls resolve as cancelled. The next file starts a new one.
 */
export function cancelImports(): void {
  const w = workers.import;
  workers.import = null;
  w?.terminate();
  for (const [id, resolve] of [...pending.import]) resolve({ id, cancelled: true });
}

export async function importInWorker(file: File, options?: ImportOptions): Promise<ImportResult> {
  const bytes = await file.arrayBuffer();
  const opts = options ? { ...options } : undefined;
  const r = await call('import', (id) => ({ id, fileName: file.name, bytes, options: opts }), [bytes], undefined, async () => ({ id: 0, fileName: file.name, bytes: await file.arrayBuffer(), options: opts }));
  return r.result ?? { geojson: '{"type":"FeatureCollection","features":[]}', format: null, crs: null, featureCount: 0, issues: [], checks: { datum: null, far: null } };
}

/**
 * A file → proposals ready to add: imported, checked (datum suspicion, far away: `options.reference`),
 * validated, attached (`known`), labelled, all in the worker. null: cancelled (cancelImports).
 */
export async function importProposals(file: File, options: ImportOptions, known: KnownVersion[], onProgress?: (p: WorkerProgress) => void): Promise<ProposalBatch | null> {
  const bytes = await file.arrayBuffer();
  const make = (id: number, b: ArrayBuffer): ImportRequest => ({ id, kind: 'proposals', fileName: file.name, bytes: b, options: { ...options }, known });
  const r = await call('import', (id) => make(id, bytes), [bytes], onProgress, async () => make(0, await file.arrayBuffer()));
  return r.cancelled ? null : r.batch!;
}

/** Stored proposals (JSON text) validated again and labelled, in the worker. */
export async function restoreInWorker(json: string | null, onProgress?: (p: WorkerProgress) => void): Promise<{ batch: ProposalBatch; skipped: number; corrupt: boolean }> {
  const r = await call('restore', (id) => ({ id, kind: 'restore', json }), [], onProgress);
  return { batch: r.batch!, skipped: r.skipped ?? 0, corrupt: r.corrupt ?? false };
}
