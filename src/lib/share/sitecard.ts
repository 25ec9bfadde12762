/**
 * One-page site card (PNG) of the current view: title, the map image, scale bar, north arrow,
 * legend, attribution, data date, provenance note and a QR code back to the view. Drawn on a
 * canvas from plain inputs; text is drawn as text (fillText), never parsed as markup.
 */
import type { Qr } from './qr';

export type LegendStyle = 'fill' | 'sketch' | 'envelope' | 'point' | 'ring' | 'line' | 'selected';

export interface SiteCardInput {
  /** Name of the selection (or the Atlas's title); fitted: shrunk to a minimum size, then wrapped. */
  title: string;
  subtitle: string;
  /** BCP 47 language of the texts, for line breaking between words (Intl.Segmenter). */
  locale: string;
  map: HTMLCanvasElement;
  /** Point of the map canvas (CSS px) to keep in view when the map is cropped to the card's frame. */
  focus?: [number, number];
  /** Map centre latitude and zoom, for the scale bar (Web Mercator, 512-px tiles). */
  lat: number;
  zoom: number;
  bearing: number;
  /** Only what is drawn on the map (the caller reads the rendered features). */
  legend: { color: string; label: string; style: LegendStyle }[];
  attribution: string;
  dataDate: string;
  note: string;
  link: string;
  qr: Qr;
  scaleLabel: (metres: number) => string;
  font: string;
  /** Facts of the selection, by section (see facts.ts). */
  facts: { heading: string; lines: string[] }[];
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

/**
 * Splits text into lines no wider than `width`, breaking only between words: Intl.Segmenter finds
 * word boundaries in English and in Chinese (dictionary-based), so neither "prov enance" nor a
 * Chinese word cut in two. A single word wider than the line is the only thing ever split.
 */
export function wrapLines(measure: (s: string) => number, text: string, width: number, locale: string): string[] {
  const words = [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].map((s) => s.segment);
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (const w of words) {
    if (measure(line + w) <= width) {
      line += w;
      continue;
    }
    if (line.trim()) push();
    if (/^\s+$/.test(w)) continue;
    if (measure(w) <= width) line = w;
    else {
      // A word longer than the line (a URL): split by characters, the only mid-word break.
      for (const ch of w) {
        if (measure(line + ch) > width) push();
        line += ch;
      }
    }
  }
  push();
  return lines;
}

/** Title size: the largest from `max` down to `min` at which it fits one line, else `min`, wrapped. */
export function fitTitle(measureAt: (size: number, s: string) => number, text: string, width: number, locale: string, max = 48, min = 32): { size: number; lines: string[] } {
  for (let size = max; size >= min; size -= 2) if (measureAt(size, text) <= width) return { size, lines: [text] };
  return { size: min, lines: wrapLines((s) => measureAt(min, s), text, width, locale) };
}

export function drawSiteCard(input: SiteCardInput): HTMLCanvasElement {
  const W = 1240;
  const H = 1754; // A4 portrait at 150 dpi
  const M = 60;
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  const g = c.getContext('2d')!;
  const f = (size: number, weight = 400) => `${weight} ${size}px ${input.font}`;
  const measureAt = (size: number, weight: number) => (s: string) => {
    g.font = f(size, weight);
    return g.measureText(s).width;
  };
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);

  // Title: shrink to fit one line, then wrap between words.
  const title = fitTitle((size, s) => measureAt(size, 700)(s), input.title, W - 2 * M, input.locale);
  g.fillStyle = '#0f172a';
  g.font = f(title.size, 700);
  let y = M + title.size * 0.9;
  for (const line of title.lines) {
    g.fillText(line, M, y);
    y += title.size * 1.25;
  }
  g.font = f(22);
  g.fillStyle = '#475569';
  y += 4 - title.size * 0.25;
  g.fillText(input.subtitle, M, y);
  const mapTop = y + 24;

  // Facts in two columns, sections kept whole and balanced between them.
  const colW = (W - 2 * M - 40) / 2;
  const body = measureAt(19, 400);
  const head = measureAt(19, 700);
  const sections = input.facts.map((s) => ({
    heading: wrapLines(head, s.heading, colW, input.locale),
    lines: s.lines.map((l) => wrapLines(body, l, colW - 14, input.locale)),
  }));
  const LH = 26;
  const heightOf = (s: (typeof sections)[number]) => (s.heading.length + s.lines.flat().length) * LH + 12;
  const total = sections.reduce((a, s) => a + heightOf(s), 0);
  const cols: (typeof sections)[] = [[], []];
  let acc = 0;
  for (const s of sections) {
    (cols[1]!.length === 0 && acc + heightOf(s) / 2 <= total / 2 ? cols[0]! : cols[1]!).push(s);
    acc += heightOf(s);
  }
  const factsH = Math.max(...cols.map((col) => col.reduce((a, s) => a + heightOf(s), 0)));

  // Footer: note, date, attribution, link; QR code on the right.
  const qrSize = 200;
  const footerH = qrSize + 20;
  const legendRows = Math.ceil(input.legend.length / 3);
  const legendH = legendRows * 34 + (legendRows ? 16 : 0);
  // The map takes what is left (at least 560 px), so the page is never half empty.
  const mapH = Math.max(560, H - M - footerH - 24 - factsH - 24 - legendH - mapTop);
  const mx = M, my = mapTop, mw = W - 2 * M, mh = mapH;

  // Map: cropped to fill the frame ("cover"), keeping the focus point in view.
  const src = input.map;
  const scale = Math.max(mw / src.width, mh / src.height);
  const sw = mw / scale, sh = mh / scale;
  const devicePx = src.width / (src.clientWidth || src.width);
  const [fx, fy] = input.focus ? [input.focus[0] * devicePx, input.focus[1] * devicePx] : [src.width / 2, src.height / 2];
  const sx = Math.max(0, Math.min(src.width - sw, fx - sw / 2));
  const sy = Math.max(0, Math.min(src.height - sh, fy - sh / 2));
  g.drawImage(src, sx, sy, sw, sh, mx, my, mw, mh);
  g.strokeStyle = '#334155';
  g.lineWidth = 2;
  g.strokeRect(mx, my, mw, mh);

  // Scale bar: the map canvas is in device pixels; `scale` maps them to card pixels.
  const sb = scaleBar(input.lat, input.zoom, 300 / scale, devicePx);
  const sbPx = sb.px * scale;
  g.fillStyle = 'rgba(255,255,255,0.9)';
  g.fillRect(mx + 16, my + mh - 70, sbPx + 40, 54);
  g.fillStyle = '#0f172a';
  g.fillRect(mx + 36, my + mh - 30, sbPx, 6);
  g.font = f(20);
  g.fillText(input.scaleLabel(sb.metres), mx + 36, my + mh - 40);

  // North arrow, rotated with the map bearing.
  g.save();
  g.translate(mx + mw - 50, my + 60);
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

  // Legend: only what is drawn.
  y = my + mh + 36;
  g.font = f(19);
  input.legend.forEach((item, i) => {
    const x = M + (i % 3) * ((W - 2 * M) / 3);
    const yy = y + Math.floor(i / 3) * 34;
    drawKey(g, item.style, item.color, x, yy - 16);
    g.fillStyle = '#0f172a';
    g.font = f(19);
    const label = wrapLines(measureAt(19, 400), item.label, (W - 2 * M) / 3 - 50, input.locale)[0] ?? '';
    g.fillText(label, x + 40, yy);
  });

  // Facts.
  const fy0 = my + mh + 24 + legendH + 10;
  cols.forEach((col, ci) => {
    let yy = fy0;
    const x = M + ci * (colW + 40);
    for (const s of col) {
      g.fillStyle = '#1e3a8a';
      g.font = f(19, 700);
      for (const l of s.heading) {
        g.fillText(l, x, yy);
        yy += LH;
      }
      g.fillStyle = '#0f172a';
      g.font = f(19);
      for (const ls of s.lines)
        ls.forEach((l, li) => {
          g.fillText(li === 0 ? `• ${l}` : l, x + (li === 0 ? 0 : 14), yy);
          yy += LH;
        });
      yy += 12;
    }
  });

  // Footer.
  const qx = W - M - qrSize, qy = H - M - qrSize;
  const cell = qrSize / input.qr.size;
  g.fillStyle = '#000000';
  input.qr.modules.forEach((row, r) => row.forEach((dark, col) => dark && g.fillRect(qx + col * cell, qy + r * cell, Math.ceil(cell), Math.ceil(cell))));
  const footW = W - 2 * M - qrSize - 30;
  let fy2 = H - M - qrSize + 24;
  g.fillStyle = '#b45309';
  for (const l of wrapLines(measureAt(20, 700), input.note, footW, input.locale).slice(0, 3)) {
    g.font = f(20, 700);
    g.fillText(l, M, fy2);
    fy2 += 28;
  }
  g.fillStyle = '#475569';
  g.font = f(18);
  for (const l of [input.dataDate, ...wrapLines(measureAt(18, 400), input.attribution, footW, input.locale)]) {
    fy2 += 4;
    g.fillText(l, M, fy2);
    fy2 += 24;
  }
  g.font = f(15);
  for (const l of wrapLines(measureAt(15, 400), input.link, footW, 'en').slice(0, 2)) {
    g.fillText(l, M, fy2);
    fy2 += 20;
  }
  return c;
}

/** A 28 × 18 legend key in the map's own drawing style. */
function drawKey(g: CanvasRenderingContext2D, style: LegendStyle, color: string, x: number, y: number) {
  g.save();
  g.strokeStyle = color;
  g.fillStyle = color;
  g.lineWidth = 2.5;
  if (style === 'fill') {
    g.globalAlpha = 0.35;
    g.fillRect(x, y, 28, 18);
    g.globalAlpha = 1;
    g.strokeRect(x, y, 28, 18);
  } else if (style === 'sketch' || style === 'envelope') {
    g.setLineDash(style === 'sketch' ? [6, 4] : [1, 5]);
    g.lineCap = 'round';
    g.strokeRect(x, y, 28, 18);
    if (style === 'sketch') {
      g.setLineDash([]);
      g.lineWidth = 1;
      g.strokeStyle = '#374151';
      g.beginPath();
      g.rect(x, y, 28, 18);
      g.clip();
      for (let k = -18; k < 28; k += 6) {
        g.beginPath();
        g.moveTo(x + k, y + 18);
        g.lineTo(x + k + 18, y);
        g.stroke();
      }
    }
  } else if (style === 'point' || style === 'ring') {
    g.beginPath();
    g.arc(x + 14, y + 9, style === 'point' ? 7 : 9, 0, 2 * Math.PI);
    if (style === 'point') g.fill();
    else g.stroke();
  } else if (style === 'line') {
    g.lineWidth = 4;
    g.beginPath();
    g.moveTo(x, y + 9);
    g.lineTo(x + 28, y + 9);
    g.stroke();
    g.fillStyle = '#ffffff';
    g.strokeStyle = '#1f2937';
    g.lineWidth = 1.5;
    g.beginPath();
    g.arc(x + 14, y + 9, 5, 0, 2 * Math.PI);
    g.fill();
    g.stroke();
  } else {
    g.strokeStyle = '#111827';
    g.lineWidth = 4;
    g.strokeRect(x, y, 28, 18);
  }
  g.restore();
}
