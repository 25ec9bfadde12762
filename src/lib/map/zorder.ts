/**
 * Every map layer id of the Atlas in drawing order, bottom to top (after a-b-street/ltn's zorder).
 * The style builder places layers only through {@link layerIndex}; an unknown id throws, so a new
 * layer cannot be added without deciding where it is drawn.
 */
export const LAYER_ORDER = [
  // Embedded basemap (replaced by an external style when one is configured).
  'background',
  'neighbours-fill',
  'district-fill',
  'river-line',
  // Street skeleton (issue #16): minor streets under the others, every casing under every fill.
  'streets-minor-casing',
  'streets-minor',
  'streets-casing',
  'streets-line',
  // Schematic context roads (dashed), where no street is known.
  'road-casing',
  'road-line',
  'neighbours-label',
  'streets-label',
  'road-label',
  'river-label',
  // Overlay: always drawn on top of whatever basemap is used.
  'district-outline',
  'zones-fill',
  'proposals-fill',
  'zones-hatch',
  'proposals-hatch',
  'zones-outline',
  'proposals-outline',
  'zones-outline-dashed',
  'proposals-outline-dashed',
  'zones-envelope',
  'proposals-envelope',
  'audit-removed',
  'audit-added',
  'audit-overlap-hatch',
  'audit-overlap-line',
  'zones-hover',
  'proposals-hover',
  'preview-as-is',
  'preview-converted',
  'zones-selected',
  'proposals-selected',
  // Compare view: the two geometries, each clipped to its side of the swipe divider.
  'compare-fill',
  'compare-line',
  // What a card's "Why here" points at (streets, stations, junctions), over the zones.
  'refs-street',
  'metro-line',
  'metro-station',
  'points-circle',
  'points-estimate-ring',
  'points-hover',
  'metro-station-hover',
  'points-selected',
  'metro-station-selected',
  'refs-station',
  'refs-junction',
  'metro-station-label',
  'points-label',
  'zones-label',
  'district-label',
  // Names of what "Why here" points at: placed first (top), so no other label hides them.
  'refs-street-label',
  'refs-junction-label',
] as const;

export type LayerId = (typeof LAYER_ORDER)[number];

/** Layers that belong to the overlay (kept on top of external basemaps). */
export const OVERLAY_FROM: LayerId = 'district-outline';

export function layerIndex(id: string): number {
  const i = (LAYER_ORDER as readonly string[]).indexOf(id);
  if (i < 0) throw new Error(`layer "${id}" is not registered in LAYER_ORDER (src/lib/map/zorder.ts)`);
  return i;
}

export function isOverlayLayer(id: LayerId): boolean {
  return layerIndex(id) >= layerIndex(OVERLAY_FROM);
}
