/**
 * The planner's stored proposals at start-up and their saving afterwards (IndexedDB, see
 * persist.ts). Reading is asynchronous and validation runs in the import worker, so a store of
 * 12,000 parcels never blocks the first screen; saving starts only once the store was read, so a
 * slow read is never overwritten with nothing. Never in kiosk mode (the caller's rule).
 */
import { restoreInWorker } from '../import/client';
import { parseBatchZones } from '../import/proposals';
import type { AtlasState } from './atlas.svelte';
import { loadStoredRaw, saveProposals } from './persist';
import { yieldToMain } from './yield';

export async function restoreProposals(atlas: AtlasState): Promise<void> {
  try {
    const raw = await loadStoredRaw();
    if (raw.problem === 'corrupt') atlas.storageNotice = { kind: 'corrupt' };
    else if (raw.problem) atlas.storageNotice = { kind: raw.problem, detail: raw.message ?? '' };
    if (raw.json === null) return;
    atlas.importProgress = 'restoring';
    const { batch, skipped, corrupt } = await restoreInWorker(raw.json);
    if (corrupt) atlas.storageNotice = { kind: 'corrupt' };
    else if (skipped > 0) atlas.storageNotice = { kind: 'skipped', n: skipped };
    if (batch.count > 0) {
      // Restoring is not opening: the selection and camera stay as the URL asked (focus = false).
      atlas.addProposals((await parseBatchZones(batch)) ?? [], [], { labels: batch.labels, focus: false });
      // What was just read needs no writing back (12,000 parcels are 12 MB of JSON).
      if (!skipped && !corrupt) lastPersisted = atlas.proposals;
    }
  } finally {
    atlas.importProgress = null;
    atlas.proposalsRestored = true;
  }
}

let pending: Promise<void> = Promise.resolve();
let lastPersisted: readonly unknown[] | null = null;

/** Features per stored part: each is made in its own task (JSON.stringify of 12,000 parcels is ~0.1 s). */
export const PART_FEATURES = 1000;

/** Saves the proposals as they are now (one write at a time, in order); problems become a notice. */
export function persistProposals(atlas: AtlasState, zones: readonly unknown[]): Promise<void> {
  if (zones === lastPersisted) return pending;
  lastPersisted = zones;
  pending = pending.then(async () => {
    const parts: string[] = [];
    for (let i = 0; i < zones.length; i += PART_FEATURES) {
      if (i > 0) await yieldToMain();
      // A newer save is queued: this one would be overwritten at once.
      if (zones !== lastPersisted) return;
      parts.push(JSON.stringify(zones.slice(i, i + PART_FEATURES)));
    }
    const r = await saveProposals(parts.length ? parts : null);
    if (!r.ok) atlas.storageNotice = { kind: r.problem, detail: r.message };
    else if (atlas.storageNotice && (atlas.storageNotice.kind === 'quota' || atlas.storageNotice.kind === 'error')) atlas.storageNotice = null;
  });
  return pending;
}
