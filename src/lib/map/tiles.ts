/**
 * Keeps the tile worker (tiles.worker.ts) holding exactly the proposals the app shows, and serves
 * its tiles to the adapter's protocol handler. Loaded with the first proposal, not on the first
 * screen. See tileset.ts for why proposals are tiles of their own.
 *
 * - A large change (a file opened, restored or cleared) sends the whole set, a chunk of PUT_FEATURES
 *   per task, packed in typed arrays that are transferred, then one `commit`: the worker builds its
 *   index once, like MapLibre's `setData`, and every tile is reloaded.
 * - A small change (an edit, a drawing, an attachment) is one diff of the features that changed;
 *   only the tiles they touch are reloaded.
 */
import { packGeometries } from '../import/packed';
import { originOf, originToken } from '../import/origin';
import type { ProposalBatch } from '../import/proposals';
import { positionsBbox } from '../import/geometry';
import { yieldToMain } from '../state/yield';
import type { AreaGeometry } from '../data/schema';
import type { FlatCollection } from './features';
import { DIFF_MAX_FEATURES, DIFF_MAX_POSITIONS, PUT_FEATURES, tilesCovering, tilesDiff, type Bbox, type TilesReply, type TilesRequest } from './tileset';

type Flat = FlatCollection['features'][number];
/** Tiles to reload after a change: null = all of them. */
export type TilesChanged = { z: number; x: number; y: number }[] | null;

const positions = (g: Flat['geometry']): number => {
  if (!g || g.type === 'GeometryCollection') return 0;
  let n = 0;
  const walk = (c: unknown[]) => {
    if (typeof c[0] === 'number') n++;
    else for (const x of c) walk(x as unknown[]);
  };
  walk(g.coordinates as unknown[]);
  return n;
};

function pack(features: readonly Flat[]): { shape: Int32Array; coords: Float64Array; props: string } {
  const { shape, coords } = packGeometries(features.map((f) => f.geometry as AreaGeometry | null));
  return { shape, coords, props: JSON.stringify(features.map((f) => f.properties)) };
}

/**
 * `T`: the app's items (zone objects); `flat(item)` their flat features, made as the sync reaches
 * them (45,000 of them are not converted in the task that adds them), the same object for the same
 * item (flatZoneOf), so items are compared by identity.
 */
export class ProposalTiles<T extends { properties: { id: string } }> {
  private worker: Worker | null = null;
  private seq = 0;
  private gen = 0;
  private readonly replies = new Map<number, (r: TilesReply) => void>();
  /** What the worker holds, by id (the same items as sent). */
  private onMap = new Map<string, T>();
  private want: readonly T[] = [];
  private synced: readonly T[] = [];
  private running: Promise<void> | null = null;
  /** A file sent to the worker as it came from the import worker, indexed there on speculation. */
  private staged: { gen: number; origin: object; count: number } | null = null;

  /** `changed` is called after the worker took a change, with the tiles to reload. */
  constructor(
    private readonly flat: (item: T) => Flat | null,
    private readonly changed: (tiles: TilesChanged) => void,
  ) {}

  /** The set last asked for. */
  get wanted(): readonly T[] {
    return this.want;
  }

  /** Features the worker holds (the layers are shown only once it holds some). */
  get size(): number {
    return this.onMap.size;
  }

  /** The proposals to draw. */
  set(want: readonly T[]): Promise<void> {
    this.want = want;
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  /**
   * A file about to be added (its batch, before the main thread reads it): the worker reads the
   * batch's text and a copy of its geometries itself and indexes them with what it holds while the
   * main thread lists them. If the app then adds exactly that file, the index is kept as it is.
   */
  async stage(batch: ProposalBatch): Promise<void> {
    const gen = ++this.gen;
    const shape = batch.geometry.shape.slice();
    const coords = batch.geometry.coords.slice();
    this.staged = { gen, origin: originToken(batch), count: batch.count };
    this.send({ kind: 'stage', gen, shape, coords }, [shape.buffer, coords.buffer]);
    // The text a chunk per task: posting 45,000 features' text at once took 180 ms of main thread.
    for (const json of batch.zonesJson) {
      await yieldToMain();
      if (this.staged?.gen !== gen) return;
      this.send({ kind: 'stage-text', gen, json });
    }
    this.send({ kind: 'stage-end', gen });
  }

  /** Is `want` what the worker holds plus exactly the staged file's proposals, unchanged? */
  private isStaged(want: readonly T[]): boolean {
    const s = this.staged;
    if (!s || want.length !== this.onMap.size + s.count) return false;
    let fromBatch = 0;
    for (const t of want) {
      if (originOf.get(t) === s.origin) fromBatch++;
      else if (this.onMap.get(t.properties.id) !== t) return false;
    }
    return fromBatch === s.count;
  }

  /** Resolves when the worker holds what was last set. */
  async whenSynced(): Promise<void> {
    while (this.running) await this.running;
  }

  /** One tile's bytes (Mapbox Vector Tile; empty when nothing is there). */
  async tile(z: number, x: number, y: number): Promise<ArrayBuffer> {
    if (!this.worker) return new ArrayBuffer(0);
    return (await this.call({ kind: 'tile', seq: 0, z, x, y })).tile ?? new ArrayBuffer(0);
  }

  destroy() {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(m: TilesRequest, transfer: Transferable[] = []) {
    this.worker ??= this.start();
    this.worker.postMessage(m, transfer);
  }

  private call(m: TilesRequest, transfer: Transferable[] = []): Promise<TilesReply> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.replies.set(seq, resolve);
      this.send({ ...m, seq } as TilesRequest, transfer);
    });
  }

  private start(): Worker {
    const w = new Worker(new URL('./tiles.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<TilesReply>) => {
      const r = this.replies.get(e.data.seq);
      this.replies.delete(e.data.seq);
      r?.(e.data);
    };
    return w;
  }

  private async run(): Promise<void> {
    while (this.synced !== this.want) {
      // Not in the caller's task (a Svelte effect): the diff of 45,000 ids takes tens of ms.
      await yieldToMain();
      const want = this.want;
      const { remove, add } = tilesDiff(this.onMap, want);
      const flats = (items: readonly (T | undefined)[]) => items.flatMap((t) => (t && this.flat(t)) || []);
      if (remove.length === 0 && add.length === 0) {
        this.synced = want;
        continue;
      }
      let added = 0;
      if (remove.length + add.length <= DIFF_MAX_FEATURES) for (const f of flats(add)) if ((added += positions(f.geometry)) > DIFF_MAX_POSITIONS) break;
      if (remove.length + add.length <= DIFF_MAX_FEATURES && added <= DIFF_MAX_POSITIONS) {
        const boxes: Bbox[] = [];
        for (const f of flats([...remove.map((id) => this.onMap.get(id)), ...add, ...add.map((f) => this.onMap.get(f.properties.id))])) {
          const b = positionsBbox([f.geometry]);
          if (b) boxes.push(b);
        }
        const p = pack(flats(add));
        await this.call({ kind: 'diff', seq: 0, remove, ...p }, [p.shape.buffer, p.coords.buffer]);
        for (const id of remove) this.onMap.delete(id);
        for (const f of add) this.onMap.set(f.properties.id, f);
        this.synced = want;
        this.changed(tilesCovering(boxes));
        continue;
      }
      // The file staged while it was listed: keep the index the worker built meanwhile.
      if (this.staged && this.isStaged(want)) {
        const { gen } = this.staged;
        this.staged = null;
        if ((await this.call({ kind: 'commit-staged', seq: 0, gen })).ok) {
          this.onMap = new Map(want.map((f) => [f.properties.id, f]));
          this.synced = want;
          this.changed(null);
          continue;
        }
      }
      this.staged = null;
      // The whole set, a chunk per task; a newer set meanwhile starts over (nothing is committed).
      const gen = ++this.gen;
      let stale = false;
      for (let i = 0; i < want.length; i += PUT_FEATURES) {
        if (i > 0) await yieldToMain();
        if (this.want !== want) {
          stale = true;
          break;
        }
        const p = pack(flats(want.slice(i, i + PUT_FEATURES)));
        this.send({ kind: 'put', gen, ...p }, [p.shape.buffer, p.coords.buffer]);
      }
      if (stale) continue;
      await this.call({ kind: 'commit', seq: 0, gen });
      this.onMap = new Map(want.map((f) => [f.properties.id, f]));
      this.synced = want;
      this.changed(null);
    }
  }
}
