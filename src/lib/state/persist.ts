/**
 * Keeps a planner's proposals across reloads, in IndexedDB (idb-keyval): localStorage holds about
 * 5 MB per origin in Chromium and failed silently on an 8 MB file. The proposals are stored as ONE
 * JSON string (structured-cloning a string is a copy, cloning 12,000 nested features is not), and
 * what comes back is validated again like any file, in the import worker (`validateStored`):
 * stored data is not trusted either. A corrupt entry is skipped and counted, never thrown.
 *
 * Every failure is returned, never swallowed: the app shows a message when storage is full or
 * unavailable (private mode, blocked, no IndexedDB), so nothing is lost silently. Never used in
 * kiosk mode (the caller's rule: the next visitor starts clean).
 */
import { say, type Located } from '../i18n/located';
import { z } from 'zod';
import { areaGeometryIssues } from '../data/checks';
import { asOwnZone, parseProposalFeature, type ProposalFeature } from '../data/userfile';
import { idbBackend, LEGACY_KEY, messageOf, partsOf, problemOf, STORE_KEY, STORED_FORMAT, type KeyValue, type StorageProblem, type StoredProposals } from './save';

export {
  idbBackend,
  partKey,
  saveProposals,
  LEGACY_KEY,
  STORE_KEY,
  STORED_FORMAT,
  STORED_FORMAT_PARTS,
  type KeyValue,
  type SaveResult,
  type StorageProblem,
  type StoredManifest,
  type StoredProposals,
} from './save';
export interface RawLoad {
  /** The stored JSON text (not yet validated), or null when nothing is stored. */
  json: string | null;
  /** Set when the storage could not be read, or its entry was not in the stored format. */
  problem: StorageProblem | 'corrupt' | null;
  message: string | null;
  /** `message` as a key and values, for the UI's language (when the Atlas worded it). */
  text?: Located;
  /** A localStorage entry of the first version was moved to IndexedDB (and removed) this time. */
  migrated: boolean;
}

/**
 * Reads what was stored, moving a localStorage entry of the first version into IndexedDB once
 * (it is removed from localStorage only after IndexedDB took it).
 */
export async function loadStoredRaw(backend: KeyValue | null = idbBackend(), legacy: Storage | undefined = globalThis.localStorage): Promise<RawLoad> {
  let legacyText: string | null = null;
  try {
    legacyText = legacy?.getItem(LEGACY_KEY) ?? null;
  } catch {
    legacyText = null; // localStorage blocked: nothing to migrate
  }
  if (!backend) return { json: legacyText, problem: 'unavailable', ...say('issue.noIndexedDb'), migrated: false };
  try {
    let migrated = false;
    if (legacyText !== null) {
      const current = await backend.get(STORE_KEY);
      // The v1 entry is a JSON array of features: kept as it is, validated below like any entry.
      if (current === undefined) await backend.set(STORE_KEY, { format: STORED_FORMAT, savedAt: new Date().toISOString(), json: legacyText } satisfies StoredProposals);
      try {
        legacy?.removeItem(LEGACY_KEY);
      } catch {
        /* ignore: IndexedDB has it now */
      }
      migrated = true;
    }
    const v = (await backend.get(STORE_KEY)) as Partial<StoredProposals> | undefined;
    if (v === undefined) return { json: null, problem: null, message: null, migrated };
    const keys = partsOf(v);
    if (keys.length > 0) {
      // Parts joined into one array; a missing or broken part is reported, the others are kept.
      const items: string[] = [];
      let broken = 0;
      for (const k of keys) {
        const part = await backend.get(k);
        const body = typeof part === 'string' ? part.trim() : '';
        if (!body.startsWith('[') || !body.endsWith(']')) broken++;
        else if (body.slice(1, -1).trim()) items.push(body.slice(1, -1));
      }
      const json = `[${items.join(',')}]`;
      return broken ? { json, problem: 'corrupt', ...say('issue.partsUnreadable', { broken, parts: keys.length }), migrated } : { json, problem: null, message: null, migrated };
    }
    if (typeof v !== 'object' || v === null || v.format !== STORED_FORMAT || typeof v.json !== 'string')
      return { json: null, problem: 'corrupt', ...say('issue.storeFormat'), migrated };
    return { json: v.json, problem: null, message: null, migrated };
  } catch (e) {
    return { json: legacyText, problem: problemOf(e), message: messageOf(e), migrated: false };
  }
}

/**
 * Deletes the parts no stored record names: those of a save that never wrote its record (the page
 * closed half-way). Best effort; a leftover part is never read, only wasted space.
 */
export async function sweepOrphanParts(backend: KeyValue | null = idbBackend()): Promise<void> {
  try {
    if (!backend?.keys) return;
    const live = new Set(partsOf(await backend.get(STORE_KEY)));
    for (const k of await backend.keys()) if (k.startsWith(`${STORE_KEY}/`) && !live.has(k)) await backend.del(k);
  } catch {
    /* best effort */
  }
}

export interface Validated {
  zones: ProposalFeature[];
  /** Entries dropped: not a zone version, or a geometry with errors (bow-tie, unclosed ring). */
  skipped: number;
  /** The stored text was not a JSON array at all. */
  corrupt: boolean;
}

/** Validates stored proposals again (runs in the import worker for big stores). Never throws. */
export function validateStored(json: string | null): Validated {
  if (json === null) return { zones: [], skipped: 0, corrupt: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { zones: [], skipped: 0, corrupt: true };
  }
  const arr = z.array(z.unknown()).safeParse(parsed);
  if (!arr.success) return { zones: [], skipped: 0, corrupt: true };
  let skipped = 0;
  const zones = arr.data.flatMap((f) => {
    const r = parseProposalFeature(f);
    const ok = r.success && r.data.geometry !== null && !areaGeometryIssues('stored', r.data.properties.id, r.data.geometry).some((i) => i.severity === 'error');
    if (!ok) skipped++;
    return ok ? [asOwnZone(r.data as ProposalFeature)] : [];
  });
  return { zones, skipped, corrupt: false };
}
