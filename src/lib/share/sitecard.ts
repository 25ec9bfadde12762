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
  /** Device pixels per CSS pixel of `map` (a copied frame has no layout size to tell). */
  pixelRatio?: number;
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
  // Punctuation sticks to the word before it, so no line starts with "，" or ")" (kinsoku).
  const words: string[] = [];
  for (const { segment } of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) {
    if (words.length && /^[\p{Pe}\p{Pf}\p{Po}]+$/u.test(segment) && !/\s$/.test(words.at(-1)!)) words[words.length - 1] += segment;
    else words.push(segment);
  }
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

/**
 * Noto Sans SC draws ‘ ’ “ ” full-width (the CJK convention) and canvas text cannot switch on
 * proportional alternates, so English text gets straight quotes ("park's", not "park’ s").
 */
export function latinQuotes(s: string): string {
  return s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

export function drawSiteCard(raw: SiteCardInput): HTMLCanvasElement {
  const q = raw.locale.startsWith('en') ? latinQuotes : (s: string) => s;
  const input: SiteCardInput = {
    ...raw,
    title: q(raw.title),
    subtitle: q(raw.subtitle),
    note: q(raw.note),
    legend: raw.legend.map((l) => ({ ...l, label: q(l.label) })),
    facts: raw.facts.map((f) => ({ heading: q(f.heading), lines: f.lines.map(q) })),
  };
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

  // Footer: note, date, attribution, link; QR code on the right.
  const qrSize = 200;
  const footerH = qrSize + 20;
  const legendRows = Math.ceil(input.legend.length / 3);
  const legendH = legendRows * 34 + (legendRows ? 16 : 0);

  // Facts flow down two columns; a column never grows beyond what leaves the map 560 px, and
  // lines that do not fit are left out with an ellipsis (the Atlas has them all).
  const colW = (W - 2 * M - 40) / 2;
  const body = measureAt(19, 400);
  const head = measureAt(19, 700);
  const LH = 26;
  type Row = { text: string; bold: boolean; indent: boolean; gapBefore: boolean };
  const rows: Row[] = [];
  input.facts.forEach((s, si) => {
    wrapLines(head, s.heading, colW, input.locale).forEach((text, i) => rows.push({ text, bold: true, indent: false, gapBefore: si > 0 && i === 0 }));
    for (const l of s.lines) wrapLines(body, l, colW - 14, input.locale).forEach((text, i) => rows.push({ text: i === 0 ? `• ${text}` : text, bold: false, indent: i > 0, gapBefore: false }));
  });
  const rowH = (r: Row) => LH + (r.gapBefore ? 10 : 0);
  const maxColH = Math.max(LH, H - M - footerH - 24 - legendH - 24 - mapTop - 560);
  const totalH = rows.reduce((a, r) => a + rowH(r), 0);
  const target = Math.min(maxColH, Math.ceil(totalH / 2) + LH);
  const cols: Row[][] = [[], []];
  let ci = 0;
  let h = 0;
  for (const r of rows) {
    if (h + rowH(r) > (ci === 0 ? target : maxColH)) {
      if (ci === 1) {
        const last = cols[1]!.at(-1);
        if (last) last.text = `${last.text.slice(0, -1)}…`;
        break;
      }
      ci = 1;
      h = 0;
      // A heading never ends a column: it moves over with its first line.
      const moved: Row[] = [];
      while (cols[0]!.at(-1)?.bold) moved.unshift(cols[0]!.pop()!);
      for (const m of moved) {
        const r2 = h === 0 ? { ...m, gapBefore: false } : m;
        cols[1]!.push(r2);
        h += rowH(r2);
      }
    }
    cols[ci]!.push(ci === 1 && h === 0 ? { ...r, gapBefore: false } : r);
    h += rowH(ci === 1 && h === 0 ? { ...r, gapBefore: false } : r);
  }
  const factsH = Math.max(...cols.map((col) => col.reduce((a, r) => a + rowH(r), 0)));
  // The map takes what is left (at least 560 px), so the page is never half empty.
  const mapH = Math.max(560, H - M - footerH - 24 - factsH - 24 - legendH - mapTop);
  const mx = M, my = mapTop, mw = W - 2 * M, mh = mapH;

  // Map: cropped to fill the frame ("cover"), keeping the focus point in view.
  const src = input.map;
  const scale = Math.max(mw / src.width, mh / src.height);
  const sw = mw / scale, sh = mh / scale;
  const devicePx = input.pixelRatio ?? src.width / (src.clientWidth || src.width);
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
  cols.forEach((col, k) => {
    let yy = fy0;
    const x = M + k * (colW + 40);
    for (const r of col) {
      yy += r.gapBefore ? 10 : 0;
      g.fillStyle = r.bold ? '#1e3a8a' : '#0f172a';
      g.font = f(19, r.bold ? 700 : 400);
      g.fillText(r.text, x + (r.indent ? 14 : 0), yy);
      yy += LH;
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
