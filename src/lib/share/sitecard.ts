/**
 * One-page site card (PNG) of the current view: title, the map image, scale bar, north arrow,
 * legend, attribution, data date, provenance note and a QR code back to the view. Drawn on a
 * canvas from plain inputs; text is drawn as text (fillText), never parsed as markup.
 */
import type { Qr } from './qr';

export interface SiteCardInput {
  title: string;
  subtitle: string;
  map: HTMLCanvasElement;
  /** Device pixels per CSS pixel of `map` (a copied frame has no layout size to tell). */
  pixelRatio?: number;
  /** Map centre latitude and zoom, for the scale bar (Web Mercator, 512-px tiles). */
  lat: number;
  zoom: number;
  bearing: number;
  legend: { color: string; label: string; dashed?: boolean }[];
  attribution: string;
  dataDate: string;
  note: string;
  link: string;
  qr: Qr;
  scaleLabel: (metres: number) => string;
  font: string;
  /** Key facts of the selection, one line each (area ± band, stated figures, method). */
  facts: string[];
}

/** Metres per CSS pixel at a latitude and zoom (WGS84 equatorial circumference, 512-px tiles). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** A round scale-bar length (1, 2, 5 × 10ⁿ m) no longer than `maxPx` pixels. */
export function scaleBar(lat: number, zoom: number, maxPx: number, pixelRatio = 1): { metres: number; px: number } {
  const mpp = metresPerPixel(lat, zoom) / pixelRatio;
  const max = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= max) ?? pow;
  return { metres, px: metres / mpp };
}

export function drawSiteCard(input: SiteCardInput): HTMLCanvasElement {
  const W = 1240;
  const H = 1754; // A4 portrait at 150 dpi
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  const g = c.getContext('2d')!;
  const f = (size: number, weight = 400) => `${weight} ${size}px ${input.font}`;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);
  g.fillStyle = '#0f172a';
  g.font = f(44, 700);
  g.fillText(input.title, 60, 90);
  g.font = f(24);
  g.fillStyle = '#475569';
  g.fillText(input.subtitle, 60, 130);

  // Map, scaled to fit 1120 × 1000.
  const mx = 60, my = 160, mw = 1120, mh = 1000;
  const ratio = Math.min(mw / input.map.width, mh / input.map.height);
  const dw = input.map.width * ratio, dh = input.map.height * ratio;
  g.drawImage(input.map, mx, my, dw, dh);
  g.strokeStyle = '#334155';
  g.lineWidth = 2;
  g.strokeRect(mx, my, dw, dh);

  // Scale bar: the map canvas is in device pixels; `ratio` maps them to card pixels.
  const devicePx = input.pixelRatio ?? input.map.width / (input.map.clientWidth || input.map.width);
  const sb = scaleBar(input.lat, input.zoom, 300 / ratio, devicePx);
  const sbPx = sb.px * ratio;
  g.fillStyle = 'rgba(255,255,255,0.9)';
  g.fillRect(mx + 16, my + dh - 70, sbPx + 40, 54);
  g.fillStyle = '#0f172a';
  g.fillRect(mx + 36, my + dh - 30, sbPx, 6);
  g.font = f(20);
  g.fillText(input.scaleLabel(sb.metres), mx + 36, my + dh - 40);

  // North arrow, rotated with the map bearing.
  g.save();
  g.translate(mx + dw - 50, my + 60);
  g.rotate((-input.bearing * Math.PI) / 180);
  g.fillStyle = '#0f172a';
  g.beginPath();
  g.moveTo(0, -30);
  g.lineTo(14, 18);
  g.lineTo(0, 8);
  g.lineTo(-14, 18);
  g.closePath();
  g.fill();
  g.font = f(22, 700);
  g.textAlign = 'center';
  g.fillText('N', 0, -36);
  g.restore();

  // Legend.
  let y = my + dh + 50;
  g.font = f(22);
  input.legend.forEach((item, i) => {
    const x = 60 + (i % 3) * 370;
    const yy = y + Math.floor(i / 3) * 36;
    g.fillStyle = item.color;
    g.globalAlpha = 0.6;
    g.fillRect(x, yy - 16, 28, 18);
    g.globalAlpha = 1;
    g.fillStyle = '#0f172a';
    g.fillText(item.label, x + 38, yy);
  });
  y += Math.ceil(input.legend.length / 3) * 36 + 20;
  g.fillStyle = '#0f172a';
  g.font = f(24);
  for (const line of input.facts) {
    y += 36;
    wrap(g, line, 60, y, W - 120, 32);
  }

  // Note, date, attribution, link + QR.
  const qrSize = 220;
  const qx = W - 60 - qrSize, qy = H - 60 - qrSize;
  const cell = qrSize / input.qr.size;
  g.fillStyle = '#ffffff';
  g.fillRect(qx, qy, qrSize, qrSize);
  g.fillStyle = '#000000';
  input.qr.modules.forEach((row, r) => row.forEach((dark, col) => dark && g.fillRect(qx + col * cell, qy + r * cell, Math.ceil(cell), Math.ceil(cell))));
  g.fillStyle = '#b45309';
  g.font = f(22, 700);
  wrap(g, input.note, 60, Math.max(y, H - 240), W - 120 - qrSize - 40, 30);
  g.fillStyle = '#475569';
  g.font = f(20);
  g.fillText(input.dataDate, 60, H - 110);
  g.fillText(input.attribution, 60, H - 80);
  g.font = f(16);
  g.fillText(input.link.length > 110 ? `${input.link.slice(0, 107)}…` : input.link, 60, H - 50);
  return c;
}

function wrap(g: CanvasRenderingContext2D, text: string, x: number, y: number, width: number, lineHeight: number) {
  let line = '';
  for (const ch of text) {
    if (g.measureText(line + ch).width > width) {
      g.fillText(line, x, y);
      line = ch;
      y += lineHeight;
    } else line += ch;
  }
  if (line) g.fillText(line, x, y);
}
