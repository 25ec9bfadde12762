import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LEGACY_KEY, STORE_KEY, loadStoredRaw, saveProposals, sweepOrphanParts, validateStored, type KeyValue } from '../../../src/lib/state/persist';
import { clearJournal, countByFile, readJournal, writeJournal } from '../../../src/lib/state/save';
import { notKept } from '../../../src/lib/state/restore';
import { parseUserZones } from '../../../src/lib/data/userfile';

class MemoryStorage {
  m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}
class MemoryKv implements KeyValue {
  m = new Map<string, unknown>();
  async get(k: string) {
    return structuredClone(this.m.get(k));
  }
  async set(k: string, v: unknown) {
    this.m.set(k, structuredClone(v));
  }
  async del(k: string) {
    this.m.delete(k);
  }
  async keys() {
    return [...this.m.keys()];
  }
}
/** A save cut short by the page closing: every part written, never the record that names them. */
class ClosedMidSave extends MemoryKv {
  override async set(k: string, v: unknown) {
    if (k === STORE_KEY) throw new Error('the page closed');
    await super.set(k, v);
  }
}
/** IndexedDB refusing writes the way Chromium does when the quota is exhausted. */
class FullKv extends MemoryKv {
  override async set() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

const known = [{ zone: 'zgc-sjs-park', version: 'after', current: true }, { zone: 'zgc-sjs-park', version: 'before', current: false }];
const proposal = parseUserZones(readFileSync('tests/fixtures/proposals/zgc-after-3800m-square.geojson', 'utf8'), 'p.geojson', known).zones;
const restore = async (kv: KeyValue, legacy?: Storage) => validateStored((await loadStoredRaw(kv, legacy)).json);

describe('stored planning files (IndexedDB)', () => {
  it('a save interrupted half-way leaves the previous store readable, and its journal says what was not kept', async () => {
    const kv = new MemoryKv();
    const storage = new MemoryStorage() as unknown as Storage;
    await saveProposals(JSON.stringify(proposal), kv);
    // The next save: the same proposal plus 2,000 parcels of another file, in parts.
    const parcels = Array.from({ length: 2000 }, (_, i) => ({ ...proposal[0]!, properties: { ...proposal[0]!.properties, id: `file-p${i}`, zone: `file-p${i}`, provenance: { ...proposal[0]!.properties.provenance, source: 'parcels.geojson' } } }));
    const next = [...proposal, ...parcels];
    writeJournal(next, storage);
    const closed = new ClosedMidSave();
    closed.m = kv.m;
    expect((await saveProposals([JSON.stringify(next.slice(0, 1000)), JSON.stringify(next.slice(1000))], closed)).ok).toBe(false);
    // Start-up after the reload: the previous save comes back whole; the journal names what is missing.
    const back = await restore(kv);
    expect(back.zones).toEqual(proposal);
    const journal = readJournal(storage)!;
    expect(journal.count).toBe(2001);
    expect(notKept(journal.files, countByFile(back.zones))).toEqual([{ file: 'parcels.geojson', n: 2000 }]);
    clearJournal(storage);
    expect(readJournal(storage)).toBeNull();
    // The parts the interrupted save wrote are deleted; the live record is kept.
    expect([...kv.m.keys()].filter((k) => k.startsWith(`${STORE_KEY}/`)).length).toBe(2);
    await sweepOrphanParts(kv);
    expect([...kv.m.keys()]).toEqual([STORE_KEY]);
    expect((await restore(kv)).zones).toEqual(proposal);
  });

  it('come back as they were saved, attachment included', async () => {
    const kv = new MemoryKv();
    expect(await saveProposals(JSON.stringify(proposal), kv)).toEqual({ ok: true });
    const back = await restore(kv);
    expect(back).toMatchObject({ skipped: 0, corrupt: false });
    expect(back.zones).toEqual(proposal);
    expect(back.zones[0]!.properties.attachedTo).toEqual({ zone: 'zgc-sjs-park', version: 'after' });
  });

  it('are validated again: tampered or broken entries are skipped and counted, nothing throws', async () => {
    const kv = new MemoryKv();
    const bowtie = { ...proposal[0]!, geometry: { type: 'Polygon', coordinates: [[[116.18, 39.91], [116.19, 39.92], [116.19, 39.91], [116.18, 39.92], [116.18, 39.91]]] } };
    await saveProposals(JSON.stringify([proposal[0], { nope: 1 }, bowtie]), kv);
    expect(await restore(kv)).toEqual({ zones: proposal, skipped: 2, corrupt: false });
    await saveProposals('{not json', kv);
    expect(await restore(kv)).toEqual({ zones: [], skipped: 0, corrupt: true });
    kv.m.set(STORE_KEY, 'a string, not a record');
    expect(await loadStoredRaw(kv)).toMatchObject({ json: null, problem: 'corrupt' });
  });

  it('a full store is reported as such, not swallowed', async () => {
    expect(await saveProposals(JSON.stringify(proposal), new FullKv())).toMatchObject({ ok: false, problem: 'quota' });
    expect(await saveProposals(JSON.stringify(proposal), null)).toMatchObject({ ok: false, problem: 'unavailable' });
  });

  it('moves a localStorage entry of the first version once, then removes it', async () => {
    const kv = new MemoryKv();
    const ls = new MemoryStorage();
    ls.setItem(LEGACY_KEY, JSON.stringify(proposal));
    const first = await loadStoredRaw(kv, ls as unknown as Storage);
    expect(first.migrated).toBe(true);
    expect(ls.getItem(LEGACY_KEY)).toBeNull();
    expect(validateStored(first.json).zones).toEqual(proposal);
    expect((await loadStoredRaw(kv, ls as unknown as Storage)).migrated).toBe(false);
  });

  it('a first-version entry that took an official version becomes a proposal attached to it', async () => {
    const old = { ...proposal[0]!, properties: { ...proposal[0]!.properties, zone: 'zgc-sjs-park', version: { id: 'after', label: { zh: '调整后', en: 'after' } }, attachedTo: undefined } };
    delete (old.properties as { attachedTo?: unknown }).attachedTo;
    const back = validateStored(JSON.stringify([old])).zones[0]!.properties;
    expect(back).toMatchObject({ zone: back.id, current: true, version: { id: 'proposal' }, attachedTo: { zone: 'zgc-sjs-park', version: 'after' } });
  });

  it('clears the store when no file is open', async () => {
    const kv = new MemoryKv();
    await saveProposals(JSON.stringify(proposal), kv);
    await saveProposals(null, kv);
    expect(kv.m.size).toBe(0);
  });

  describe('a big store in parts (each written in its own task)', () => {
    // Three distinct proposals: the fixture's, renamed.
    const three = [0, 1, 2].map((i) => ({ ...proposal[0]!, properties: { ...proposal[0]!.properties, id: `p${i}`, zone: `p${i}` } }));
    const parts = three.map((z) => JSON.stringify([z]));

    it('comes back whole and in order', async () => {
      const kv = new MemoryKv();
      expect(await saveProposals(parts, kv)).toEqual({ ok: true });
      // A record per part plus the one that names them.
      expect(kv.m.size).toBe(4);
      expect((await restore(kv)).zones.map((z) => z.properties.id)).toEqual(['p0', 'p1', 'p2']);
    });

    it('a lost part is reported and the rest kept', async () => {
      const kv = new MemoryKv();
      await saveProposals(parts, kv);
      const lost = [...kv.m.keys()].find((k) => k.endsWith('/1'))!;
      kv.m.delete(lost);
      const raw = await loadStoredRaw(kv);
      expect(raw.problem).toBe('corrupt');
      expect(raw.message).toMatch(/1 of 3 stored parts/);
      expect(validateStored(raw.json).zones.map((z) => z.properties.id)).toEqual(['p0', 'p2']);
    });

    it('a new save replaces the old parts, and clearing leaves nothing behind', async () => {
      const kv = new MemoryKv();
      await saveProposals(parts, kv);
      await saveProposals(parts.slice(0, 2), kv);
      expect(kv.m.size).toBe(3);
      expect((await restore(kv)).zones.map((z) => z.properties.id)).toEqual(['p0', 'p1']);
      await saveProposals(JSON.stringify(proposal), kv);
      expect(kv.m.size).toBe(1);
      await saveProposals(null, kv);
      expect(kv.m.size).toBe(0);
    });

    it('a full store while writing parts keeps the previous store readable', async () => {
      const kv = new MemoryKv();
      await saveProposals(parts.slice(0, 1), kv);
      let writes = 0;
      const flaky: KeyValue = { get: (k) => kv.get(k), del: (k) => kv.del(k), set: async (k, v) => {
        if (++writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return kv.set(k, v);
      } };
      expect(await saveProposals(parts, flaky)).toMatchObject({ ok: false, problem: 'quota' });
      expect((await restore(kv)).zones.map((z) => z.properties.id)).toEqual(['p0']);
    });
  });
});

