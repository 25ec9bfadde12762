/**
 * Where a planner's files are kept between visits (persist.ts reads and writes them). Apart from
 * persist.ts so that start-up can look for them without loading zod and the geometry checks.
 */
export const PROPOSALS_KEY = 'shijingshan-atlas.proposals.v1';

/** Is anything stored? (false in private mode or when storage is blocked) */
export function hasStoredProposals(storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    return !!storage?.getItem(PROPOSALS_KEY);
  } catch {
    return false;
  }
}
