/**
 * Opening planning files: each file is read, checked, validated and labelled in the import worker;
 * a file the checks flag (datum suspicion, far away) waits in `atlas.pendingImport` until the
 * planner decides. Nothing is converted or added without that decision; cancelling changes nothing.
 * Several files are taken one after the other.
 */
import '../i18n/issues';
import type { KnownVersion } from '../data/userfile';
import { cancelImports, importProposals } from '../import/client';
import { positionsBbox } from '../import/geometry';
import { parseBatchZones, type ProposalBatch } from '../import/proposals';
import { importReference, type ImportReference } from '../import/reference';
import type { SourceDatum } from '../import/types';
import type { AtlasState } from './atlas.svelte';
import { yieldToMain } from './yield';

export type ImportDecision = 'convert' | 'keep' | 'cancel';

const queue: { file: File; datum: SourceDatum }[] = [];
let running = false;
/** Bumped by cancelImport: work started under an older value is dropped, never added. */
let generation = 0;
let reference: { data: unknown; ref: ImportReference } | null = null;

function referenceOf(atlas: AtlasState): ImportReference {
  if (reference?.data !== atlas.data) reference = { data: atlas.data, ref: importReference(atlas.data) };
  return reference.ref;
}
const knownOf = (atlas: AtlasState): KnownVersion[] =>
  atlas.data.zones.map((z) => ({ zone: z.properties.zone, version: z.properties.version.id, current: z.properties.current }));

async function add(atlas: AtlasState, batch: ProposalBatch) {
  const gen = generation;
  // The file is read and checked: from here the Atlas holds what a bare MapLibre page would be
  // given (npm run bench compares the drawing from this mark with its one setData).
  performance.mark('atlas:file-checked');
  // The map starts cutting the file's tiles while its proposals are read and listed here.
  if (batch.count) atlas.incomingBatch = batch;
  // JSON.parse of the worker's text, a chunk per task: the fastest way to receive thousands of features.
  const zones = batch.count ? await parseBatchZones(batch, () => gen !== generation) : [];
  // Listing them (and everything that follows from it) in a task of its own, not the last chunk's.
  if (zones?.length) await yieldToMain();
  if (zones && gen === generation) atlas.addProposals(zones, batch.issues, { labels: batch.labels, bbox: batch.bbox });
  atlas.incomingBatch = null;
}

async function readOne(atlas: AtlasState, file: File, datum: SourceDatum): Promise<void> {
  const gen = generation;
  atlas.importFile = file.name;
  atlas.importProgress = 'reading';
  try {
    const batch = await importProposals(file, { datum, reference: referenceOf(atlas) }, knownOf(atlas), (p) => gen === generation && (atlas.importProgress = p));
    if (!batch || gen !== generation) return;
    if (batch.count > 0 && (batch.checks.datum || batch.checks.far)) {
      atlas.pendingImport = { file, batch };
      // Both readings in view, so the planner can judge the fit.
      const box = batch.preview ? positionsBbox(batch.preview.features.map((f) => f.geometry)) : null;
      if (box) atlas.frame(box);
      return;
    }
    await add(atlas, batch);
  } finally {
    if (gen === generation) atlas.importProgress = null;
  }
}

/**
 * The planner's Cancel while files are being read (shown after 2 s): the import worker is stopped
 * and nothing of the file, or of the files queued after it, is added; what was open stays as it was.
 */
export function cancelImport(atlas: AtlasState): void {
  generation++;
  queue.length = 0;
  cancelImports();
  atlas.importOutcome = { kind: 'cancelled', file: atlas.importFile };
  atlas.importProgress = null;
}

async function drain(atlas: AtlasState) {
  if (running) return;
  running = true;
  try {
    while (queue.length > 0 && !atlas.pendingImport) {
      const next = queue.shift()!;
      await readOne(atlas, next.file, next.datum);
    }
  } finally {
    running = false;
  }
}

/** Opens files (the datum chosen in the panel applies to each). */
export function openFiles(atlas: AtlasState, files: readonly File[], datum: SourceDatum): Promise<void> {
  atlas.importOutcome = null;
  queue.push(...files.map((file) => ({ file, datum })));
  return drain(atlas);
}

/**
 * The planner's answer to a flagged file: `convert` reads it again as the suggested datum (checked
 * again like any file), `keep` adds it as it is (also "add anyway" for far-away features),
 * `cancel` drops it. Then the next queued file.
 */
export async function decideImport(atlas: AtlasState, decision: ImportDecision): Promise<void> {
  const p = atlas.pendingImport;
  if (!p) return;
  atlas.pendingImport = null;
  if (decision === 'cancel') atlas.importOutcome = { kind: 'cancelled', file: p.file.name };
  else if (decision === 'keep') await add(atlas, p.batch);
  else if (p.batch.checks.datum) await readOne(atlas, p.file, p.batch.checks.datum.suggested);
  await drain(atlas);
}
