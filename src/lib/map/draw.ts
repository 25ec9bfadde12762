/**
 * The drawing tools (terra-draw + its MapLibre adapter), loaded only when the planner first opens
 * them (the adapter imports this module dynamically, so terra-draw is not in the first-load bundle).
 *
 * terra-draw keeps the features being drawn, edited and measured; this controller reports them to
 * the app as plain GeoJSON: the live sketch (for the area read-out), finished polygons (proposals)
 * and measurements. It diffs terra-draw's snapshot after every change, so drawing, editing,
 * deleting and undo/redo (terra-draw's mode-level history while drawing, session-level after) all
 * reach the app the same way.
 */
import type * as maplibregl from 'maplibre-gl';
import type { LineString, Polygon } from 'geojson';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  TerraDrawSessionUndoRedo,
  type GeoJSONStoreFeatures,
  type SnappableContext,
  type TerraDrawMouseEvent,
  ValidateNotSelfIntersecting,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { snapPosition, type SnapTargets } from '../draw/snapping';

/** Tools: two that make proposals, vertex editing, two measures. */
export type DrawTool = 'polygon' | 'rectangle' | 'select' | 'measure-line' | 'measure-area';
/** Tools whose finished polygons become proposals. */
const PROPOSAL_MODES = new Set(['polygon', 'rectangle']);

export interface DrawCallbacks {
  /** The feature being drawn right now (null when none), for live figures. */
  onSketch: (sketch: { tool: DrawTool; geometry: Polygon | LineString } | null) => void;
  /** Finished proposal polygons, keyed by terra-draw id: added or changed (edit, redo). */
  onPolygons: (changed: { id: string; geometry: Polygon }[], removed: string[]) => void;
  /** Finished measurements (the latest one), or null when removed. */
  onMeasure: (m: { tool: 'measure-line' | 'measure-area'; geometry: Polygon | LineString } | null) => void;
  onHistory: (h: { canUndo: boolean; canRedo: boolean }) => void;
  /** What to snap to (read at each pointer move, so it follows the shown versions). */
  snapTargets: () => SnapTargets;
  snapEnabled: () => boolean;
}

const BLUE = '#1d4ed8';
const ORANGE = '#c2410c';

export class DrawController {
  private readonly draw: TerraDraw;
  private known = new Map<string, string>();
  private measureId: string | null = null;
  /** Set before stopping: terra-draw clears its store then, which must not read as deletions. */
  private stopped = false;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly cb: DrawCallbacks,
  ) {
    const toCustom = (e: TerraDrawMouseEvent, ctx: SnappableContext) =>
      cb.snapEnabled() ? snapPosition(e.containerX, e.containerY, cb.snapTargets(), (lng, lat) => ctx.project(lng, lat), (x, y) => ctx.unproject(x, y), 10) : undefined;
    const polygonStyles = { fillColor: BLUE, fillOpacity: 0.15, outlineColor: BLUE, outlineWidth: 2, closingPointColor: BLUE, closingPointWidth: 6, snappingPointColor: ORANGE, snappingPointWidth: 6 } as const;
    const measureStyles = { fillColor: ORANGE, fillOpacity: 0.1, outlineColor: ORANGE, outlineWidth: 2, closingPointColor: ORANGE, closingPointWidth: 6, snappingPointColor: BLUE, snappingPointWidth: 6 } as const;
    const editable = { draggable: true, deletable: true, snappable: { toCustom } };
    // A self-intersecting outline has no area: refused when a drawing is closed or an edit committed.
    const validation = (f: GeoJSONStoreFeatures, ctx: { updateType: string }) =>
      ctx.updateType === 'finish' || ctx.updateType === 'commit' ? ValidateNotSelfIntersecting(f) : { valid: true };
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'atlas-draw' }),
      modes: [
        new TerraDrawPolygonMode({ snapping: { toCustom }, keyEvents: { cancel: 'Escape', finish: 'Enter' }, validation, styles: polygonStyles }),
        new TerraDrawRectangleMode({ keyEvents: { cancel: 'Escape', finish: 'Enter' }, styles: { fillColor: BLUE, fillOpacity: 0.15, outlineColor: BLUE, outlineWidth: 2 } }),
        new TerraDrawPolygonMode({ modeName: 'measure-area', snapping: { toCustom }, keyEvents: { cancel: 'Escape', finish: 'Enter' }, styles: measureStyles }),
        new TerraDrawLineStringMode({ modeName: 'measure-line', snapping: { toCustom }, keyEvents: { cancel: 'Escape', finish: 'Enter' }, styles: { lineStringColor: ORANGE, lineStringWidth: 3, closingPointColor: ORANGE, closingPointWidth: 6 } }),
        new TerraDrawSelectMode({
          flags: {
            polygon: { feature: { draggable: false, validation, coordinates: { ...editable, midpoints: true } } },
            rectangle: { feature: { draggable: false, coordinates: { ...editable, midpoints: true } } },
          },
          keyEvents: { deselect: 'Escape', delete: 'Delete', rotate: null, scale: null },
        }),
      ],
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo(), sessionLevel: new TerraDrawSessionUndoRedo() },
    });
    this.draw.start();
    this.draw.on('change', () => this.sync());
    this.draw.on('finish', () => this.sync());
    this.draw.on('history', () => this.history());
  }

  setTool(tool: DrawTool) {
    this.draw.setMode(tool);
  }

  tool(): string {
    return this.draw.getMode();
  }

  undo() {
    this.draw.undo();
    this.sync();
    this.history();
  }

  redo() {
    this.draw.redo();
    this.sync();
    this.history();
  }

  /** Deletes the selected feature (select mode), else the last finished measurement. */
  deleteSelected() {
    const sel = this.draw.getSnapshot().filter((f) => f.properties.selected === true).map((f) => String(f.id));
    if (sel.length) this.draw.removeFeatures(sel);
    else if (this.measureId && this.draw.hasFeature(this.measureId)) this.draw.removeFeatures([this.measureId]);
    this.sync();
  }

  /** Adds polygons (earlier proposals) so they can be edited; returns their terra-draw ids. */
  load(polygons: Polygon[]): string[] {
    const ids: string[] = [];
    for (const geometry of polygons) {
      const id = String(this.draw.getFeatureId());
      const r = this.draw.addFeatures([{ id, type: 'Feature', geometry, properties: { mode: 'polygon' } }]);
      if (r[0]?.valid) {
        ids.push(id);
        this.known.set(id, JSON.stringify(geometry));
      }
    }
    return ids;
  }

  /**
   * A click at the map's centre (keyboard drawing: arrows move the map under the centre cross,
   * Space adds a point there). Sent as pointer events to the canvas, where terra-draw listens, so
   * it goes through the same path (snapping, closing) as a click.
   */
  clickCentre() {
    const canvas = this.map.getCanvas();
    const r = canvas.getBoundingClientRect();
    const init = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, isPrimary: true, button: 0, buttons: 1, bubbles: true, pointerId: 1, pointerType: 'mouse' };
    canvas.dispatchEvent(new PointerEvent('pointermove', { ...init, buttons: 0 }));
    canvas.dispatchEvent(new PointerEvent('pointerdown', init));
    canvas.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0 }));
  }

  /** Finishes the polygon or line being drawn (as Enter does on the map). */
  finish() {
    const canvas = this.map.getCanvas();
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    canvas.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
  }

  private history() {
    if (this.stopped) return;
    this.cb.onHistory({ canUndo: this.draw.canUndo(), canRedo: this.draw.canRedo() });
  }

  private sync() {
    if (this.stopped) return;
    const snap = this.draw.getSnapshot() as GeoJSONStoreFeatures[];
    let sketch: Parameters<DrawCallbacks['onSketch']>[0] = null;
    const changed: { id: string; geometry: Polygon }[] = [];
    const present = new Set<string>();
    let measure: Parameters<DrawCallbacks['onMeasure']>[0] = null;
    for (const f of snap) {
      const mode = String(f.properties.mode);
      const g = f.geometry;
      if (g.type === 'Point') continue;
      if (f.properties.currentlyDrawing) {
        sketch = { tool: mode as DrawTool, geometry: g as Polygon | LineString };
        continue;
      }
      if (PROPOSAL_MODES.has(mode) && g.type === 'Polygon') {
        const id = String(f.id);
        present.add(id);
        const key = JSON.stringify(g.coordinates);
        if (this.known.get(id) !== key) {
          this.known.set(id, key);
          changed.push({ id, geometry: { type: 'Polygon', coordinates: g.coordinates } });
        }
      } else if (mode === 'measure-line' || mode === 'measure-area') {
        measure = { tool: mode, geometry: g as Polygon | LineString };
        this.measureId = String(f.id);
      }
    }
    const removed = [...this.known.keys()].filter((id) => !present.has(id));
    for (const id of removed) this.known.delete(id);
    this.cb.onSketch(sketch);
    if (changed.length || removed.length) this.cb.onPolygons(changed, removed);
    this.cb.onMeasure(measure);
    this.history();
  }

  destroy() {
    this.stopped = true;
    this.draw.stop();
  }
}
