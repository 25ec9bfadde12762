/**
 * Read-only test surface on `window.__atlas`: browser tests assert on state instead of sleeping.
 * It exposes plain snapshots only; nothing here can change the app.
 */
import type { MapAdapter } from '../map/adapter';
import type { AtlasState } from '../state/atlas.svelte';
import type { Kiosk } from '../kiosk/kiosk.svelte';
import { ellipsoidalArea } from '../geo/area';

export interface AtlasTestSurface {
  /** True once the map has reached `idle` at least once. */
  readonly ready: boolean;
  readonly lang: string;
  /** Number of data issues found by the loader. */
  readonly issueCount: number;
  /** Layer ids of the map style, bottom to top. */
  layers(): string[];
  /** Ids of features rendered in the current view for a layer id. */
  rendered(layer: string): string[];
  /** Text of the labels a symbol layer has placed in the current view, as drawn (in the map's language). */
  renderedLabels(layer: string): string[];
  /** Resolves once the map is idle (after an interaction). */
  whenIdle(): Promise<void>;
  /** Current camera. */
  camera(): ReturnType<MapAdapter['camera']>;
  /** The map style's global state (`lang` drives every label). */
  globalState(): Record<string, unknown>;
  /** Kiosk status (null outside kiosk mode) and WebGL context restores. */
  kiosk(): {
    touring: boolean; paused: boolean; step: number; stops: string[]; mode: string; remaining: number; stepsTaken: number; stop: string | null; resets: number;
    /** The box the current stop frames, [w, s, e, n] (zone stops; null otherwise). */
    stopBox: [number, number, number, number] | null;
  } | null;
  /** Number of sources and layers in the map style (kiosk soak). */
  mapCounts(): { sources: number; layers: number };
  contextRestores(): number;
  /** Current selection as "type:id" (or null). */
  selection(): string | null;
  /** Screen position (px from the map's top-left) of a [lon, lat]. */
  project(lngLat: [number, number]): [number, number];
  /** Number of the planner's proposals (opened or restored). */
  proposalCount(): number;
  /** Saves of the proposals not yet written to storage. */
  savesPending(): number;
  /** Source ids and the `font-faces`/`glyphs` keys of the current style. */
  styleSummary(): { sources: string[]; glyphs: string | null; fontFaces: string[] };
  /** The planner's proposals: id, English name, attached version, area on the WGS84 ellipsoid (m²). */
  proposals(): { id: string; name: string; attachedTo: string | null; area_m2: number }[];
}

declare global {
  interface Window {
    __atlas?: AtlasTestSurface;
  }
}

export function installTestSurface(state: AtlasState, adapter: MapAdapter, kiosk: Kiosk | null = null) {
  const surface: AtlasTestSurface = {
    get ready() {
      return state.mapReady;
    },
    get lang() {
      return state.lang;
    },
    get issueCount() {
      return state.issues.length;
    },
    layers: () => adapter.layerIds(),
    rendered: (layer) => adapter.renderedIds(layer),
    renderedLabels: (layer) => adapter.renderedLabels(layer),
    camera: () => adapter.camera(),
    whenIdle: () => adapter.whenIdle(),
    globalState: () => ({ ...adapter.globalState() }),
    kiosk: () =>
      kiosk
        ? {
            touring: kiosk.touring,
            paused: kiosk.paused,
            step: kiosk.step,
            // A stop as text: "opening", "figures" or "zones:a+b".
            stops: kiosk.stops.map((s) => (s.kind === 'zones' ? `zones:${s.zones.join('+')}` : s.kind)),
            mode: kiosk.mode,
            remaining: kiosk.remaining,
            stepsTaken: kiosk.stepsTaken,
            stop: kiosk.stop ? (kiosk.stop.kind === 'zones' ? `zones:${kiosk.stop.zones.join('+')}` : kiosk.stop.kind) : null,
            resets: kiosk.resets,
            stopBox: kiosk.stop?.kind === 'zones' ? [...kiosk.stop.box] : null,
          }
        : null,
    mapCounts: () => adapter.counts(),
    contextRestores: () => adapter.contextRestores,
    selection: () => (state.selection ? `${state.selection.type}:${state.selection.id}` : null),
    project: (ll) => adapter.project(ll),
    proposalCount: () => state.proposals.length,
    savesPending: () => state.savesPending,
    styleSummary: () => {
      const s = adapter.style() as (Record<string, unknown> & { sources?: object }) | undefined;
      return {
        sources: Object.keys(s?.sources ?? {}),
        glyphs: typeof s?.glyphs === 'string' ? s.glyphs : null,
        fontFaces: Object.keys((s?.['font-faces'] as object | undefined) ?? {}),
      };
    },
    proposals: () =>
      state.proposals.map((z) => ({
        id: z.properties.id,
        name: z.properties.name.en,
        attachedTo: z.properties.attachedTo ? `${z.properties.attachedTo.zone}:${z.properties.attachedTo.version}` : null,
        area_m2: ellipsoidalArea(z.geometry),
      })),
  };
  Object.defineProperty(window, '__atlas', { value: Object.freeze(surface), configurable: true });
}
