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
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { areaGeometryIssues } from '../data/checks';
import { asOwnZone, parseProposalFeature, type ProposalFeature } from '../data/userfile';
import { markStored, PROPOSALS_KEY, STORE_DB } from './stored';

/** The localStorage key of the first version, migrated once and then removed. */
export const LEGACY_KEY = PROPOSALS_KEY;
export const STORE_KEY = 'proposals';
export const STORED_FORMAT = 'atlas-proposals/2';
export const STORED_FORMAT_PARTS = 'atlas-proposals/3';

/** What is stored under STORE_KEY for one part (most stores). */
export interface StoredProposals {
  format: typeof STORED_FORMAT;
  savedAt: string;
  /** JSON of ProposalFeature[]. */
  json: string;
}

/**
 * What is stored under STORE_KEY for a store in several parts: each part (a JSON array of
 * ProposalFeature) under `partKey(gen, i)`, written first, each in its own transaction and task
 * (one 12 MB value costs the main thread ~0.1 s to serialise); this record last, so a store is
 * switched to a new generation only once all its parts are written, and the old parts go after.
 */
export interface StoredManifest {
  format: typeof STORED_FORMAT_PARTS;
  savedAt: string;
  gen: string;
  parts: number;
}
export const partKey = (gen: string, i: number) => `${STORE_KEY}/${gen}/${i}`;

export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

let store: UseStore | null = null;
/** The Atlas's own IndexedDB database (`shijingshan-atlas`, object store `kv`). */
export function idbBackend(): KeyValue | null {
  if (typeof indexedDB === 'undefined') return null;
  store ??= createStore(STORE_DB, 'kv');
  const s = store;
  return { get: (k) => get(k, s), set: (k, v) => set(k, v, s), del: (k) => del(k, s) };
}

export type StorageProblem = 'quota' | 'unavailable' | 'error';
export type SaveResult = { ok: true } | { ok: false; problem: StorageProblem; message: string };

/** QuotaExceededError (DOMException name; legacy code 22), also when wrapped in a transaction abort. */
function problemOf(e: unknown): StorageProblem {
  const err = e as { name?: string; code?: number; message?: string } | null;
  if (err?.name === 'QuotaExceededError' || err?.code === 22 || /quota/i.test(err?.message ?? '')) return 'quota';
  if (err?.name === 'InvalidStateError' || err?.name === 'SecurityError' || err?.name === 'UnknownError') return 'unavailable';
  return 'error';
}
const messageOf = (e: unknown) => String((e as Error)?.message ?? e);

/** The parts of the stored record `v`'s generation, if it has any (to delete once replaced). */
function partsOf(v: unknown): string[] {
  const m = v as Partial<StoredManifest> | undefined;
  if (!m || typeof m !== 'object' || m.format !== STORED_FORMAT_PARTS || typeof m.gen !== 'string' || !Number.isInteger(m.parts)) return [];
  return Array.from({ length: Math.min(m.parts!, 10_000) }, (_, i) => partKey(m.gen!, i));
}

/**
 * Stores the proposals: `json` is the JSON of ProposalFeature[], or its parts (JSON arrays, stored
 * in that order); null deletes the store.
 */
export async function saveProposals(json: string | readonly string[] | null, backend: KeyValue | null = idbBackend()): Promise<SaveResult> {
  if (!backend) return { ok: false, problem: 'unavailable', message: 'IndexedDB is not available in this browser' };
  try {
    const old = partsOf(await backend.get(STORE_KEY));
    const savedAt = new Date().toISOString();
    if (json === null) await backend.del(STORE_KEY);
    else if (typeof json === 'string' || json.length <= 1) {
      const one = typeof json === 'string' ? json : (json[0] ?? '[]');
      await backend.set(STORE_KEY, { format: STORED_FORMAT, savedAt, json: one } satisfies StoredProposals);
    } else {
      const gen = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      for (let i = 0; i < json.length; i++) await backend.set(partKey(gen, i), json[i]);
      await backend.set(STORE_KEY, { format: STORED_FORMAT_PARTS, savedAt, gen, parts: json.length } satisfies StoredManifest);
    }
    markStored(json !== null);
    // The replaced generation's parts: best effort (a leftover part is never read, only wasted).
    for (const k of old) await backend.del(k).catch(() => undefined);
    return { ok: true };
  } catch (e) {
    return { ok: false, problem: problemOf(e), message: messageOf(e) };
  }
}

export interface RawLoad {
  /** The stored JSON text (not yet validated), or null when nothing is stored. */
  json: string | null;
  /** Set when the storage could not be read, or its entry was not in the stored format. */
  problem: StorageProblem | 'corrupt' | null;
  message: string | null;
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
  if (!backend) return { json: legacyText, problem: 'unavailable', message: 'IndexedDB is not available in this browser', migrated: false };
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
      return broken ? { json, problem: 'corrupt', message: `${broken} of ${keys.length} stored parts could not be read`, migrated } : { json, problem: null, message: null, migrated };
    }
    if (typeof v !== 'object' || v === null || v.format !== STORED_FORMAT || typeof v.json !== 'string')
      return { json: null, problem: 'corrupt', message: 'the stored proposals are not in a format this version reads', migrated };
    return { json: v.json, problem: null, message: null, migrated };
  } catch (e) {
    return { json: legacyText, problem: problemOf(e), message: messageOf(e), migrated: false };
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
