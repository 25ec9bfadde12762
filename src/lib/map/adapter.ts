/**
 * The one place that talks to MapLibre (the only importer of `maplibre-gl`). One map instance lives
 * for the app's whole life; state reaches it through `update()`, which compares with what was
 * applied last and touches the map only for what changed (so two-way camera state never loops).
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FilterSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  atlasLayers,
  atlasSources,
  buildEmbeddedStyle,
  CROSSHATCH_IMAGE,
  HATCH_IMAGE,
  sourceId,
  LAYER_GROUP_OF,
  layerId,
  pointLayerFilters,
  selectionFilters,
  zoneLayerFilters,
} from './style';
import type { FlatCollection, MapSources } from './features';
import { labelFontFaces } from './fonts';
import { maplibreLocale, type Lang } from '../i18n';
import type { LayerGroup } from '../url/codec';
import type { LayerId } from './zorder';

// MapLibre 6 computes its worker URL at run time, so Vite would not emit it: hand it over explicitly.
maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);

export type Bbox = [number, number, number, number];

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Everything the map shows that depends on app state. */
export interface MapView {
  lang: Lang;
  visibleZones: readonly string[];
  visiblePoints: readonly string[];
  layerGroups: readonly LayerGroup[];
  /** Highlighted feature per kind (zone-version id, point id, station id). */
  selected: { zone?: string; point?: string; station?: string };
}

export interface MapAdapterOptions {
  container: HTMLElement;
  sources: MapSources;
  view: MapView;
  /** Area the camera may not leave, [w, s, e, n]. */
  maxBounds: Bbox;
  /** Initial view: the district's bbox unless a camera is given. */
  initialBounds: Bbox;
  camera?: Camera | null;
  /** External MapLibre style URL (may use `pmtiles://` sources); the overlay stays on top. */
  basemapUrl?: string;
  onIdle?: () => void;
  onCamera?: (camera: Camera) => void;
  onClickFeature?: (hit: { source: 'zones' | 'points' | 'context'; id: string } | null) => void;
  onBasemapError?: (message: string) => void;
  onContextLost?: (lost: boolean) => void;
}

/** 16×16 diagonal hatch (schematic and estimated geometry), or cross-hatch (audit overlaps). */
function hatchImage(cross = false): { width: number; height: number; data: Uint8Array } {
  const size = 16;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (cross && (x - y + 16) % 8 < 2) data.set([127, 29, 29, 230], (y * size + x) * 4);
      else if ((x + y) % 8 < 2) data.set(cross ? [127, 29, 29, 230] : [55, 65, 81, 200], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export class MapAdapter {
  readonly map: maplibregl.Map;
  private controls: maplibregl.IControl[] = [];
  private applied: MapView;
  private basemapFailed = false;
  /** How often the WebGL context was restored (test surface). */
  contextRestores = 0;

  constructor(private readonly opts: MapAdapterOptions) {
    this.applied = opts.view;
    const embedded = this.embeddedStyle();
    if (opts.basemapUrl) void this.registerPmtiles();
    const cam = opts.camera;
    this.map = new maplibregl.Map({
      container: opts.container,
      style: opts.basemapUrl ?? (embedded as maplibregl.StyleSpecification),
      ...(cam ? { center: cam.center, zoom: cam.zoom, bearing: cam.bearing, pitch: cam.pitch } : { bounds: opts.initialBounds }),
      fitBoundsOptions: { padding: 24 },
      maxBounds: opts.maxBounds,
      attributionControl: false,
      locale: maplibreLocale(opts.view.lang),
      globalState: { lang: opts.view.lang },
      maplibreLogo: false,
      // Keeps the last frame readable for the site-card export (toDataURL).
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.addControls(opts.view.lang);
    this.map.on('style.load', () => this.onStyleLoad());
    this.map.on('styleimagemissing', () => this.addImages());
    this.map.on('idle', () => opts.onIdle?.());
    // WebGL context loss (GPU reset, too many contexts): MapLibre rebuilds on restore; the app
    // shows a notice meanwhile and counts recoveries for the kiosk's logs.
    const canvas = this.map.getCanvas();
    canvas.addEventListener('webglcontextlost', () => opts.onContextLost?.(true));
    canvas.addEventListener('webglcontextrestored', () => {
      this.contextRestores++;
      opts.onContextLost?.(false);
      this.map.triggerRepaint();
    });
    this.map.on('moveend', () => opts.onCamera?.(this.camera()));
    this.map.on('error', (e) => {
      // A broken external basemap falls back to the embedded one instead of a blank map.
      if (opts.basemapUrl && !this.basemapFailed && !this.map.isStyleLoaded()) {
        this.basemapFailed = true;
        opts.onBasemapError?.(String(e.error?.message ?? e.error));
        this.map.setStyle(this.embeddedStyle() as maplibregl.StyleSpecification);
      }
    });
    this.map.on('click', (e) => {
      const layers = [layerId('points-circle'), layerId('metro-station'), layerId('zones-fill')].filter((l) => this.map.getLayer(l));
      const hit = this.map.queryRenderedFeatures(e.point, { layers })[0];
      const id = hit?.properties?.id;
      const source = hit?.layer.id === layerId('points-circle') ? 'points' : hit?.layer.id === layerId('metro-station') ? 'context' : 'zones';
      opts.onClickFeature?.(typeof id === 'string' ? { source, id } : null);
    });
    for (const l of ['zones-fill', 'points-circle', 'metro-station'] as const) {
      this.map.on('mouseenter', layerId(l), () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layerId(l), () => (this.map.getCanvas().style.cursor = ''));
    }
  }

  private embeddedStyle(): StyleSpecification {
    const v = this.applied;
    return buildEmbeddedStyle({
      sources: this.opts.sources,
      lang: v.lang,
      visibleZones: v.visibleZones,
      visiblePoints: v.visiblePoints,
      layerGroups: v.layerGroups,
      fontFaces: labelFontFaces(),
    });
  }

  private async registerPmtiles() {
    const { Protocol } = await import('pmtiles');
    maplibregl.addProtocol('pmtiles', new Protocol().tile);
  }

  private addImages() {
    if (!this.map.hasImage(HATCH_IMAGE)) this.map.addImage(HATCH_IMAGE, hatchImage());
    if (!this.map.hasImage(CROSSHATCH_IMAGE)) this.map.addImage(CROSSHATCH_IMAGE, hatchImage(true));
  }

  private onStyleLoad() {
    this.addImages();
    // External basemap: add the Atlas overlay on top of whatever the style drew.
    if (this.opts.basemapUrl && !this.basemapFailed && !this.map.getSource('atlas-zones')) {
      this.map.setFontFaces({ ...(this.map.getFontFaces() ?? {}), ...labelFontFaces() });
      this.map.setGlobalStateProperty('lang', this.applied.lang);
      for (const [id, src] of Object.entries(atlasSources(this.opts.sources))) this.map.addSource(id, src as maplibregl.SourceSpecification);
      for (const layer of atlasLayers(this.applied, true)) this.map.addLayer(layer as maplibregl.LayerSpecification);
    }
    this.applySelection(this.applied.selected);
  }

  private addControls(lang: Lang) {
    for (const c of this.controls) this.map.removeControl(c);
    Object.assign(this.map._locale, maplibreLocale(lang));
    this.controls = [
      new maplibregl.NavigationControl({ visualizePitch: true }),
      new maplibregl.FullscreenControl(),
      new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }),
      new maplibregl.AttributionControl({ compact: false }),
    ];
    const [nav, full, scale, attr] = this.controls;
    this.map.addControl(nav!, 'top-right');
    this.map.addControl(full!, 'top-right');
    this.map.addControl(scale!, 'bottom-left');
    this.map.addControl(attr!, 'bottom-right');
  }

  private setFilters(filters: Partial<Record<LayerId, FilterSpecification>>) {
    for (const [id, filter] of Object.entries(filters)) {
      const lid = layerId(id as LayerId);
      if (this.map.getLayer(lid)) this.map.setFilter(lid, filter as maplibregl.FilterSpecification);
    }
  }

  private applySelection(sel: MapView['selected']) {
    this.setFilters(selectionFilters(sel));
  }

  /** Applies the parts of the view that changed since the last call. */
  update(view: MapView) {
    const prev = this.applied;
    this.applied = view;
    if (view.lang !== prev.lang) {
      this.map.setGlobalStateProperty('lang', view.lang);
      this.addControls(view.lang);
    }
    if (!same(view.visibleZones, prev.visibleZones)) this.setFilters(zoneLayerFilters(view.visibleZones));
    if (!same(view.visiblePoints, prev.visiblePoints)) this.setFilters(pointLayerFilters(view.visiblePoints));
    if (!same(view.layerGroups, prev.layerGroups)) {
      for (const [id, group] of Object.entries(LAYER_GROUP_OF)) {
        const lid = layerId(id as LayerId);
        if (this.map.getLayer(lid)) this.map.setLayoutProperty(lid, 'visibility', view.layerGroups.includes(group) ? 'visible' : 'none');
      }
    }
    const s = view.selected;
    const p = prev.selected;
    if (s.zone !== p.zone || s.point !== p.point || s.station !== p.station) this.applySelection(s);
  }

  /** Replaces the zones (e.g. with a user's proposals added) and their labels. */
  setZones(zones: FlatCollection, labels: FlatCollection['features']) {
    (this.map.getSource(sourceId('zones')) as maplibregl.GeoJSONSource | undefined)?.setData(zones);
    const keep = this.opts.sources.labels.features.filter((f) => f.properties.role !== 'zone');
    (this.map.getSource(sourceId('labels')) as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: [...labels, ...keep] });
  }

  /** Overlaps and expansion deltas from the audit (null clears them). */
  setAuditGeometry(fc: GeoJSON.FeatureCollection | null) {
    const src = this.map.getSource(sourceId('audit')) as maplibregl.GeoJSONSource | undefined;
    src?.setData(fc ?? { type: 'FeatureCollection', features: [] });
  }

  /** Frames a box or a point (respects reduced motion: MapLibre jumps unless `essential`). */
  frame(target: { bbox: Bbox } | { point: [number, number]; zoom?: number }, reducedMotion = false, pad?: { top: number; right: number; bottom: number; left: number }) {
    const duration = reducedMotion ? 0 : 800;
    // Leave room for the place card, which covers the map's left edge on wide screens.
    const wide = this.map.getContainer().clientWidth > 900;
    const padding = pad ?? { top: 60, bottom: 60, left: wide ? 400 : 60, right: 60 };
    // End any gesture MapLibre still believes is running (seen: a drag released over a panel left
    // the map "moving", and every later fitBounds was cancelled at once — a kiosk stuck off its
    // opening view after an idle reset).
    this.map.stop();
    if ('bbox' in target) this.map.fitBounds(target.bbox, { padding, maxZoom: 15.5, duration });
    else this.map.flyTo({ center: target.point, zoom: Math.max(this.map.getZoom(), target.zoom ?? 14), duration, ...(pad && { padding: pad }) });
  }

  jumpTo(c: Camera) {
    this.map.jumpTo({ center: c.center, zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });
  }

  camera(): Camera {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom(), bearing: this.map.getBearing(), pitch: this.map.getPitch() };
  }

  /** Ids of the style's layers in drawing order (test surface). */
  layerIds(): string[] {
    return this.map.getStyle()?.layers.map((l) => l.id) ?? [];
  }

  /** Ids of the features of a layer rendered in the current view (test surface). */
  renderedIds(layer: string): string[] {
    if (!this.map.getLayer(layer)) return [];
    const ids = this.map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties?.id));
    return [...new Set(ids)];
  }

  /** Resolves when the map has nothing left to load or animate (test surface; no sleeping). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.isMoving() && this.map.areTilesLoaded()) requestAnimationFrame(() => resolve());
      else this.map.once('idle', () => resolve());
    });
  }

  /** The style's global state (e.g. the label language), test surface. */
  globalState(): Record<string, unknown> {
    return this.map.getGlobalState();
  }

  /** Number of sources and layers in the style (kiosk soak: must not grow). */
  counts(): { sources: number; layers: number } {
    const s = this.map.getStyle();
    return { sources: Object.keys(s?.sources ?? {}).length, layers: s?.layers.length ?? 0 };
  }

  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  style(): StyleSpecification | undefined {
    return this.map.getStyle() as StyleSpecification | undefined;
  }

  destroy() {
    this.map.remove();
  }
}
