/**
 * How much of the map a card or bottom sheet covers, and the padding that keeps a framed target
 * clear of it (issue #9: "framing leaves room for the card"). Pure, in CSS pixels.
 */

/** Space covered on each side of the map, px. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_COVER: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The side a panel rectangle covers of the map rectangle: a panel narrower than 60 % of the map
 * covers the side it is nearer to (left or right) over its full width; a wider one (a bottom sheet)
 * covers the bottom from its top edge down. Panels outside the map cover nothing.
 */
export function coverOf(map: Rect, panel: Rect | null | undefined): Padding {
  if (!panel) return NO_COVER;
  const w = map.right - map.left;
  const left = Math.max(panel.left, map.left);
  const right = Math.min(panel.right, map.right);
  const top = Math.max(panel.top, map.top);
  const bottom = Math.min(panel.bottom, map.bottom);
  if (right <= left || bottom <= top) return NO_COVER;
  if (right - left < 0.6 * w) {
    return left - map.left <= map.right - right ? { ...NO_COVER, left: right - map.left } : { ...NO_COVER, right: map.right - left };
  }
  return top - map.top >= map.bottom - bottom ? { ...NO_COVER, bottom: map.bottom - top } : { ...NO_COVER, top: bottom - map.top };
}

/**
 * The side an overlay covers of the map by its shape (issue #19, the kiosk's title band, tour bar
 * and story cards): one wider than tall covers the top or the bottom, whichever its middle is
 * nearer, from that edge to its far edge; one taller than wide covers the left or the right.
 * Overlays outside the map cover nothing.
 */
export function edgeCover(map: Rect, overlay: Rect | null | undefined): Padding {
  if (!overlay) return NO_COVER;
  const left = Math.max(overlay.left, map.left);
  const right = Math.min(overlay.right, map.right);
  const top = Math.max(overlay.top, map.top);
  const bottom = Math.min(overlay.bottom, map.bottom);
  if (right <= left || bottom <= top) return NO_COVER;
  if (right - left >= bottom - top)
    return (top + bottom) / 2 - map.top <= map.bottom - (top + bottom) / 2 ? { ...NO_COVER, top: bottom - map.top } : { ...NO_COVER, bottom: map.bottom - top };
  return (left + right) / 2 - map.left <= map.right - (left + right) / 2 ? { ...NO_COVER, left: right - map.left } : { ...NO_COVER, right: map.right - left };
}

/** The larger cover per side of several panels. */
export function maxCover(...covers: Padding[]): Padding {
  return covers.reduce((a, b) => ({ top: Math.max(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom), left: Math.max(a.left, b.left) }), NO_COVER);
}

/**
 * Padding for framing in a `width` × `height` map whose sides are partly covered (`cover`, px): the
 * cover plus a 40-px margin, shrunk where needed so at least a quarter of each dimension (and 80 px)
 * stays for the target (MapLibre refuses to fit otherwise).
 */
export function framePadding(width: number, height: number, cover: Padding): Padding {
  const m = 40;
  const fit = (a: number, b: number, size: number): [number, number] => {
    const room = Math.max(80, size / 4);
    const total = a + b + 2 * m;
    const k = total > size - room ? Math.max(0, (size - room) / total) : 1;
    return [(a + m) * k, (b + m) * k];
  };
  const [left, right] = fit(cover.left, cover.right, width);
  const [top, bottom] = fit(cover.top, cover.bottom, height);
  return { top, right, bottom, left };
}

