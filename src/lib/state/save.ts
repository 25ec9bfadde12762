/**
 * Saving a planner's proposals (IndexedDB, idb-keyval): the part of persistence that runs on every
 * change, kept apart from the reading and validation (persist.ts: zod, the geometry checks), so the
 * first save does not wait for them to load (issue #17: 12,000 polygons saved within 2 s of being
 * listed).
 *
 * A save in several parts writes its parts first, then the record that names them, so a save
 * interrupted half-way (the tab closed or reloaded) leaves the previous store readable. While a
 * save runs, a journal in localStorage says what it holds, file by file; the next start reads it
 * and tells the planner what was not kept (restore.ts), and `beforeunload` asks before the tab
 * closes (App.svelte).
 */
import '../i18n/issues';
import { say, type Located } from '../i18n/located';
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { markStored, PROPOSALS_KEY, SAVE_JOURNAL, STORE_DB } from './stored';
export { SAVE_JOURNAL };
import { yieldToMain } from './yield';
import type { AtlasState } from './atlas.svelte';

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
  /** Every key (to delete the parts an interrupted save left behind); optional. */
  keys?(): Promise<string[]>;
}

let store: UseStore | null = null;
/** The Atlas's own IndexedDB database (`shijingshan-atlas`, object store `kv`). */
export function idbBackend(): KeyValue | null {
  if (typeof indexedDB === 'undefined') return null;
  store ??= createStore(STORE_DB, 'kv');
  const s = store;
  return { get: (k) => get(k, s), set: (k, v) => set(k, v, s), del: (k) => del(k, s), keys: async () => (await keys(s)).map(String) };
}

export type StorageProblem = 'quota' | 'unavailable' | 'error';
export type SaveResult = { ok: true } | { ok: false; problem: StorageProblem; message: string; text?: Located };

/** QuotaExceededError (DOMException name; legacy code 22), also when wrapped in a transaction abort. */
export function problemOf(e: unknown): StorageProblem {
  const err = e as { name?: string; code?: number; message?: string } | null;
  if (err?.name === 'QuotaExceededError' || err?.code === 22 || /quota/i.test(err?.message ?? '')) return 'quota';
  if (err?.name === 'InvalidStateError' || err?.name === 'SecurityError' || err?.name === 'UnknownError') return 'unavailable';
  return 'error';
}
export const messageOf = (e: unknown) => String((e as Error)?.message ?? e);

/** The parts of the stored record `v`'s generation, if it has any (to delete once replaced). */
export function partsOf(v: unknown): string[] {
  const m = v as Partial<StoredManifest> | undefined;
  if (!m || typeof m !== 'object' || m.format !== STORED_FORMAT_PARTS || typeof m.gen !== 'string' || !Number.isInteger(m.parts)) return [];
  return Array.from({ length: Math.min(m.parts!, 10_000) }, (_, i) => partKey(m.gen!, i));
}

/**
 * Stores the proposals: `json` is the JSON of ProposalFeature[], or its parts (JSON arrays, stored
 * in that order); null deletes the store.
 */
export async function saveProposals(json: string | readonly string[] | null, backend: KeyValue | null = idbBackend()): Promise<SaveResult> {
  if (!backend) return { ok: false, problem: 'unavailable', ...say('issue.noIndexedDb') };
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



/** What a save in progress holds: polygons per file (their `provenance.source`). */
export interface SaveJournal {
  startedAt: string;
  count: number;
  files: Record<string, number>;
}

type Sourced = { properties: { provenance: { source: string } } };

/** Polygons per file of a set of proposals. */
export function countByFile(zones: readonly unknown[]): Record<string, number> {
  const files: Record<string, number> = {};
  for (const z of zones as readonly Sourced[]) {
    const f = z.properties.provenance.source;
    files[f] = (files[f] ?? 0) + 1;
  }
  return files;
}

export function writeJournal(zones: readonly unknown[], storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(SAVE_JOURNAL, JSON.stringify({ startedAt: new Date().toISOString(), count: zones.length, files: countByFile(zones) } satisfies SaveJournal));
  } catch {
    // Storage blocked: an interrupted save then cannot be reported (the previous store still is read).
  }
}

export function clearJournal(storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.removeItem(SAVE_JOURNAL);
  } catch {
    /* nothing to clear */
  }
}

/** The journal of a save that never finished (the page closed meanwhile), or null. */
export function readJournal(storage: Storage | undefined = globalThis.localStorage): SaveJournal | null {
  try {
    const v = JSON.parse(storage?.getItem(SAVE_JOURNAL) ?? 'null') as Partial<SaveJournal> | null;
    return v && typeof v.count === 'number' && v.files && typeof v.files === 'object' ? (v as SaveJournal) : null;
  } catch {
    return null;
  }
}

/**
 * Features per stored part: each is serialised and written in its own task. JSON.stringify of
 * 1,000 parcels and IndexedDB's own serialisation of the text each took 30–150 ms of main-thread
 * time on a busy 2-core machine (a 30 MB file: 45 parts, 2.6 s in all); 500 keep each task short.
 */
export const PART_FEATURES = 500;

let pending: Promise<void> = Promise.resolve();
let lastPersisted: readonly unknown[] | null = null;

/** What was just restored needs no writing back (12,000 parcels are 12 MB of JSON). */
export function markPersisted(zones: readonly unknown[]): void {
  lastPersisted = zones;
}

/** Saves the proposals as they are now (one write at a time, in order); problems become a notice. */
export function persistProposals(atlas: AtlasState, zones: readonly unknown[]): Promise<void> {
  if (zones === lastPersisted) return pending;
  lastPersisted = zones;
  pending = pending.then(async () => {
    // A newer save is queued: this one would be overwritten at once.
    if (zones !== lastPersisted) return;
    writeJournal(zones);
    const parts: string[] = [];
    for (let i = 0; i < zones.length; i += PART_FEATURES) {
      if (i > 0) await yieldToMain();
      if (zones !== lastPersisted) return; // the newer save writes its own journal
      parts.push(JSON.stringify(zones.slice(i, i + PART_FEATURES)));
    }
    const r = await saveProposals(parts.length ? parts : null);
    // Kept only while a save is under way: a failed one is reported below, as it always was.
    if (zones === lastPersisted) clearJournal();
    if (!r.ok) atlas.storageNotice = { kind: r.problem, detail: r.message, text: r.text };
    else if (atlas.storageNotice && (atlas.storageNotice.kind === 'quota' || atlas.storageNotice.kind === 'error')) atlas.storageNotice = null;
  });
  return pending;
}
