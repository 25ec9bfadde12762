/**
 * The planner's stored proposals at start-up and their saving afterwards (IndexedDB, see
 * persist.ts). Reading is asynchronous and validation runs in the import worker, so a store of
 * 12,000 parcels never blocks the first screen; saving starts only once the store was read, so a
 * slow read is never overwritten with nothing. Never in kiosk mode (the caller's rule).
 */
import '../i18n/issues';
import { restoreInWorker } from '../import/client';
import { parseBatchZones } from '../import/proposals';
import type { AtlasState } from './atlas.svelte';
import { loadStoredRaw, sweepOrphanParts } from './persist';
import { clearJournal, countByFile, markPersisted, readJournal } from './save';

/** What an interrupted save (its journal, see save.ts) held that the restored store does not: per file. */
export function notKept(journal: Record<string, number>, restored: Record<string, number>): { file: string; n: number }[] {
  return Object.entries(journal)
    .map(([file, n]) => ({ file, n: n - (restored[file] ?? 0) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n);
}

export async function restoreProposals(atlas: AtlasState): Promise<void> {
  // A save still under way when the page closed: its journal says what it was writing.
  const journal = readJournal();
  try {
    const raw = await loadStoredRaw();
    if (raw.problem === 'corrupt') atlas.storageNotice = { kind: 'corrupt' };
    else if (raw.problem) atlas.storageNotice = { kind: raw.problem, detail: raw.message ?? '', text: raw.text };
    if (raw.json === null) return;
    atlas.importProgress = 'restoring';
    const { batch, skipped, corrupt } = await restoreInWorker(raw.json);
    if (corrupt) atlas.storageNotice = { kind: 'corrupt' };
    else if (skipped > 0) atlas.storageNotice = { kind: 'skipped', n: skipped };
    if (batch.count > 0) {
      // Restoring is not opening: the selection and camera stay as the URL asked (focus = false).
      atlas.incomingBatch = batch;
      atlas.addProposals((await parseBatchZones(batch)) ?? [], [], { labels: batch.labels, focus: false });
      atlas.incomingBatch = null;
      // What was just read needs no writing back (12,000 parcels are 12 MB of JSON).
      if (!skipped && !corrupt) markPersisted(atlas.proposals);
    }
    void sweepOrphanParts();
  } finally {
    if (journal) {
      const lost = notKept(journal.files, countByFile(atlas.proposals));
      // Said even when the store itself was fine: the previous save is what came back.
      if (lost.length) atlas.storageNotice = { kind: 'interrupted', lost, kept: atlas.proposals.length };
      clearJournal();
    }
    atlas.importProgress = null;
    atlas.proposalsRestored = true;
  }
}

export { persistProposals } from './save';
