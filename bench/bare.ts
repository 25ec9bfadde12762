// Baseline for `npm run bench`: MapLibre alone with the Atlas's embedded style, its data (the same
// build-time validated file) and its label font (the same subset file), and nothing else (no
// Svelte, no panels). The Atlas's cost is measured against this. The bench opens it with the map's
// place, size and camera as the Atlas's first screen had them (`?x=&y=&w=&h=&c=lon,lat,zoom`, read
// from a warm-up load of the Atlas), so both pages draw the same tiles on the same number of pixels.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { loadBundledData } from '../src/lib/data/bundled';
import { buildEmbeddedStyle } from '../src/lib/map/style';
import { toMapSources } from '../src/lib/map/features';
import { labelFontFaces } from '../src/lib/map/fonts';

maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
const q = new URLSearchParams(location.search);
const el = document.getElementById('map')!;
const px = (name: string) => (q.has(name) ? `${Number(q.get(name))}px` : '');
Object.assign(el.style, { left: px('x'), top: px('y'), width: px('w'), height: px('h') });
const [lon, lat, zoom] = (q.get('c') ?? '').split(',').map(Number);
const camera = q.has('c') ? { center: [lon!, lat!] as [number, number], zoom: zoom! } : { bounds: [116.07, 39.87, 116.27, 39.99] as [number, number, number, number] };
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
const map = new maplibregl.Map({ container: el, style: style as maplibregl.StyleSpecification, ...camera, attributionControl: false });
map.on('styleimagemissing', (e) => {
  if (!map.hasImage(e.id)) map.addImage(e.id, { width: 1, height: 1, data: new Uint8Array(4) });
});
map.once('idle', () => {
  performance.mark('bare:map-idle');
  requestAnimationFrame(() => performance.mark('bare:map-idle-frame'));
  (window as unknown as { __bareReady: boolean }).__bareReady = true;
});
