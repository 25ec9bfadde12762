// The floor for drawing a planner's big file (`npm run bench`, import section; issue #17): MapLibre
// alone with the Atlas's embedded style and data, given the same FeatureCollection the Atlas draws
// (the Atlas's zones plus the file's polygons as the flat features of its zones layers, drawn with
// the same filters) in ONE `setData`, then waiting until it is idle with its tiles loaded. No
// Svelte, no panels, no checks. The map has the size and camera the Atlas's map had once it had
// drawn the file (`?w=&h=&c=lon,lat,zoom`), so both load the same tiles.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { loadBundledData } from '../src/lib/data/bundled';
import { buildEmbeddedStyle, layerId, sourceId, zoneLayerFilters } from '../src/lib/map/style';
import { LABELLED_PROPOSALS, toMapSources, zoneCollection } from '../src/lib/map/features';
import { labelFontFaces } from '../src/lib/map/fonts';
import { parseUserZones } from '../src/lib/data/userfile';
import type { LayerId } from '../src/lib/map/zorder';

maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
const q = new URLSearchParams(location.search);
const [lon, lat, zoom] = (q.get('c') ?? '116.19,39.92,12').split(',').map(Number);
const el = document.getElementById('map')!;
el.style.width = `${Number(q.get('w') ?? 1280)}px`;
el.style.height = `${Number(q.get('h') ?? 800)}px`;

const { data } = await loadBundledData();
const sources = toMapSources(data);
const visibleZones = data.zones.filter((z) => z.properties.current).map((z) => z.properties.id);
const style = buildEmbeddedStyle({ sources, lang: 'zh', visibleZones, visiblePoints: data.points.filter((p) => p.geometry).map((p) => p.properties.id), fontFaces: labelFontFaces() });
const map = new maplibregl.Map({ container: el, style: style as maplibregl.StyleSpecification, center: [lon!, lat!], zoom: zoom!, attributionControl: false });
map.on('styleimagemissing', (e) => {
  if (!map.hasImage(e.id)) map.addImage(e.id, { width: 1, height: 1, data: new Uint8Array(4) });
});

export interface FloorResult {
  /** File read, parsed and turned into the flat features (not part of the floor). */
  prepare_ms: number;
  /** `setData` → idle with every tile loaded: the floor. */
  draw_ms: number;
}
const w = window as unknown as { __floorReady?: boolean; __floor?: FloorResult };
map.once('idle', () => (w.__floorReady = true));

document.getElementById('file')!.addEventListener('change', async (e) => {
  const file = (e.target as HTMLInputElement).files![0]!;
  const t0 = performance.now();
  const parsed = parseUserZones(await file.text(), file.name);
  const fc = zoneCollection([...data.zones, ...parsed.zones], (z) => z.properties.id.startsWith('file-'));
  // The Atlas's filters for a file of this size: every proposal drawn, outlines from zoom 14 when many.
  for (const [id, f] of Object.entries(zoneLayerFilters(visibleZones, true, parsed.zones.length > LABELLED_PROPOSALS)))
    if (map.getLayer(layerId(id as LayerId))) map.setFilter(layerId(id as LayerId), f as maplibregl.FilterSpecification);
  const t1 = performance.now();
  (map.getSource(sourceId('zones')) as maplibregl.GeoJSONSource).setData(fc);
  await new Promise<void>((resolve) => {
    const check = () => (map.loaded() && map.areTilesLoaded() && !map.isMoving() ? resolve() : map.once('idle', check));
    map.once('idle', check);
  });
  w.__floor = { prepare_ms: t1 - t0, draw_ms: performance.now() - t1 };
});
