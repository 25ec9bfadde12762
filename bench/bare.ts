// Baseline for `npm run bench`: MapLibre alone with the Atlas's embedded style, its data (the same
// build-time validated file) and its label font (the same subset file), and nothing else (no
// Svelte, no panels). The Atlas's cost is measured against this.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { loadBundledData } from '../src/lib/data/bundled';
import { buildEmbeddedStyle } from '../src/lib/map/style';
import { toMapSources } from '../src/lib/map/features';
import { labelFontFaces } from '../src/lib/map/fonts';

maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
// The same data file, fetched the same way as the Atlas does (src/main.ts).
const { data } = await loadBundledData();
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
