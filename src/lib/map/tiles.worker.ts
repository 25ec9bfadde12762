/// <reference lib="webworker" />
// Cuts the planner's proposals into vector tiles (see tileset.ts): one geojson-vt index, built once
// per whole set and updated by small diffs; each tile encoded as a Mapbox Vector Tile and
// transferred to the main thread, which hands it to MapLibre.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { GeometryReader } from '../import/packed';
import type { FlatProps } from './features';
import { GEOJSON_VT_OPTIONS, PROPOSALS_SOURCE_LAYER, TILE_EXTENT, type TilesReply, type TilesRequest } from './tileset';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
let index = new GeoJSONVT(EMPTY, { ...GEOJSON_VT_OPTIONS });
/** The set being sent (`put` messages of one generation), indexed on `commit`. */
let staging: { gen: number; features: Feature[] } | null = null;

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
    const features = staging?.gen === m.gen ? staging.features : [];
    staging = null;
    index = new GeoJSONVT({ type: 'FeatureCollection', features }, { ...GEOJSON_VT_OPTIONS });
    post({ seq: m.seq });
  } else if (m.kind === 'diff') {
    index.updateData({ remove: m.remove, add: read(m.shape, m.coords, m.props) });
    post({ seq: m.seq });
  } else {
    const t = index.getTile(m.z, m.x, m.y);
    if (!t || t.features.length === 0) return post({ seq: m.seq, tile: new ArrayBuffer(0) });
    const bytes = fromGeojsonVt({ [PROPOSALS_SOURCE_LAYER]: t }, { version: 2, extent: TILE_EXTENT });
    const tile = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
    post({ seq: m.seq, tile }, [tile]);
  }
};
