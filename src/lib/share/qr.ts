/** QR code of a link, generated offline (uqr), as an SVG path and as modules for canvas drawing. */
import { encode } from 'uqr';

export interface Qr {
  /** Modules per side, including the quiet zone. */
  size: number;
  /** SVG path `d` with one 1×1 square per dark module (coordinates in modules). */
  path: string;
  modules: boolean[][];
}

export function qrFor(text: string): Qr {
  const r = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  r.data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
  return { size: r.size, path, modules: r.data };
}
