/**
 * The one place that talks to MapLibre (the only importer of `maplibre-gl`). One map instance lives
 * for the app's whole life; state changes reach it through small methods that are cheap to call
 * repeatedly (each checks what actually changed).
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { atlasLayers, atlasSources, buildEmbeddedStyle, HATCH_IMAGE, layerId, zoneLayerFilters } from './style';
import type { LayerId } from './zorder';
import type { MapSources } from './features';
import { labelFontFaces } from './fonts';
import { maplibreLocale, type Lang } from '../i18n';

// MapLibre 6 computes its worker URL at run time, so Vite would not emit it: hand it over explicitly.
maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);

export type Bbox = [number, number, number, number];

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface MapAdapterOptions {
  container: HTMLElement;
  sources: MapSources;
  lang: Lang;
  /** Zone-version ids drawn initially. */
  visibleZones: readonly string[];
  /** Area the camera may not leave, [w, s, e, n]. */
  maxBounds: Bbox;
  /** Initial view: the district's bbox unless a camera is given. */
  initialBounds: Bbox;
  camera?: Camera;
  /** External MapLibre style URL (may use `pmtiles://` sources); the overlay stays on top. */
  basemapUrl?: string;
  onIdle?: () => void;
  onCamera?: (camera: Camera) => void;
  onClickFeature?: (hit: { layer: string; id: string } | null) => void;
  onBasemapError?: (message: string) => void;
}

/** 16×16 diagonal hatch, drawn for schematic and estimated geometry. */
function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 16;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % 8 < 2;
      const i = (y * size + x) * 4;
      data.set(onLine ? [55, 65, 81, 200] : [0, 0, 0, 0], i);
    }
  return { width: size, height: size, data };
}

export class MapAdapter {
  readonly map: maplibregl.Map;
  private lang: Lang;
  private controls: maplibregl.IControl[] = [];
  private sources: MapSources;
  private basemapFailed = false;
  private visibleZones: readonly string[];

  constructor(private readonly opts: MapAdapterOptions) {
    this.lang = opts.lang;
    this.sources = opts.sources;
    const embedded = buildEmbeddedStyle({ sources: opts.sources, lang: opts.lang, visibleZones: opts.visibleZones, fontFaces: labelFontFaces() });
    this.visibleZones = opts.visibleZones;
    if (opts.basemapUrl?.includes('pmtiles://') || opts.basemapUrl?.endsWith('.pmtiles')) void this.registerPmtiles();
    this.map = new maplibregl.Map({
      container: opts.container,
      style: opts.basemapUrl ?? (embedded as maplibregl.StyleSpecification),
      bounds: opts.camera ? undefined : opts.initialBounds,
      fitBoundsOptions: { padding: 24 },
      center: opts.camera?.center,
      zoom: opts.camera?.zoom,
      bearing: opts.camera?.bearing ?? 0,
      pitch: opts.camera?.pitch ?? 0,
      maxBounds: opts.maxBounds,
      attributionControl: false,
      locale: maplibreLocale(opts.lang),
      globalState: { lang: opts.lang },
      // Offline: no map-feedback link, no telemetry, no external requests of MapLibre's own.
      maplibreLogo: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.addControls();
    this.map.on('style.load', () => this.onStyleLoad());
    this.map.on('styleimagemissing', (e) => {
      if (e.id === HATCH_IMAGE && !this.map.hasImage(HATCH_IMAGE)) this.map.addImage(HATCH_IMAGE, hatchImage());
    });
    this.map.on('idle', () => opts.onIdle?.());
    this.map.on('moveend', () => opts.onCamera?.(this.camera()));
    this.map.on('error', (e) => {
      // A broken external basemap falls back to the embedded one instead of a blank map.
      if (opts.basemapUrl && !this.basemapFailed && !this.map.isStyleLoaded()) {
        this.basemapFailed = true;
        opts.onBasemapError?.(String(e.error?.message ?? e.error));
        this.map.setStyle(embedded as maplibregl.StyleSpecification);
      }
    });
    this.map.on('click', (e) => {
      const layers = [layerId('points-circle'), layerId('zones-fill')].filter((l) => this.map.getLayer(l));
      const hit = this.map.queryRenderedFeatures(e.point, { layers })[0];
      const id = hit?.properties?.id;
      opts.onClickFeature?.(typeof id === 'string' && hit ? { layer: hit.layer.id, id } : null);
    });
  }

  private async registerPmtiles() {
    const { Protocol } = await import('pmtiles');
    maplibregl.addProtocol('pmtiles', new Protocol().tile);
  }

  private onStyleLoad() {
    if (!this.map.hasImage(HATCH_IMAGE)) this.map.addImage(HATCH_IMAGE, hatchImage());
    // External basemap: add the Atlas overlay on top of whatever the style drew.
    if (this.opts.basemapUrl && !this.basemapFailed && !this.map.getSource('atlas-zones')) {
      const faces = labelFontFaces();
      this.map.setFontFaces({ ...(this.map.getFontFaces() ?? {}), ...faces });
      this.map.setGlobalStateProperty('lang', this.lang);
      for (const [id, src] of Object.entries(atlasSources(this.sources))) this.map.addSource(id, src as maplibregl.SourceSpecification);
      for (const layer of atlasLayers(this.visibleZones, true)) this.map.addLayer(layer as maplibregl.LayerSpecification);
    }
  }

  private addControls() {
    for (const c of this.controls) this.map.removeControl(c);
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

  /** Switches labels (global state) and MapLibre's own control strings. */
  setLanguage(lang: Lang) {
    if (lang === this.lang) return;
    this.lang = lang;
    this.map.setGlobalStateProperty('lang', lang);
    Object.assign(this.map._locale, maplibreLocale(lang));
    this.addControls();
  }

  /** Shows one version per zone (ids of zone versions). */
  setVisibleZones(ids: readonly string[]) {
    if (ids.length === this.visibleZones.length && ids.every((id, i) => id === this.visibleZones[i])) return;
    this.visibleZones = ids;
    if (!this.map.isStyleLoaded() && !this.map.getLayer(layerId('zones-fill'))) return;
    for (const [id, filter] of Object.entries(zoneLayerFilters(ids))) {
      const lid = layerId(id as LayerId);
      if (this.map.getLayer(lid)) this.map.setFilter(lid, filter as maplibregl.FilterSpecification);
    }
  }

  camera(): Camera {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom(), bearing: this.map.getBearing(), pitch: this.map.getPitch() };
  }

  /** Ids of the style's layers in drawing order (test surface). */
  layerIds(): string[] {
    return this.map.getStyle()?.layers.map((l) => l.id) ?? [];
  }

  /** Ids of the features of one source that are rendered in the current view (test surface). */
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

  style(): StyleSpecification | undefined {
    return this.map.getStyle() as StyleSpecification | undefined;
  }

  destroy() {
    this.map.remove();
  }
}
