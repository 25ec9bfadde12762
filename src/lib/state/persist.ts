/**
 * Keeps a planner's opened files across reloads (localStorage). What comes back is validated again
 * like any file: stored data is not trusted either. Never throws (private mode, quota, bad JSON).
 */
import { z } from 'zod';
import { ZoneFeature } from '../data/schema';
import { areaGeometryIssues } from '../data/checks';
import type { ZoneFeature as ZoneFeatureT } from '../data/schema';
import { PROPOSALS_KEY as KEY } from './stored';

export function loadProposals(storage: Storage | undefined = globalThis.localStorage): ZoneFeatureT[] {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return [];
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(raw));
    if (!parsed.success) return [];
    return parsed.data.flatMap((f) => {
      const r = ZoneFeature.safeParse(f);
      if (!r.success || !r.data.geometry) return [];
      return areaGeometryIssues('stored', r.data.properties.id, r.data.geometry).some((i) => i.severity === 'error') ? [] : [r.data];
    });
  } catch {
    return [];
  }
}

export function saveProposals(zones: readonly ZoneFeatureT[], storage: Storage | undefined = globalThis.localStorage): boolean {
  try {
    if (zones.length === 0) storage?.removeItem(KEY);
    else storage?.setItem(KEY, JSON.stringify(zones));
    return true;
  } catch {
    return false;
  }
}
