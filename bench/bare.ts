// Baseline for `npm run bench`: MapLibre alone with the Atlas's embedded style and data, and
// nothing else (no Svelte, no validation, no panels). The Atlas's cost is measured against this.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import districts from '../geodata/districts.geojson?raw';
import context from '../geodata/context.geojson?raw';
import zones from '../geodata/zones.geojson?raw';
import points from '../geodata/points.geojson?raw';
import { buildEmbeddedStyle } from '../src/lib/map/style';
import { toMapSources } from '../src/lib/map/features';
import { labelFontFaces } from '../src/lib/map/fonts';
import type { AtlasData } from '../src/lib/data/load';

maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
const fc = (s: string) => JSON.parse(s).features;
// Unvalidated on purpose: the baseline skips the Atlas's start-up checks.
const data = { districts: fc(districts), context: fc(context), zones: fc(zones), points: fc(points), claims: [], sources: [] } as unknown as AtlasData;
const sources = toMapSources(data);
const style = buildEmbeddedStyle({
  sources,
  lang: 'zh',
  visibleZones: data.zones.filter((z) => z.properties.current).map((z) => z.properties.id),
  visiblePoints: data.points.filter((p) => p.geometry).map((p) => p.properties.id),
  fontFaces: labelFontFaces(),
});
const map = new maplibregl.Map({ container: 'map', style: style as maplibregl.StyleSpecification, bounds: [116.07, 39.87, 116.27, 39.99], attributionControl: false });
map.on('styleimagemissing', (e) => {
  if (!map.hasImage(e.id)) map.addImage(e.id, { width: 1, height: 1, data: new Uint8Array(4) });
});
map.once('idle', () => ((window as unknown as { __bareReady: boolean }).__bareReady = true));
