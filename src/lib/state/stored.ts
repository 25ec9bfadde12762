/**
 * Whether a planner's files were kept from an earlier visit, answered without loading the
 * persistence code (IndexedDB, zod, geometry checks) at start-up: persist.ts sets a marker in
 * localStorage whenever it saves. The first version kept the files themselves in localStorage
 * under the legacy key (moved to IndexedDB on the next load).
 */
export const PROPOSALS_KEY = 'shijingshan-atlas.proposals.v1';
export const STORED_MARKER = 'shijingshan-atlas.proposals.stored';
/** The journal of a save under way (save.ts): present at start-up, that save never finished. */
export const SAVE_JOURNAL = 'shijingshan-atlas.proposals.saving';

/** Is anything stored? (false in private mode or when storage is blocked) */
export function hasStoredProposals(storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    return !!(storage?.getItem(STORED_MARKER) || storage?.getItem(PROPOSALS_KEY) || storage?.getItem(SAVE_JOURNAL));
  } catch {
    return false;
  }
}

/** Records whether files are stored (called by persist.ts after each save). */
export function markStored(stored: boolean, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    if (stored) storage?.setItem(STORED_MARKER, '1');
    else storage?.removeItem(STORED_MARKER);
  } catch {
    // Storage blocked: the next start simply looks in IndexedDB only when the marker was readable.
  }
}

/** Name of the IndexedDB database persist.ts keeps the files in. */
export const STORE_DB = 'shijingshan-atlas';

/**
 * Is there anything to restore? The marker answers at once; otherwise the list of IndexedDB
 * databases (no database is opened) tells whether one was ever written, so a store the marker
 * does not know about (an older version, a corrupt entry) is still read and reported.
 */
export async function mayHaveStoredProposals(): Promise<boolean> {
  if (hasStoredProposals()) return true;
  try {
    const dbs = await globalThis.indexedDB?.databases?.();
    return !!dbs?.some((d) => d.name === STORE_DB);
  } catch {
    return false;
  }
}
