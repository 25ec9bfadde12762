/// <reference lib="webworker" />
// Cuts the planner's proposals into vector tiles (see tileset.ts): one geojson-vt index, built once
// per whole set and updated by small diffs; each tile encoded as a Mapbox Vector Tile and
// transferred to the main thread, which hands it to MapLibre.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { GeometryReader } from '../import/packed';
import { flatZone, type FlatProps } from './features';
import type { ProposalFeature } from '../data/userfile';
import { GEOJSON_VT_OPTIONS, PROPOSALS_SOURCE_LAYER, TILE_EXTENT, type TilesReply, type TilesRequest } from './tileset';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
let index = new GeoJSONVT(EMPTY, { ...GEOJSON_VT_OPTIONS });
/** The features `index` holds (a staged file is indexed together with them). */
let current: Feature[] = [];
/** The set being sent (`put` messages of one generation), indexed on `commit`. */
let staging: { gen: number; features: Feature[] } | null = null;
/** A file's proposals being received (`stage`, `stage-text`). */
let incoming: { gen: number; geometries: GeometryReader; features: Feature[] } | null = null;
/** A file's proposals indexed with `current` while the main thread lists them (`stage-end`). */
let staged: { gen: number; index: GeoJSONVT; features: Feature[] } | null = null;
const build = (features: Feature[]) => new GeoJSONVT({ type: 'FeatureCollection', features }, { ...GEOJSON_VT_OPTIONS });

const post = (m: TilesReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function read(shape: Int32Array, coords: Float64Array, props: string): Feature[] {
  const geometries = new GeometryReader({ shape, coords });
  return (JSON.parse(props) as FlatProps[]).map((p) => ({ type: 'Feature', properties: p, geometry: geometries.next() }) as Feature);
}

self.onmessage = (e: MessageEvent<TilesRequest>) => {
  const m = e.data;
  if (m.kind === 'put') {
    if (staging?.gen !== m.gen) staging = { gen: m.gen, features: [] };
    for (const f of read(m.shape, m.coords, m.props)) staging.features.push(f);
  } else if (m.kind === 'commit') {
    current = staging?.gen === m.gen ? staging.features : [];
    staging = null;
    staged = null;
    index = build(current);
    post({ seq: m.seq });
  } else if (m.kind === 'stage') {
    incoming = { gen: m.gen, geometries: new GeometryReader({ shape: m.shape, coords: m.coords }), features: [...current] };
  } else if (m.kind === 'stage-text') {
    // The same flat features the main thread would make (flatZone is pure), from the same text.
    if (incoming?.gen !== m.gen) return;
    for (const z of JSON.parse(m.json) as ProposalFeature[]) {
      z.geometry = incoming.geometries.next();
      const f = flatZone(z, true);
      if (f) incoming.features.push(f as Feature);
    }
  } else if (m.kind === 'stage-end') {
    if (incoming?.gen === m.gen) staged = { gen: m.gen, index: build(incoming.features), features: incoming.features };
    incoming = null;
  } else if (m.kind === 'commit-staged') {
    const ok = staged?.gen === m.gen;
    if (ok) ({ index, features: current } = staged!);
    staged = null;
    post({ seq: m.seq, ok });
  } else if (m.kind === 'diff') {
    const add = read(m.shape, m.coords, m.props);
    index.updateData({ remove: m.remove, add });
    const gone = new Set([...m.remove, ...add.map((f) => String(f.properties!.id))]);
    current = [...current.filter((f) => !gone.has(String(f.properties!.id))), ...add];
    staged = null;
    post({ seq: m.seq });
  } else {
    const t = index.getTile(m.z, m.x, m.y);
    if (!t || t.features.length === 0) return post({ seq: m.seq, tile: new ArrayBuffer(0) });
    const bytes = fromGeojsonVt({ [PROPOSALS_SOURCE_LAYER]: t }, { version: 2, extent: TILE_EXTENT });
    const tile = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
    post({ seq: m.seq, tile }, [tile]);
  }
};
