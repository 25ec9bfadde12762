/// <reference lib="webworker" />
// Reads planning files off the main thread: unzipping, parsing, reprojecting, checking, validating
// and labelling 12,000 parcels takes seconds; the main thread only receives the result as text.
import { parseUserZones, type KnownVersion } from '../data/userfile';
import { validateStored } from '../state/persist';
import { importPlanningFeatures, importPlanningFile, type ImportOptions } from './index';
import { batchTransfer, finishProposals, type ProposalBatch, type WorkerProgress } from './proposals';

export type ImportRequest =
  | { id: number; kind?: 'import'; fileName: string; bytes: ArrayBuffer; options?: ImportOptions }
  | { id: number; kind: 'proposals'; fileName: string; bytes: ArrayBuffer; options?: ImportOptions; known: KnownVersion[] }
  | { id: number; kind: 'restore'; json: string | null };

const post = (m: unknown, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const req = e.data;
  const progress = (stage: WorkerProgress) => post({ id: req.id, progress: stage });
  if (req.kind === 'restore') {
    progress('validating');
    const v = validateStored(req.json);
    const batch: ProposalBatch = finishProposals(v.zones, [], null);
    post({ id: req.id, batch, skipped: v.skipped, corrupt: v.corrupt }, batchTransfer(batch));
    return;
  }
  // The import functions never throw: every failure is in the result's issues.
  if (req.kind !== 'proposals') {
    post({ id: req.id, result: await importPlanningFile(req.fileName, req.bytes, req.options) });
    return;
  }
  progress('reading');
  const result = await importPlanningFeatures(req.fileName, req.bytes, req.options);
  progress('validating');
  const parsed = result.format && result.featureCount > 0 ? parseUserZones({ type: 'FeatureCollection', features: result.features }, req.fileName, req.known) : { zones: [], issues: [] };
  const batch = finishProposals(parsed.zones, [...result.issues, ...parsed.issues], result);
  post({ id: req.id, batch }, batchTransfer(batch));
};
