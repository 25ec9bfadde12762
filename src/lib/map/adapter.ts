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
  PROPOSAL_LAYERS,
  selectionFilters,
  hoverFilters,
  refFilters,
  zoneLayerFilters,
  type RefHighlight,
} from './style';
import { fc, flatZoneOf, type FlatCollection, type MapSources } from './features';
import type { ZoneFeature } from '../data/schema';
import { PROPOSALS_SCHEME } from './tileset';
import type { ProposalTiles, TilesChanged } from './tiles';
import type { ProposalBatch } from '../import/proposals';
import { labelFontFaces, loadSharedFont, onLabelFontsChange, SHARED_FONT_SCHEME } from './fonts';
import { maplibreLocale, type Lang } from '../i18n';
import type { LayerGroup } from '../url/codec';
import type { LayerId } from './zorder';
import type { PointerHits } from './pick';
import { framePadding, type Padding } from './cover';
export type { Padding };
import type { DrawCallbacks, DrawController } from './draw';

// MapLibre 6 computes its worker URL at run time, so Vite would not emit it: hand it over explicitly.
maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
// Start the worker (fetch, compile) now, while the app evaluates and mounts, instead of when the
// map is created: it is on the path to the first frame.
maplibregl.prewarm();
// The label font's bytes come from the page's one download of it (fonts.ts), not a second request.
maplibregl.addProtocol(SHARED_FONT_SCHEME, async (params) => ({ data: await loadSharedFont(params.url) }));
/** The style's `font-faces`, the subset read through the shared download. */
const fontFaces = () => labelFontFaces(document.baseURI, true);

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
  /** Every proposal passes the filters: drawn by their `proposal` flag, not listed in `visibleZones`. */
  allProposals?: boolean;
  /** So many proposals are open that their outlines wait for a closer zoom (style.ts, BULK_OUTLINE_MINZOOM). */
  bulkProposals?: boolean;
  /** Highlighted feature per kind (zone-version id, point id, station id). */
  selected: { zone?: string; point?: string; station?: string };
  /** Streets, junctions and stations the card's "Why here" points at (issue #16). */
  refs: RefHighlight;
}

/** Where the pointer is and which point-like features are under it (see `pick.ts`). */
export interface PointerEvent_ {
  kind: 'click' | 'hover' | 'leave';
  lngLat: [number, number];
  /** Pixels from the map container's top-left corner. */
  x: number;
  y: number;
  hits: PointerHits;
}

/** Highlighted feature under the pointer (zone-version id, point id or station id). */
export interface HoverTarget {
  zone?: string;
  point?: string;
  station?: string;
}

/** Space the map keeps free around a framed target (px), e.g. for a card over its side. */

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
  /** A click/tap (`click`) or a pointer move (`hover`, at most once per frame) on the map. */
  onPointer?: (e: PointerEvent_) => void;
  onBasemapError?: (message: string) => void;
  onContextLost?: (lost: boolean) => void;
  /**
   * The visitor prefers reduced motion (at start-up): labels appear and go without MapLibre's
   * 300 ms cross-fade, so a change of view is drawn once instead of for a fade's worth of frames.
   */
  reducedMotion?: boolean;
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
  private readonly offFonts: () => void;
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
      fadeDuration: opts.reducedMotion ? 0 : 300,
    });
    // The controls join in the map's first frame, after MapLibre has read its style and sent the
    // data to its worker (this callback is queued behind the map's own): not on the path to the first tiles.
    requestAnimationFrame(() => {
      if (!this.destroyed && this.controls.length === 0) this.addControls(this.applied.lang);
    });
    // The proposals' vector tiles (tileset.ts): asked for only while their layers are shown.
    maplibregl.addProtocol(PROPOSALS_SCHEME, async (params) => {
      const [z, x, y] = params.url.slice(PROPOSALS_SCHEME.length + 3).split('/').map(Number);
      return { data: this.tiles ? await this.tiles.tile(z!, x!, y!) : new ArrayBuffer(0) };
    });
    this.map.on('style.load', () => this.onStyleLoad());
    this.map.on('styleimagemissing', () => this.addImages());
    this.map.on('idle', () => opts.onIdle?.());
    // The first screen is drawn: User Timing marks for `npm run bench`, at MapLibre's first idle
    // event and at the next animation frame (which waits until the browser has drawn that one).
    this.map.once('idle', () => {
      performance.mark('atlas:map-idle');
      requestAnimationFrame(() => performance.mark('atlas:map-idle-frame'));
    });
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
    // Text outside the bundled subset appeared (a user's file): the full font's pieces join the labels.
    this.offFonts = onLabelFontsChange(() => this.map.setFontFaces({ ...(this.map.getFontFaces() ?? {}), ...fontFaces() }));
    this.map.on('error', (e) => {
      // A broken external basemap falls back to the embedded one instead of a blank map.
      if (opts.basemapUrl && !this.basemapFailed && !this.map.isStyleLoaded()) {
        this.basemapFailed = true;
        opts.onBasemapError?.(String(e.error?.message ?? e.error));
        this.map.setStyle(this.embeddedStyle() as maplibregl.StyleSpecification);
      }
    });
    this.map.on('click', (e) => {
      // Touch is coarse: a fingertip covers ≈ 7 mm, so look further around a tap than a click.
      const touch = (e.originalEvent as PointerEvent).pointerType === 'touch' || e.originalEvent.type.startsWith('touch');
      opts.onPointer?.(this.pointerEvent('click', e.point, touch ? 16 : 8));
    });
    let pending: maplibregl.Point | null = null;
    this.map.on('mousemove', (e) => {
      if (!pending) requestAnimationFrame(() => {
        if (pending && this.map.loaded()) opts.onPointer?.(this.pointerEvent('hover', pending, 6));
        pending = null;
      });
      pending = e.point;
    });
    this.map.getCanvasContainer().addEventListener('mouseleave', () => {
      pending = null;
      opts.onPointer?.({ kind: 'leave', lngLat: [0, 0], x: -1, y: -1, hits: { points: [], stations: [], labels: [] } });
    });
  }

  /** Point-like features and zone labels within `r` px of a screen position. */
  private pointerEvent(kind: PointerEvent_['kind'], p: maplibregl.Point, r: number): PointerEvent_ {
    const ll = this.map.unproject(p);
    const present = (l: LayerId) => (this.map.getLayer(layerId(l)) ? [layerId(l)] : []);
    const near = (l: LayerId) => {
      const layers = present(l);
      if (!layers.length) return [];
      const found = this.map.queryRenderedFeatures([[p.x - r, p.y - r], [p.x + r, p.y + r]], { layers });
      const best = new Map<string, number>();
      for (const f of found) {
        const id = f.properties?.id;
        if (typeof id !== 'string' || f.geometry.type !== 'Point') continue;
        const q = this.map.project(f.geometry.coordinates as [number, number]);
        const px = Math.hypot(q.x - p.x, q.y - p.y);
        if (px <= r * 1.5 && px < (best.get(id) ?? Infinity)) best.set(id, px);
      }
      return [...best].map(([id, px]) => ({ id, px }));
    };
    const labelLayers = present('zones-label');
    const labels = labelLayers.length ? this.map.queryRenderedFeatures(p, { layers: labelLayers }).map((f) => String(f.properties?.id)) : [];
    return { kind, lngLat: [ll.lng, ll.lat], x: p.x, y: p.y, hits: { points: near('points-circle'), stations: near('metro-station'), labels } };
  }

  private hovered: HoverTarget = {};
  /** Highlights what the pointer is over and shows the pointer cursor while over something. */
  setHover(h: HoverTarget) {
    const cur = this.hovered;
    this.map.getCanvas().style.cursor = h.zone || h.point || h.station ? 'pointer' : '';
    if (cur.zone === h.zone && cur.point === h.point && cur.station === h.station) return;
    this.hovered = h;
    this.setFilters(hoverFilters(h));
  }

  /** Screen position (px from the container's top-left) of a [lon, lat] (test surface, chooser). */
  project(lngLat: [number, number]): [number, number] {
    const q = this.map.project(lngLat);
    return [q.x, q.y];
  }

  private embeddedStyle(): StyleSpecification {
    const v = this.applied;
    return buildEmbeddedStyle({
      sources: this.opts.sources,
      lang: v.lang,
      visibleZones: v.visibleZones,
      visiblePoints: v.visiblePoints,
      layerGroups: v.layerGroups,
      fontFaces: fontFaces(),
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
      this.map.setFontFaces({ ...(this.map.getFontFaces() ?? {}), ...fontFaces() });
      this.map.setGlobalStateProperty('lang', this.applied.lang);
      for (const [id, src] of Object.entries(atlasSources(this.opts.sources))) this.map.addSource(id, src as maplibregl.SourceSpecification);
      for (const layer of atlasLayers({ ...this.applied, proposals: this.proposalsShown }, true)) this.map.addLayer(layer as maplibregl.LayerSpecification);
    }
    this.previewOnMap = false;
    this.applySelection(this.applied.selected);
    this.setFilters(refFilters(this.applied.refs));
    // A (re)loaded style has the proposal layers as the style builder made them (hidden).
    this.applyVisibility();
    this.applyData();
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
    if (!same(view.visibleZones, prev.visibleZones) || !!view.allProposals !== !!prev.allProposals || !!view.bulkProposals !== !!prev.bulkProposals)
      this.setFilters(zoneLayerFilters(view.visibleZones, view.allProposals, view.bulkProposals));
    if (!same(view.visiblePoints, prev.visiblePoints)) this.setFilters(pointLayerFilters(view.visiblePoints));
    if (!same(view.layerGroups, prev.layerGroups)) this.applyVisibility();
    const s = view.selected;
    const p = prev.selected;
    if (s.zone !== p.zone || s.point !== p.point || s.station !== p.station) this.applySelection(s);
    if (!same(view.refs.street, prev.refs.street) || !same(view.refs.junction, prev.refs.junction) || !same(view.refs.station, prev.refs.station)) this.setFilters(refFilters(view.refs));
  }

  /** Layer-group visibility, and the proposal layers only while the tile worker holds proposals. */
  private applyVisibility() {
    const groups = this.applied.layerGroups;
    for (const [id, group] of Object.entries(LAYER_GROUP_OF)) {
      const lid = layerId(id as LayerId);
      const shown = groups.includes(group) && (!PROPOSAL_LAYERS.includes(id as LayerId) || this.proposalsShown);
      if (!this.map.getLayer(lid)) continue;
      // A layer without `visibility` in its style is visible. Setting 'visible' on it anyway is not
      // a no-op for MapLibre (undefined ≠ 'visible'): the layer's source would be paused and reloaded
      // and its layers re-sent to the worker, at style load behind the first tiles.
      const want = shown ? 'visible' : 'none';
      if ((this.map.getLayoutProperty(lid, 'visibility') ?? 'visible') !== want) this.map.setLayoutProperty(lid, 'visibility', want);
    }
  }

  /** The proposals' tiles (tiles.ts, loaded with the first proposal). */
  private tiles: ProposalTiles<ZoneFeature> | null = null;
  private tilesLoading: Promise<ProposalTiles<ZoneFeature>> | null = null;
  /** The latest proposals set, sent once the tile client has loaded (made flat as the sync reaches them). */
  private proposalsWanted: readonly ZoneFeature[] = [];
  private proposalsSync: Promise<void> | null = null;
  /** The proposal layers are shown (the tile worker holds at least one proposal). */
  private proposalsShown = false;
  private labelsData: FlatCollection | null = null;
  private previewData: GeoJSON.FeatureCollection | null = null;

  /**
   * The user's proposals to draw, and the labels of every zone. Safe before the style has loaded:
   * kept and applied on `style.load`.
   *
   * The Atlas's own zones are the zones source built with the style and never change. The
   * proposals are vector tiles cut in a worker of their own (tileset.ts, tiles.ts): a file of
   * 45,000 parcels reaches it packed in typed arrays, a chunk per task, and is indexed once; an
   * edit of one parcel is a diff of one feature that reloads only the tiles it touches. (A GeoJSON
   * source took its data in one main-thread task of up to 2 s, or as diffs that each re-indexed
   * the whole source in MapLibre's worker: 33–43 s for a 30 MB file, issue #17.)
   */
  setZones(proposals: readonly ZoneFeature[], labels: FlatCollection['features']) {
    const keep = this.opts.sources.labels.features.filter((f) => f.properties.role !== 'zone');
    this.labelsData = fc([...labels, ...keep]);
    this.proposalsWanted = proposals;
    this.applyData();
    if (proposals.length > 0 || this.tiles || this.tilesLoading) void this.syncProposals();
  }

  /** Both readings of a file awaiting the planner's decision (null clears them). */
  setPreview(fc: GeoJSON.FeatureCollection | null) {
    this.previewData = fc;
    this.applyData();
  }

  private applyData() {
    const src = (id: Parameters<typeof sourceId>[0]) => this.map.getSource(sourceId(id)) as maplibregl.GeoJSONSource | undefined;
    if (this.labelsData) src('labels')?.setData(this.labelsData);
    // The preview source is built empty: set it only when there is a preview, or one to clear (an
    // empty setData still sends a reload through MapLibre's worker, queued behind the first tiles).
    if (this.previewData || this.previewOnMap) src('preview')?.setData(this.previewData ?? { type: 'FeatureCollection', features: [] });
    this.previewOnMap = this.previewData !== null;
  }
  /** The preview source holds features (a fresh style's is empty). */
  private previewOnMap = false;

  private loadTiles(): Promise<ProposalTiles<ZoneFeature>> {
    return (this.tilesLoading ??= import('./tiles').then(
      ({ ProposalTiles }) => (this.tiles = new ProposalTiles<ZoneFeature>((z) => flatZoneOf(z, true), (t) => this.onTilesChanged(t))),
    ));
  }

  /** A file's proposals about to be listed (the import worker's batch): the tile worker indexes them meanwhile. */
  stageProposals(batch: ProposalBatch) {
    void this.loadTiles().then((t) => t.stage(batch));
  }

  private syncProposals(): Promise<void> {
    this.proposalsSync ??= (async () => {
      const tiles = await this.loadTiles();
      while (tiles.wanted !== this.proposalsWanted) await tiles.set(this.proposalsWanted);
    })().finally(() => (this.proposalsSync = null));
    return this.proposalsSync;
  }

  /** The tile worker took a change: show or hide the proposal layers, reload the tiles it touched. */
  private onTilesChanged(changed: TilesChanged) {
    const shown = (this.tiles?.size ?? 0) > 0;
    if (shown !== this.proposalsShown) {
      this.proposalsShown = shown;
      this.applyVisibility();
    }
    const id = sourceId('proposals');
    if (!this.map.getSource(id)) return;
    if (changed === null) this.map.refreshTiles(id);
    else if (changed.length) this.map.refreshTiles(id, changed);
  }

  /** Overlaps and expansion deltas from the audit (null clears them). */
  setAuditGeometry(fc: GeoJSON.FeatureCollection | null) {
    const src = this.map.getSource(sourceId('audit')) as maplibregl.GeoJSONSource | undefined;
    src?.setData(fc ?? { type: 'FeatureCollection', features: [] });
  }

  /**
   * Frames a box or a point inside the part of the map not covered by panels: `padding` is the
   * space a card or bottom sheet takes on each side (issue #9), plus a margin. Respects reduced
   * motion (MapLibre jumps unless `essential`).
   */
  frame(target: { bbox: Bbox } | { point: [number, number]; zoom?: number }, reducedMotion = false, cover: Padding = { top: 0, right: 0, bottom: 0, left: 0 }) {
    const duration = reducedMotion ? 0 : 800;
    const el = this.map.getContainer();
    const padding = framePadding(el.clientWidth, el.clientHeight, cover);
    // End any gesture MapLibre still believes is running (seen: a drag released over a panel left
    // the map "moving", and every later fitBounds was cancelled at once — a kiosk stuck off its
    // opening view after an idle reset).
    this.map.stop();
    if ('bbox' in target) this.map.fitBounds(target.bbox, { padding, maxZoom: 15.5, duration });
    else this.map.flyTo({ center: target.point, zoom: Math.max(this.map.getZoom(), target.zoom ?? 14), duration, padding });
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

  /**
   * Text of the labels a symbol layer has placed in the current view, as drawn (its `text-field`
   * evaluated per feature, in the style's language), each once (test surface).
   */
  renderedLabels(layer: string): string[] {
    if (!this.map.getLayer(layer)) return [];
    const texts = this.map.queryRenderedFeatures({ layers: [layer] }).map((f) => String((f.layer.layout as Record<string, unknown> | undefined)?.['text-field'] ?? ''));
    return [...new Set(texts)].filter(Boolean);
  }

  /** Resolves when the map has nothing left to load or animate (test surface; no sleeping). */
  async whenIdle(): Promise<void> {
    while (this.proposalsSync) await this.proposalsSync;
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

  /**
   * The map's next frame copied into a 2D canvas (site-card export). Copied in MapLibre's `render`
   * event, before the browser presents the frame, so the map needs no `preserveDrawingBuffer` (which
   * costs a full-frame copy on every frame, and slowed the first frames under software GL).
   */
  snapshot(): Promise<HTMLCanvasElement> {
    return new Promise((resolve) => {
      this.map.once('render', () => {
        const src = this.map.getCanvas();
        const out = document.createElement('canvas');
        out.width = src.width;
        out.height = src.height;
        out.getContext('2d')!.drawImage(src, 0, 0);
        resolve(out);
      });
      this.map.triggerRepaint();
    });
  }

  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  style(): StyleSpecification | undefined {
    return this.map.getStyle() as StyleSpecification | undefined;
  }

  /**
   * The drawing tools (terra-draw), loaded on first use: `./draw` and terra-draw are a separate
   * chunk, not part of the first-load bundle.
   */
  async drawTools(cb: DrawCallbacks): Promise<DrawController> {
    const { DrawController } = await import('./draw');
    return new DrawController(this.map, cb);
  }

  /** Screen position (CSS px from the map's top-left) of a lon/lat, and back. */
  projectXY = (lng: number, lat: number): { x: number; y: number } => this.map.project([lng, lat]);
  unprojectXY = (x: number, y: number): { lng: number; lat: number } => this.map.unproject([x, y]);

  /** Width of the map in CSS px. */
  width(): number {
    return this.map.getContainer().clientWidth;
  }

  /** Calls `fn` on every camera change (the compare view re-clips); returns the unsubscribe. */
  onMove(fn: () => void): () => void {
    this.map.on('move', fn);
    this.map.on('resize', fn);
    return () => {
      this.map.off('move', fn);
      this.map.off('resize', fn);
    };
  }

  /** The compare view's clipped geometries (null clears them). */
  setCompareGeometry(fc: GeoJSON.FeatureCollection | null) {
    const src = this.map.getSource(sourceId('compare')) as maplibregl.GeoJSONSource | undefined;
    src?.setData(fc ?? { type: 'FeatureCollection', features: [] });
  }

  private destroyed = false;
  destroy() {
    this.destroyed = true;
    this.offFonts();
    this.tiles?.destroy();
    maplibregl.removeProtocol(PROPOSALS_SCHEME);
    this.map.remove();
  }
}
